package io.sfinbound.common.record;

/**
 * The transformer's output for one extracted record. Topic {@code sfinbound.documents}, key {@code projectId/naturalId}
 * (for FILTERED and DEAD_LETTERED: {@code projectId/recordId}). Every extracted record yields exactly one such
 * message, so that the loader can account for every record of a run.
 *
 * @param runId          run id
 * @param jobId          job id
 * @param jobVersion     job version used for the mapping
 * @param projectId      project
 * @param sourceRecordId Salesforce Id of the source record
 * @param kind           document, filtered or dead-lettered
 * @param reason         why it was filtered or dead-lettered; {@code null} for a document
 * @param document       the document; {@code null} unless kind is DOCUMENT
 */
public record DocumentMessage(
        String runId,
        long jobId,
        int jobVersion,
        long projectId,
        String sourceRecordId,
        DocumentKind kind,
        String reason,
        XmdDocument document) {
}
