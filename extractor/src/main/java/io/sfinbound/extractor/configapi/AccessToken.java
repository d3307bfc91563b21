package io.sfinbound.extractor.configapi;

import java.time.Instant;

/**
 * A Salesforce access token served by config-api's internal token endpoint. Never logged: {@link #toString()} hides it.
 *
 * @param accessToken bearer token
 * @param instanceUrl base URL of the org's instance
 * @param orgId       18-character org id (the API quota is per org)
 * @param expiresAt   when config-api expects it to expire; {@code null} when unknown
 */
public record AccessToken(String accessToken, String instanceUrl, String orgId, Instant expiresAt) {

    @Override
    public String toString() {
        return "AccessToken[instanceUrl=" + instanceUrl + ", orgId=" + orgId + ", expiresAt=" + expiresAt + "]";
    }
}
