package io.sfinbound.sim.auth;

/** An OAuth failure answered as {@code {"error", "error_description"}} (HTTP 400 unless said otherwise). */
public class OAuthException extends RuntimeException {

    private final String error;
    private final int status;

    public OAuthException(String error, String description) {
        this(400, error, description);
    }

    public OAuthException(int status, String error, String description) {
        super(description, null, false, false);
        this.error = error;
        this.status = status;
    }

    public String error() {
        return error;
    }

    public int status() {
        return status;
    }

    static OAuthException authenticationFailure() {
        return new OAuthException("invalid_grant", "authentication failure");
    }
}
