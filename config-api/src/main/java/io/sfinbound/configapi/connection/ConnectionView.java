package io.sfinbound.configapi.connection;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A connection as answered: which secrets are set, never their values. */
@Schema(description = "A Salesforce connection; secrets are never returned, only which are set.")
public record ConnectionView(
        @Schema(example = "1") long id,
        @Schema(example = "Acme production") String name,
        @Schema(example = "https://acme.my.salesforce.com") String loginUrl,
        @Schema(example = "WEB_SERVER") AuthFlow authFlow,
        @Schema(description = "True for the username-password flow, which Salesforce is retiring", example = "false") boolean authFlowDeprecated,
        @Schema(example = "3MVG9...") String consumerKey,
        @Schema(example = "integration@acme.com") String username,
        @Schema(example = "false") boolean sandbox,
        @Schema(example = "true") boolean usePkce,
        @Schema(example = "ACTIVE") ConnectionStatus status,
        @Schema(description = "Why the connection is INVALID; null otherwise", example = "refresh token revoked (invalid_grant)") String statusMessage,
        @Schema(example = "https://acme.my.salesforce.com") String instanceUrl,
        @Schema(example = "00D5g000004ABCDEAA") String orgId,
        @Schema(example = "2027-06-30") LocalDate expirationDate,
        @Schema(example = "true") boolean sendExpiryNotifications,
        @Schema(example = "14") Integer daysBeforeExpiry,
        @Schema(description = "Names of the secrets stored", example = "[\"consumerSecret\", \"refreshToken\"]") List<String> secretsSet,
        @Schema(example = "2026-11-20T09:00:00Z") Instant createdAt,
        @Schema(example = "2026-11-27T14:00:00Z") Instant updatedAt) {
}
