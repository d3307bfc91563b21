package io.sfinbound.configapi.oauth;

import java.time.Instant;

/**
 * The parts of a Salesforce token response config-api uses. {@link #toString()} hides the tokens.
 *
 * @param accessToken  the access token
 * @param refreshToken a refresh token (web server flow, or a rotated one), else null
 * @param instanceUrl  the org's instance URL
 * @param identityUrl  the identity URL {@code .../id/<orgId>/<userId>}
 * @param issuedAt     when it was issued
 */
public record TokenResponse(String accessToken, String refreshToken, String instanceUrl, String identityUrl, Instant issuedAt) {

    /** The 18-character org id from the identity URL, or null. */
    public String orgId() {
        if (identityUrl == null) {
            return null;
        }
        int i = identityUrl.indexOf("/id/");
        if (i < 0) {
            return null;
        }
        String rest = identityUrl.substring(i + 4);
        int slash = rest.indexOf('/');
        return slash < 0 ? rest : rest.substring(0, slash);
    }

    @Override
    public String toString() {
        return "TokenResponse[instanceUrl=" + instanceUrl + ", identityUrl=" + identityUrl + ", tokens redacted]";
    }
}
