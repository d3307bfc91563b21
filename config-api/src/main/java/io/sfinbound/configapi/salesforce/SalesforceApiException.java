package io.sfinbound.configapi.salesforce;

/** A Salesforce REST error ({@code [{"errorCode","message"}]}); the message is Salesforce's, never a secret. */
public class SalesforceApiException extends RuntimeException {

    private final int status;
    private final String errorCode;

    public SalesforceApiException(int status, String errorCode, String message) {
        super(message);
        this.status = status;
        this.errorCode = errorCode;
    }

    /** The HTTP status. */
    public int status() {
        return status;
    }

    /** Salesforce's error code, for example {@code INVALID_FIELD}. */
    public String errorCode() {
        return errorCode;
    }
}
