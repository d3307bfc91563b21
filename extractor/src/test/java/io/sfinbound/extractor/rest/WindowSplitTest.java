package io.sfinbound.extractor.rest;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;

import org.junit.jupiter.api.Test;

import io.sfinbound.extractor.query.Keyset;
import io.sfinbound.extractor.query.QueryWindow;

/** Halving of a window after QUERY_TIMEOUT. Plain JUnit: a pure function. */
class WindowSplitTest {

    @Test
    void halvesCoverTheWindowWithoutOverlap() {
        Keyset from = new Keyset(Instant.parse("2026-01-01T00:00:00Z"), "001A");
        QueryWindow w = new QueryWindow(from, Instant.parse("2026-01-03T00:00:00Z"));
        QueryWindow[] h = RestExtractor.split(w, false);
        assertThat(h[0].from()).isEqualTo(from);
        assertThat(h[0].end()).isEqualTo(Instant.parse("2026-01-02T00:00:00Z"));
        assertThat(h[1].from()).isEqualTo(new Keyset(Instant.parse("2026-01-02T00:00:01Z"), ""));
        assertThat(h[1].end()).isEqualTo(w.end());
    }

    @Test
    void aWindowWithoutLowerBoundSplitsFromTheEpoch() {
        QueryWindow[] h = RestExtractor.split(new QueryWindow(null, Instant.parse("2026-01-01T00:00:00Z")), false);
        assertThat(h[0].from()).isNull();
        assertThat(h[0].end()).isBetween(Instant.parse("1997-12-31T00:00:00Z"), Instant.parse("1998-01-02T00:00:00Z"));
    }

    @Test
    void oneUnitIsTheSmallestWindow() {
        Instant t = Instant.parse("2026-01-01T00:00:00Z");
        assertThat(RestExtractor.split(new QueryWindow(new Keyset(t, ""), t), false)).isNull();
        QueryWindow[] h = RestExtractor.split(new QueryWindow(new Keyset(t, ""), t.plusSeconds(1)), false);
        assertThat(h[0].end()).isEqualTo(t);
        assertThat(h[1].from().timestamp()).isEqualTo(t.plusSeconds(1));
        QueryWindow[] days = RestExtractor.split(new QueryWindow(new Keyset(t, ""), t.plusSeconds(86400 * 4)), true);
        assertThat(days[0].end()).isEqualTo(t.plusSeconds(86400 * 2));
        assertThat(days[1].from().timestamp()).isEqualTo(t.plusSeconds(86400 * 3));
    }
}
