package io.sfinbound.configapi.oauth;

import java.time.Instant;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * A short-lived access token as handed to the extractor ({@code POST /internal/connections/{id}/token}).
 * {@link #toString()} hides the token.
 */
public record AccessToken(@Schema(example = "********") String accessToken,
        @Schema(example = "https://acme.my.salesforce.com") String instanceUrl, @Schema(example = "00D5g000004ABCDEAA") String orgId,
        @Schema(example = "2026-11-29T07:00:00Z") Instant expiresAt) {

    @Override
    public String toString() {
        return "AccessToken[instanceUrl=" + instanceUrl + ", orgId=" + orgId + ", expiresAt=" + expiresAt + ", token redacted]";
    }
}
