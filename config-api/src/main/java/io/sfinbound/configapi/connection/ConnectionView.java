package io.sfinbound.configapi.connection;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A connection as answered: which secrets are set, never their values. */
@Schema(description = "A Salesforce connection; secrets are never returned, only which are set.")
public record ConnectionView(
        long id,
        String name,
        String loginUrl,
        AuthFlow authFlow,
        @Schema(description = "True for the username-password flow, which Salesforce is retiring") boolean authFlowDeprecated,
        String consumerKey,
        String username,
        boolean sandbox,
        boolean usePkce,
        ConnectionStatus status,
        String statusMessage,
        String instanceUrl,
        String orgId,
        LocalDate expirationDate,
        boolean sendExpiryNotifications,
        Integer daysBeforeExpiry,
        @Schema(description = "Names of the secrets stored", example = "[\"consumerSecret\", \"refreshToken\"]") List<String> secretsSet,
        Instant createdAt,
        Instant updatedAt) {
}
