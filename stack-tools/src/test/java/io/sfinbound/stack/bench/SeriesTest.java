package io.sfinbound.stack.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;

import org.junit.jupiter.api.Test;

class SeriesTest {

    private static Series.Point p(double t, long c) {
        return new Series.Point(t, c);
    }

    @Test
    void rateCountsOnlyTheTimeTheStageWasActive() {
        // idle for 10 s, then 1,000 records over the next 4 s, then idle again
        List<Series.Point> s = List.of(p(0, 0), p(5, 0), p(10, 0), p(11, 200), p(12, 500), p(13, 800), p(14, 1000), p(15, 1000), p(30, 1000));
        assertThat(Series.activeRate(s)).isCloseTo(250.0, within(0.01));
        assertThat(Series.doneAt(s)).isEqualTo(14.0);
    }

    @Test
    void aStageThatNeverMovedHasNoRate() {
        assertThat(Series.activeRate(List.of(p(0, 0), p(1, 0)))).isZero();
        assertThat(Series.activeRate(List.of())).isZero();
        assertThat(Series.doneAt(List.of(p(0, 0)))).isEqualTo(-1.0);
    }

    @Test
    void aStageAlreadyMovingAtTheFirstSampleStartsThere() {
        assertThat(Series.activeRate(List.of(p(1, 100), p(2, 300)))).isCloseTo(300.0, within(0.01));
    }

    @Test
    void maxIsTheLargestCount() {
        assertThat(Series.max(List.of(p(0, 3), p(1, 9), p(2, 4)))).isEqualTo(9);
    }
}
