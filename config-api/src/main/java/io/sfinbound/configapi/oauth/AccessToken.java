package io.sfinbound.configapi.oauth;

import java.time.Instant;

/**
 * A short-lived access token as handed to the extractor ({@code POST /internal/connections/{id}/token}).
 * {@link #toString()} hides the token.
 */
public record AccessToken(String accessToken, String instanceUrl, String orgId, Instant expiresAt) {

    @Override
    public String toString() {
        return "AccessToken[instanceUrl=" + instanceUrl + ", orgId=" + orgId + ", expiresAt=" + expiresAt + ", token redacted]";
    }
}
