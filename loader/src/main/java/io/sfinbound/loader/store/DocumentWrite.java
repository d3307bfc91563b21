package io.sfinbound.loader.store;

import java.time.Instant;

import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * A document to insert or overwrite in the store.
 *
 * @param bodyJson {@code body} serialized, done once per document because it is the loader's largest CPU cost
 * @param insert true for a new natural id, false to overwrite the stored document
 */
public record DocumentWrite(
        long projectId,
        String naturalId,
        long jobId,
        int jobVersion,
        String runId,
        String sourceRecordId,
        Instant documentDate,
        ObjectNode body,
        String searchText,
        String bodyJson,
        boolean insert) {

    /** A write whose JSON is serialized from {@code body} here. */
    public DocumentWrite(long projectId, String naturalId, long jobId, int jobVersion, String runId, String sourceRecordId,
            Instant documentDate, ObjectNode body, String searchText, boolean insert) {
        this(projectId, naturalId, jobId, jobVersion, runId, sourceRecordId, documentDate, body, searchText, body.toString(),
                insert);
    }
}
