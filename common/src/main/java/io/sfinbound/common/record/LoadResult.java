package io.sfinbound.common.record;

import java.time.Instant;

/**
 * The outcome of one document (or one filtered or dead-lettered record). Topic {@code sfinbound.load-results}, key: run id.
 *
 * @param runId          run id
 * @param jobId          job id
 * @param projectId      project
 * @param sourceRecordId Salesforce Id of the source record
 * @param naturalId      natural id of the document, {@code null} when none was made
 * @param outcome        the outcome
 * @param reason         why, for FILTERED, SKIPPED_DUPLICATE and FAILED
 * @param at             when the loader decided it
 */
public record LoadResult(
        String runId,
        long jobId,
        long projectId,
        String sourceRecordId,
        String naturalId,
        LoadOutcome outcome,
        String reason,
        Instant at) {
}
