package io.sfinbound.common.record;

import java.time.Instant;

import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * One Salesforce record as extracted, in normalized JSON. Topic {@code sfinbound.records}, key {@code jobId/recordId}.
 * <p>
 * Normalized JSON is the REST query record without {@code attributes} objects: numbers and booleans as JSON
 * numbers and booleans, nulls as JSON null, datetimes as Salesforce REST prints them
 * ({@code 2024-05-20T20:49:32.000+0000}), dates as {@code YYYY-MM-DD}, parent relationships as nested objects
 * ({@code "Owner": {"Name": "..."}} or {@code "Owner": null}). A Bulk API 2.0 CSV row is converted to the
 * very same JSON. For the SMS text data type the record is the {@code MessagingSession} and its entries are
 * under {@code "ConversationEntries": {"totalSize": n, "done": true, "records": [...]}}, in the shape of a
 * REST child subquery.
 *
 * @param runId       run that extracted it
 * @param jobId       job id
 * @param jobVersion  job version of the run
 * @param projectId   project of the job
 * @param objectType  Salesforce object (sObject) type, for example {@code LiveChatTranscript}
 * @param recordId    Salesforce Id of the record
 * @param api         {@code REST} or {@code BULK}
 * @param extractedAt when the extractor read it
 * @param data        the normalized record
 */
public record ExtractedRecord(
        String runId,
        long jobId,
        int jobVersion,
        long projectId,
        String objectType,
        String recordId,
        String api,
        Instant extractedAt,
        ObjectNode data) {

    /** The Kafka key of a record: {@code jobId/recordId}. */
    public String key() {
        return jobId + "/" + recordId;
    }
}
