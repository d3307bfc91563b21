package io.sfinbound.extractor.query;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;

import io.sfinbound.common.job.JobConfig;
import io.sfinbound.common.job.LookBack;
import io.sfinbound.common.record.Watermark;

/**
 * The window of a run: from the stored watermark minus the job's look-back (or, without a look-back, strictly after
 * the watermark's (date, Id)), up to now minus the safety margin.
 */
public final class WindowPlanner {

    private WindowPlanner() {
    }

    /**
     * @param job          the job version
     * @param watermark    where the last successful run ended, null for a first run
     * @param now          the run's clock
     * @param safetyMargin how far behind now the window ends
     * @param dateOnly     whether the date field is a date (not a datetime)
     */
    public static QueryWindow plan(JobConfig job, Watermark watermark, Instant now, Duration safetyMargin, boolean dateOnly) {
        Instant end = now.minus(safetyMargin);
        if (dateOnly) {
            end = end.atZone(ZoneOffset.UTC).truncatedTo(ChronoUnit.DAYS).toInstant();
        } else {
            end = end.truncatedTo(ChronoUnit.SECONDS);
        }
        Keyset from = Keyset.of(watermark);
        LookBack lookBack = job.lookBack();
        if (from != null && lookBack != null && lookBack.amount() > 0) {
            Instant start = from.timestamp().minus(lookBack.toDuration());
            if (dateOnly) {
                start = start.atZone(ZoneOffset.UTC).truncatedTo(ChronoUnit.DAYS).toInstant();
            }
            from = new Keyset(start, "");
        }
        return new QueryWindow(from, end);
    }
}
