package io.sfinbound.common.kafka;

/** Kafka header names that carry lineage on every pipeline message. Values are UTF-8 strings. */
public final class LineageHeaders {

    public static final String JOB_ID = "sfinbound-job-id";
    public static final String RUN_ID = "sfinbound-run-id";
    public static final String JOB_VERSION = "sfinbound-job-version";
    public static final String SOURCE_OBJECT = "sfinbound-source-object";
    /** {@code REST} or {@code BULK}. */
    public static final String API = "sfinbound-api";
    /** The stage that wrote the message: extractor, transformer or loader. */
    public static final String STAGE = "sfinbound-stage";

    private LineageHeaders() {
    }
}
