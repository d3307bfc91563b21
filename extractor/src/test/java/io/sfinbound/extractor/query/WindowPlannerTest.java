package io.sfinbound.extractor.query;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;

import io.sfinbound.common.job.DataType;
import io.sfinbound.common.job.ExtractionApi;
import io.sfinbound.common.job.JobConfig;
import io.sfinbound.common.job.LookBack;
import io.sfinbound.common.record.Watermark;

/** Window planning and the window SOQL. Plain JUnit: pure functions of the job, the watermark and the clock. */
class WindowPlannerTest {

    static final Instant NOW = Instant.parse("2026-03-10T12:34:56.789Z");

    static JobConfig job(LookBack lookBack, Integer limit) {
        return new JobConfig(1, 1, 1, 1, "j", DataType.FEEDBACK, null, "62.0",
                "SELECT Id, Subject FROM Case WHERE Status = 'Closed' OR Origin = 'Web' ORDER BY CreatedDate LIMIT 10",
                "SystemModstamp", false, ExtractionApi.REST, null, limit, lookBack, null, null, List.of(), null, null);
    }

    @Test
    void firstRunHasNoLowerBoundAndEndsASafetyMarginBeforeNow() {
        QueryWindow w = WindowPlanner.plan(job(new LookBack(0, LookBack.Unit.DAYS), null), null, NOW, Duration.ofMinutes(1), false);
        assertThat(w.from()).isNull();
        assertThat(w.end()).isEqualTo(Instant.parse("2026-03-10T12:33:56Z"));
    }

    @Test
    void withoutLookBackTheWindowStartsStrictlyAfterTheWatermarkKeyset() {
        Watermark wm = new Watermark(Instant.parse("2026-03-01T00:00:00Z"), "500000000000123AAA");
        QueryWindow w = WindowPlanner.plan(job(new LookBack(0, LookBack.Unit.DAYS), null), wm, NOW, Duration.ZERO, false);
        assertThat(w.from()).isEqualTo(new Keyset(wm.timestamp(), wm.id()));
        String soql = WindowQueries.of(job(null, null).soql(), "SystemModstamp", false).window(w, 2000);
        assertThat(soql).contains("(Status = 'Closed' OR Origin = 'Web')")
                .contains("SystemModstamp > 2026-03-01T00:00:00Z OR (SystemModstamp = 2026-03-01T00:00:00Z AND Id > '500000000000123AAA')")
                .contains("SystemModstamp <= 2026-03-10T12:34:56Z")
                .contains("ORDER BY SystemModstamp, Id")
                .endsWith("LIMIT 2000")
                .doesNotContain("CreatedDate");
    }

    @Test
    void lookBackReReadsEveryRecordFromTheWatermarkMinusTheLookBack() {
        Watermark wm = new Watermark(Instant.parse("2026-03-01T10:00:00Z"), "500000000000123AAA");
        QueryWindow w = WindowPlanner.plan(job(new LookBack(6, LookBack.Unit.HOURS), null), wm, NOW, Duration.ZERO, false);
        assertThat(w.from()).isEqualTo(new Keyset(Instant.parse("2026-03-01T04:00:00Z"), ""));
        String soql = WindowQueries.of(job(null, null).soql(), "SystemModstamp", false).window(w, null);
        assertThat(soql).contains("SystemModstamp >= 2026-03-01T04:00:00Z").doesNotContain("Id >");
    }

    @Test
    void dateFieldsGetWholeDays() {
        Watermark wm = new Watermark(Instant.parse("2026-03-05T00:00:00Z"), "a0F000000000001AAA");
        QueryWindow w = WindowPlanner.plan(job(new LookBack(2, LookBack.Unit.DAYS), null), wm, NOW, Duration.ofHours(13), true);
        assertThat(w.from().timestamp()).isEqualTo(Instant.parse("2026-03-03T00:00:00Z"));
        assertThat(w.end()).isEqualTo(Instant.parse("2026-03-09T00:00:00Z"));
    }

    @Test
    void countQueryCountsTheSameWindow() {
        QueryWindow w = new QueryWindow(new Keyset(Instant.parse("2026-03-01T00:00:00Z"), ""), Instant.parse("2026-03-02T00:00:00Z"));
        String count = WindowQueries.of(job(null, null).soql(), "SystemModstamp", false).count(w);
        assertThat(count).startsWith("SELECT COUNT() FROM Case WHERE").contains("SystemModstamp >= 2026-03-01T00:00:00Z")
                .doesNotContain("ORDER BY").doesNotContain("LIMIT");
    }

    @Test
    void keysetOrdersByTimestampThenId() {
        Keyset a = new Keyset(Instant.parse("2026-03-01T00:00:00Z"), "B");
        Keyset b = new Keyset(Instant.parse("2026-03-01T00:00:00Z"), "C");
        Keyset c = new Keyset(Instant.parse("2026-03-01T00:00:01Z"), "A");
        assertThat(a).isLessThan(b);
        assertThat(b).isLessThan(c);
        assertThat(Keyset.max(c, a)).isEqualTo(c);
        assertThat(Keyset.max(null, a)).isEqualTo(a);
    }
}
