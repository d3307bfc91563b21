package io.sfinbound.extractor.salesforce;

import java.time.Duration;

/**
 * A failed Salesforce call, classified so that the run knows what to do: retry, refresh the token, re-query,
 * split the window, defer for quota, or fail with the message.
 */
public class SalesforceException extends RuntimeException {

    /** What a failure means for the run. */
    public enum Kind {
        /** 5xx, {@code SERVER_UNAVAILABLE}, 429, timeouts, connection resets: retried with backoff. */
        TRANSIENT,
        /** {@code 401 INVALID_SESSION_ID}: refresh the token once and retry. */
        SESSION_EXPIRED,
        /** {@code REQUEST_LIMIT_EXCEEDED}: the org's API quota is spent; the run is deferred. */
        QUOTA_EXCEEDED,
        /** {@code QUERY_TIMEOUT}: the window is split in halves. */
        QUERY_TIMEOUT,
        /** {@code INVALID_QUERY_LOCATOR}: re-query from the last keyset position. */
        INVALID_LOCATOR,
        /** Anything else ({@code MALFORMED_QUERY}, {@code INVALID_FIELD}, 404...): the run fails at once. */
        PERMANENT
    }

    private final Kind kind;
    private final int status;
    private final String errorCode;
    private final Duration retryAfter;

    public SalesforceException(Kind kind, int status, String errorCode, String message, Duration retryAfter, Throwable cause) {
        super(message, cause);
        this.kind = kind;
        this.status = status;
        this.errorCode = errorCode;
        this.retryAfter = retryAfter;
    }

    /** Classifies an HTTP error answer by its status and Salesforce error code. */
    public static SalesforceException of(int status, String errorCode, String message, Duration retryAfter) {
        String code = errorCode == null ? "" : errorCode;
        Kind kind = switch (code) {
            case "INVALID_SESSION_ID" -> Kind.SESSION_EXPIRED;
            case "REQUEST_LIMIT_EXCEEDED" -> Kind.QUOTA_EXCEEDED;
            case "QUERY_TIMEOUT" -> Kind.QUERY_TIMEOUT;
            case "INVALID_QUERY_LOCATOR" -> Kind.INVALID_LOCATOR;
            case "SERVER_UNAVAILABLE", "UNABLE_TO_LOCK_ROW", "REQUEST_RUNNING_TOO_LONG" -> Kind.TRANSIENT;
            default -> status >= 500 || status == 429 || status == 420 || status == 408 ? Kind.TRANSIENT
                    : status == 401 ? Kind.SESSION_EXPIRED : Kind.PERMANENT;
        };
        String text = (code.isEmpty() ? "HTTP " + status : code) + (message == null || message.isBlank() ? "" : ": " + message.strip());
        return new SalesforceException(kind, status, code.isEmpty() ? null : code, text, retryAfter, null);
    }

    /** A network failure (timeout, reset, refused): transient. */
    public static SalesforceException network(String what, Throwable cause) {
        return new SalesforceException(Kind.TRANSIENT, 0, null, what + ": " + cause, null, cause);
    }

    public Kind kind() {
        return kind;
    }

    /** HTTP status, 0 for a network failure. */
    public int status() {
        return status;
    }

    /** Salesforce {@code errorCode}, or null. */
    public String errorCode() {
        return errorCode;
    }

    /** {@code Retry-After} of the answer, or null. */
    public Duration retryAfter() {
        return retryAfter;
    }

    public boolean isTransient() {
        return kind == Kind.TRANSIENT;
    }
}
