package io.sfinbound.loader.store;

import java.time.Instant;

import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * A document to insert or overwrite in the store.
 *
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
        boolean insert) {
}
