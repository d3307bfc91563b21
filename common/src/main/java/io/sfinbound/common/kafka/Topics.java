package io.sfinbound.common.kafka;

/**
 * Kafka topic names of the pipeline. The README documents each topic's key and value schema;
 * the JSON schemas live in {@code common/src/main/resources/schemas}.
 */
public final class Topics {

    /** Run requests from config-api to the extractor. Key: job id. Value: {@link io.sfinbound.common.record.RunRequest}. */
    public static final String RUN_REQUESTS = "sfinbound.run-requests";
    /** Raw (unredacted) Salesforce records. Key: {@code jobId/recordId}. Value: {@link io.sfinbound.common.record.ExtractedRecord}. */
    public static final String RECORDS = "sfinbound.records";
    /** Records the transformer could not map. Key: as {@link #RECORDS}. Value: {@link io.sfinbound.common.record.DeadLetter}. */
    public static final String RECORDS_DLQ = "sfinbound.records.dlq";
    /** Mapped, redacted documents and per-record transform outcomes. Key: {@code projectId/naturalId}. Value: {@link io.sfinbound.common.record.DocumentMessage}. */
    public static final String DOCUMENTS = "sfinbound.documents";
    /** Documents the sink rejected permanently. Key: as {@link #DOCUMENTS}. Value: {@link io.sfinbound.common.record.DeadLetter}. */
    public static final String DOCUMENTS_DLQ = "sfinbound.documents.dlq";
    /** One outcome per document. Key: run id. Value: {@link io.sfinbound.common.record.LoadResult}. */
    public static final String LOAD_RESULTS = "sfinbound.load-results";
    /** Run lifecycle and counters of each stage. Key: run id. Value: {@link io.sfinbound.common.record.RunEvent}. */
    public static final String RUN_EVENTS = "sfinbound.run-events";

    /** Every topic of the pipeline, for launchers and tests that create them before the services subscribe. */
    public static final java.util.List<String> ALL = java.util.List.of(RUN_REQUESTS, RECORDS, RECORDS_DLQ, DOCUMENTS,
            DOCUMENTS_DLQ, LOAD_RESULTS, RUN_EVENTS);

    private Topics() {
    }
}
