package io.sfinbound.configapi.oauth;

/** A Salesforce OAuth endpoint refused or failed a request. The message never contains a secret. */
public class OAuthException extends RuntimeException {

    private final String error;
    private final boolean credentialsRejected;

    /**
     * @param error               the OAuth {@code error} code, or a local code such as {@code unavailable}
     * @param message             the {@code error_description} or what failed
     * @param credentialsRejected true when Salesforce said the credentials are wrong, expired or revoked
     */
    public OAuthException(String error, String message, boolean credentialsRejected) {
        super(message);
        this.error = error;
        this.credentialsRejected = credentialsRejected;
    }

    /** The OAuth error code. */
    public String error() {
        return error;
    }

    /** Whether the credentials themselves were refused (not a transient failure). */
    public boolean credentialsRejected() {
        return credentialsRejected;
    }
}
