package io.sfinbound.configapi.connection;

import java.time.LocalDate;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * A connection as created or replaced. Secrets are write-only: they are never returned, and on an update a secret left
 * out keeps its stored value.
 */
@Schema(description = "A Salesforce connection. Secrets are write-only.")
public record ConnectionRequest(
        @Schema(example = "Acme production") String name,
        @Schema(description = "Login host or My Domain URL; default https://login.salesforce.com (https://test.salesforce.com for a sandbox)",
                example = "https://acme.my.salesforce.com") String loginUrl,
        @Schema(example = "WEB_SERVER") AuthFlow authFlow,
        @Schema(description = "Connected app consumer key (client id)", example = "3MVG9...") String consumerKey,
        @Schema(description = "Connected app consumer secret (write-only)", writeOnly = true) String consumerSecret,
        @Schema(description = "Username (username-password and JWT bearer flows)", example = "integration@acme.com") String username,
        @Schema(description = "Password (username-password flow, write-only)", writeOnly = true) String password,
        @Schema(description = "Security token appended to the password (write-only)", writeOnly = true) String securityToken,
        @Schema(description = "PKCS#8 PEM private key (JWT bearer flow, write-only)", writeOnly = true) String privateKeyPem,
        @Schema(description = "A sandbox (test environment) org", example = "false") Boolean sandbox,
        @Schema(description = "Web server flow: use PKCE (S256)", example = "true") Boolean usePkce,
        @Schema(description = "When the credentials expire", example = "2027-06-30") LocalDate expirationDate,
        @Schema(description = "Send credential expiry notifications", example = "true") Boolean sendExpiryNotifications,
        @Schema(description = "Days before the expiration date to notify, 1 to 100", example = "14") Integer daysBeforeExpiry) {

    /** The secrets of the request. */
    public ConnectionSecrets secrets() {
        return new ConnectionSecrets(blankToNull(consumerSecret), blankToNull(password), blankToNull(securityToken),
                blankToNull(privateKeyPem));
    }

    private static String blankToNull(String s) {
        return s == null || s.isEmpty() ? null : s;
    }

    @Override
    public String toString() {
        return "ConnectionRequest[name=" + name + ", loginUrl=" + loginUrl + ", authFlow=" + authFlow + ", secrets redacted]";
    }
}
