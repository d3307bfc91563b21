package io.sfinbound.configapi.openapi;

/**
 * JSON examples of the OpenAPI document for types of the {@code common} module, which carry no OpenAPI annotations of
 * their own; the config-api types that hold them put these on their components. Realistic values, never a secret.
 */
public final class Examples {

    /** A LIVE_CHAT job's field mappings. */
    public static final String FIELD_MAPPINGS = "[{\"sourceField\": \"ChatDuration\", \"targetAttribute\": \"chat_duration\", "
            + "\"dataType\": \"NUMBER\"}, {\"sourceField\": \"Owner.Name\", \"targetAttribute\": \"agent_name\", \"dataType\": \"TEXT\"}, "
            + "{\"sourceField\": \"Status\", \"targetAttribute\": \"chat_status\", \"dataType\": \"TEXT\", \"transformation\": "
            + "{\"type\": \"LOOKUP\", \"lookup\": {\"Completed\": \"closed\", \"Missed\": \"missed\"}, \"lookupDefault\": \"other\"}}]";

    /** The default mapping of a LIVE_CHAT job. */
    public static final String DEFAULT_MAPPING = "{\"naturalIdField\": \"Id\", \"documentDateField\": \"CreatedDate\", "
            + "\"sourceValue\": \"Salesforce Live Chat\", \"feedbackType\": \"chat\"}";

    /** Substitution and redaction settings. */
    public static final String REDACTION = "{\"substitutionRules\": \"pls => please\\nthx => thanks\", "
            + "\"redactionRules\": \"\\\\bACME-\\\\d{6}\\\\b\", \"detectors\": [\"EMAIL\", \"PHONE\", \"PAYMENT_CARD\"], "
            + "\"mask\": \"***\", \"textAttributes\": [\"body\"]}";

    /** A connector filter. */
    public static final String FILTER = "{\"expression\": \"chat_duration > 30\", \"mode\": \"INCLUDE\"}";

    /** A look-back of incremental runs. */
    public static final String LOOK_BACK = "{\"amount\": 2, \"unit\": \"HOURS\"}";

    /** A watermark: where the next incremental run starts. */
    public static final String WATERMARK = "{\"timestamp\": \"2026-11-28T05:59:58Z\", \"id\": \"0Mw5g000000XyZ1CAK\"}";

    /** A job's notifications. */
    public static final String NOTIFICATIONS = "{\"emails\": [\"cx-team@acme.com\"], \"webhooks\": [\"https://hooks.acme.com/sfinbound\"], "
            + "\"onFailed\": true, \"onWarnings\": true, \"onCompleted\": false, \"onDeferred\": true, \"onCredentials\": true}";

    /** A job version's configuration, as the extractor, transformer and loader read it. */
    public static final String JOB_CONFIG = "{\"jobId\": 7, \"version\": 2, \"projectId\": 3, \"connectionId\": 1, "
            + "\"name\": \"Live chat transcripts\", \"dataType\": \"LIVE_CHAT\", \"participantMode\": \"AUTO_DETECT\", "
            + "\"apiVersion\": \"62.0\", \"soql\": \"SELECT Id, CreatedDate, Body, ChatDuration FROM LiveChatTranscript\", "
            + "\"dateField\": \"CreatedDate\", \"includeDeleted\": false, \"api\": \"AUTO\", \"bulkThreshold\": 50000, "
            + "\"recordLimit\": 1000, \"lookBack\": " + LOOK_BACK + ", \"duplicateMode\": \"UPDATE\", "
            + "\"defaultMapping\": " + DEFAULT_MAPPING + ", \"fieldMappings\": " + FIELD_MAPPINGS + ", "
            + "\"redaction\": " + REDACTION + ", \"filter\": " + FILTER + "}";

    /** A job's substitution rule file (text/plain). */
    public static final String SUBSTITUTION_FILE = "# Substitution rules\npls : please\n\"Acme Corp.\" : \"Acme Corporation\"\n";

    /** A job's redaction rule file (text/plain). */
    public static final String REDACTION_FILE = "# Redaction rules\n# order numbers such as ORD-123456\nORD-\\d{6}\n";

    private Examples() {
    }
}
