package io.sfinbound.common.record;

import java.time.Instant;
import java.util.Map;

/**
 * A run lifecycle event or a stage's counters. Topic {@code sfinbound.run-events}, key: run id.
 * <p>
 * Counters are <b>absolute</b> totals for the stage and run (never deltas), so a redelivered or reordered event
 * cannot make a count wrong: config-api keeps, per run and stage, the event with the highest {@code sequence}.
 * Counter names: extractor {@code extracted}, {@code apiCalls}, {@code pages}; loader {@code loaded},
 * {@code updated}, {@code unchanged}, {@code skippedDuplicate}, {@code filtered}, {@code failed}, and
 * {@code accounted} (their sum, distinct source records). A run is complete when the extractor sent
 * EXTRACTION_COMPLETED and the loader's {@code accounted} equals {@code extracted}.
 *
 * @param runId     run id
 * @param jobId     job id
 * @param stage     which stage sent it
 * @param type      event type
 * @param sequence  increases with every event of the same run and stage (a clock in millis or a counter)
 * @param counters  absolute counters of that stage
 * @param watermark on EXTRACTION_COMPLETED: the new watermark (last published (date, Id)); otherwise null
 * @param message   human readable reason for FAILED, DEFERRED and CANCELLED
 * @param at        when it happened
 */
public record RunEvent(
        String runId,
        long jobId,
        Stage stage,
        RunEventType type,
        long sequence,
        Map<String, Long> counters,
        Watermark watermark,
        String message,
        Instant at) {
}
