package io.sfinbound.sim.api;

import java.util.List;

/**
 * An error answered as Salesforce does on its REST API: a JSON array {@code [{"message", "errorCode", "fields"}]}
 * with the status Salesforce uses for the code.
 */
public class SalesforceException extends RuntimeException {

    private final int status;
    private final String errorCode;
    private final List<String> fields;

    public SalesforceException(int status, String errorCode, String message, List<String> fields) {
        super(message, null, false, false);
        this.status = status;
        this.errorCode = errorCode;
        this.fields = fields;
    }

    public SalesforceException(int status, String errorCode, String message) {
        this(status, errorCode, message, null);
    }

    public int status() {
        return status;
    }

    public String errorCode() {
        return errorCode;
    }

    public List<String> fields() {
        return fields;
    }

    /** 401: no, an unknown, an expired or a revoked access token. */
    public static SalesforceException invalidSession() {
        return new SalesforceException(401, "INVALID_SESSION_ID", "Session expired or invalid");
    }

    /** 404 of an unknown resource. */
    public static SalesforceException notFound() {
        return new SalesforceException(404, "NOT_FOUND", "The requested resource does not exist");
    }

    /** 403: the org's daily API requests are spent. */
    public static SalesforceException requestLimitExceeded() {
        return new SalesforceException(403, "REQUEST_LIMIT_EXCEEDED", "TotalRequests Limit exceeded.");
    }

    /** 503: the server is busy (also used by fault injection). */
    public static SalesforceException serverUnavailable() {
        return new SalesforceException(503, "SERVER_UNAVAILABLE", "Server too busy");
    }

    /** 400 MALFORMED_QUERY. */
    public static SalesforceException malformedQuery(String message) {
        return new SalesforceException(400, "MALFORMED_QUERY", message);
    }

    /** 400 INVALID_FIELD. */
    public static SalesforceException invalidField(String message) {
        return new SalesforceException(400, "INVALID_FIELD", message);
    }

    /** 400 INVALID_TYPE (unknown object). */
    public static SalesforceException invalidType(String message) {
        return new SalesforceException(400, "INVALID_TYPE", message);
    }

    /** 400 INVALID_QUERY_LOCATOR (unknown or expired locator). */
    public static SalesforceException invalidLocator() {
        return new SalesforceException(400, "INVALID_QUERY_LOCATOR", "invalid query locator");
    }

    /** 404 NOT_FOUND for an unknown sObject in a URL. */
    public static SalesforceException unknownObject(String name) {
        return new SalesforceException(404, "NOT_FOUND", "The requested resource does not exist");
    }
}
