package io.sfinbound.configapi.config;

import java.time.Duration;
import java.util.List;
import java.util.Optional;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** The settings of config-api ({@code sfinbound.*}). */
@ConfigMapping(prefix = "sfinbound")
public interface ConfigApiConfig {

    /** API key authentication of {@code /api}. */
    Security security();

    /** The service credential of {@code /internal}. */
    Internal internal();

    /** Which Salesforce hosts a connection may point at. */
    Connections connections();

    /** Encryption of secrets at rest. */
    Encryption encryption();

    /** Access tokens handed to the extractor. */
    Tokens tokens();

    /** Job defaults. */
    Jobs jobs();

    /** API key settings. */
    interface Security {
        /**
         * An admin API key created at start when no active admin key exists ({@code SFINBOUND_BOOTSTRAP_ADMIN_KEY}).
         * Only its hash is stored.
         */
        Optional<String> bootstrapAdminKey();
    }

    /** Internal endpoint settings. */
    interface Internal {
        /** The shared key other services send as {@code X-Service-Key} ({@code SFINBOUND_SERVICE_KEY}); none refuses every call. */
        Optional<String> serviceKey();
    }

    /** Connection host rules. */
    interface Connections {
        /**
         * Hosts a login or instance URL may name: {@code host}, {@code *.suffix}, optionally with {@code :port}, or a URL
         * {@code http://host:port} (which also allows plain http for that host). Loopback, private and link-local
         * addresses are refused unless an entry names the host exactly.
         */
        @WithDefault("*.salesforce.com,*.my.salesforce.com,*.force.com")
        List<String> allowedHosts();

        /** More entries of the same form, added to {@link #allowedHosts()} ({@code SFINBOUND_ALLOWED_LOGIN_HOSTS}). */
        Optional<List<String>> additionalHosts();

        /** Whether plain {@code http} URLs are accepted for every allowed host (local stacks and tests only). */
        @WithDefault("false")
        boolean allowHttp();
    }

    /** Secret encryption settings. */
    interface Encryption {
        /** AES-256 keys, {@code id:base64key[,id:base64key]}; the first encrypts, all decrypt ({@code SFINBOUND_ENCRYPTION_KEYS}). */
        Optional<List<String>> keys();
    }

    /** Token broker settings. */
    interface Tokens {
        /** How long an access token is handed out after it was issued (Salesforce does not say; sessions last 15 min at least). */
        @WithDefault("PT15M")
        Duration ttl();

        /** Timeout of one call to a Salesforce token endpoint. */
        @WithDefault("PT20S")
        Duration httpTimeout();
    }

    /** Job settings. */
    interface Jobs {
        /** The Salesforce API version of a job that does not name one. */
        @WithDefault("62.0")
        String defaultApiVersion();
    }
}
