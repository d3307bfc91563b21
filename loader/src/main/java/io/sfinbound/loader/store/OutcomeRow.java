package io.sfinbound.loader.store;

import java.time.Instant;

import io.sfinbound.common.record.LoadOutcome;

/**
 * The loader's accounting of one record of a run; primary key (runId, sourceRecordId).
 *
 * @param error        for outcomes the loader itself failed: a short error code, also on the dead letter
 * @param deadLettered the loader itself sent the message to {@code sfinbound.documents.dlq}
 */
public record OutcomeRow(
        String runId,
        String sourceRecordId,
        long jobId,
        long projectId,
        String naturalId,
        LoadOutcome outcome,
        String reason,
        String error,
        boolean deadLettered,
        Instant decidedAt) {
}
