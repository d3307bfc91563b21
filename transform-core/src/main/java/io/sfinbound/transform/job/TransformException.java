package io.sfinbound.transform.job;

/**
 * A record that cannot be turned into a document (permanent: retrying the same record with the same job version
 * gives the same error). The record is dead-lettered with the {@link #code()} and the message.
 */
public class TransformException extends RuntimeException {

    /** The record is not a valid normalized record (missing Id, wrong shape). */
    public static final String MALFORMED_RECORD = "MALFORMED_RECORD";
    /** The live-chat Body or the messaging entries cannot be read as a conversation. */
    public static final String MALFORMED_TRANSCRIPT = "MALFORMED_TRANSCRIPT";
    /** A mapped value does not fit its data type. */
    public static final String TYPE_MISMATCH = "TYPE_MISMATCH";
    /** A mapped field is not in the record (field names are case-sensitive). */
    public static final String FIELD_NOT_FOUND = "FIELD_NOT_FOUND";
    /** A custom expression failed or ran out of time. */
    public static final String EXPRESSION_ERROR = "EXPRESSION_ERROR";
    /** The natural id is empty. */
    public static final String NATURAL_ID_MISSING = "NATURAL_ID_MISSING";
    /** The document date is empty or not a date. */
    public static final String DOCUMENT_DATE_MISSING = "DOCUMENT_DATE_MISSING";
    /** Redaction could not finish in time: the text is not published unredacted (fail closed). */
    public static final String REDACTION_TIMEOUT = "REDACTION_TIMEOUT";
    /** The job version does not compile (bad expression, regex or rule file). */
    public static final String JOB_INVALID = "JOB_INVALID";
    /** config-api does not know the record's job version. */
    public static final String JOB_VERSION_NOT_FOUND = "JOB_VERSION_NOT_FOUND";
    /** The Kafka value could not be read as an {@code ExtractedRecord}. */
    public static final String UNREADABLE_RECORD = "UNREADABLE_RECORD";

    private final String code;

    public TransformException(String code, String message) {
        super(message);
        this.code = code;
    }

    public TransformException(String code, String message, Throwable cause) {
        super(message, cause);
        this.code = code;
    }

    /** A short error code, for example {@link #TYPE_MISMATCH}. */
    public String code() {
        return code;
    }
}
