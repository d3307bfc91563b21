package io.sfinbound.common.record;

import java.time.Instant;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * A message that a stage could not process. Topics {@code sfinbound.records.dlq} and {@code sfinbound.documents.dlq}.
 *
 * @param runId          run id
 * @param jobId          job id
 * @param sourceRecordId Salesforce Id of the source record
 * @param stage          the stage that gave up
 * @param error          a short error code, for example {@code MALFORMED_TRANSCRIPT}
 * @param reason         human readable reason
 * @param payload        the failed message as JSON
 * @param at             when
 */
public record DeadLetter(
        String runId,
        long jobId,
        String sourceRecordId,
        Stage stage,
        String error,
        String reason,
        JsonNode payload,
        Instant at) {
}
