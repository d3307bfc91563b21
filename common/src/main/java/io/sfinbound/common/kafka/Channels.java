package io.sfinbound.common.kafka;

/**
 * SmallRye Reactive Messaging channel names, shared by the services and their tests.
 * A channel reading a topic is named after it; a channel writing it carries the {@code -out} suffix.
 */
public final class Channels {

    public static final String RUN_REQUESTS_IN = "run-requests";
    public static final String RUN_REQUESTS_OUT = "run-requests-out";
    public static final String RECORDS_IN = "records";
    public static final String RECORDS_OUT = "records-out";
    public static final String RECORDS_DLQ_OUT = "records-dlq-out";
    public static final String DOCUMENTS_IN = "documents";
    public static final String DOCUMENTS_OUT = "documents-out";
    public static final String DOCUMENTS_DLQ_OUT = "documents-dlq-out";
    public static final String LOAD_RESULTS_OUT = "load-results-out";
    public static final String RUN_EVENTS_IN = "run-events";
    public static final String RUN_EVENTS_OUT = "run-events-out";

    private Channels() {
    }
}
