package io.sfinbound.extractor.publish;

import java.nio.charset.StandardCharsets;

import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.header.internals.RecordHeaders;

import io.sfinbound.common.kafka.LineageHeaders;

/**
 * Lineage of a run's messages, as Kafka headers.
 *
 * @param jobId      job id
 * @param runId      run id
 * @param jobVersion job version
 * @param object     source sObject
 */
public record Lineage(long jobId, String runId, int jobVersion, String object) {

    /** The headers of one message sent through {@code api} ({@code REST} or {@code BULK}). */
    public Headers headers(String api) {
        RecordHeaders h = new RecordHeaders();
        add(h, LineageHeaders.JOB_ID, Long.toString(jobId));
        add(h, LineageHeaders.RUN_ID, runId);
        add(h, LineageHeaders.JOB_VERSION, Integer.toString(jobVersion));
        if (object != null) {
            add(h, LineageHeaders.SOURCE_OBJECT, object);
        }
        if (api != null) {
            add(h, LineageHeaders.API, api);
        }
        add(h, LineageHeaders.STAGE, "extractor");
        return h;
    }

    private static void add(RecordHeaders h, String key, String value) {
        h.add(key, value.getBytes(StandardCharsets.UTF_8));
    }
}
