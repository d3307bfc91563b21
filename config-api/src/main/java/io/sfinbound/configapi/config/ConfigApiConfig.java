package io.sfinbound.configapi.config;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import io.smallrye.config.WithName;

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

    /** The scheduler tick. */
    Scheduler scheduler();

    /** Notifications. */
    Notifications notifications();

    /** The run request outbox relay. */
    Outbox outbox();

    /** Optional JWT bearer authentication of {@code /api}, next to API keys. */
    Auth auth();

    /** The transformer, called for "Download sample data". */
    Transformer transformer();

    /** Transformer settings. */
    interface Transformer {
        /** Base URL of the transformer ({@code SFINBOUND_TRANSFORMER_URL}). */
        @WithDefault("http://127.0.0.1:8083")
        String url();

        /** Timeout of one preview call. */
        @WithDefault("PT30S")
        Duration timeout();
    }

    /** Authentication settings besides API keys. */
    interface Auth {
        /** JWT bearer tokens. */
        Jwt jwt();
    }

    /**
     * JWT bearer tokens, on when {@code jwks-url} is set (then {@code issuer} and {@code audience} are required). The
     * signature is checked against the JWKS (cached, fetched again when a token names an unknown key id), and
     * {@code exp} (required), {@code nbf}, {@code iss} and {@code aud}; the role comes from {@code role-claim}.
     */
    interface Jwt {
        /** The JWKS URL of the identity provider. */
        Optional<String> jwksUrl();

        /** The expected {@code iss}. */
        Optional<String> issuer();

        /** The expected {@code aud} (one of the token's audiences). */
        Optional<String> audience();

        /** The claim holding the caller's roles (a string or an array; a dotted path reaches into objects). */
        @WithDefault("roles")
        String roleClaim();

        /** Claim values granting VIEWER. */
        @WithDefault("viewer")
        List<String> viewerValues();

        /** Claim values granting JOB_MANAGER ("Manage Jobs"). */
        @WithDefault("job-manager,job_manager,manage-jobs")
        List<String> jobManagerValues();

        /** Claim values granting ADMIN. */
        @WithDefault("admin")
        List<String> adminValues();

        /** The claim naming the caller in the change log. */
        @WithDefault("sub")
        String principalClaim();

        /** Clock skew allowed on {@code exp} and {@code nbf}. */
        @WithDefault("PT30S")
        Duration clockSkew();

        /** How long a fetched JWKS is used when the provider sends no cache header. */
        @WithDefault("PT10M")
        Duration jwksCacheDuration();

        /**
         * An unknown key id fetches the JWKS again, but not sooner than this after the last fetch, so that a flood of
         * tokens with made-up key ids cannot turn into a flood of requests to the identity provider.
         */
        @WithDefault("PT0.3S")
        Duration jwksRefetchReprieve();
    }

    /** Outbox relay settings. */
    interface Outbox {
        /** How often pending run requests are published ({@code off} in tests, which relay themselves). */
        @WithDefault("2s")
        String every();

        /** Requests claimed and published per transaction. */
        @WithDefault("100")
        int batchSize();
    }

    /** Keys the test resources set under {@code sfinbound.test.*} (the simulator URL); the service ignores them. */
    @WithName("test")
    Map<String, String> testSettings();

    /** The OAuth web server flow. */
    OAuth oauth();

    /** Web server flow settings. */
    interface OAuth {
        /**
         * The callback URL registered in the connected app ({@code .../api/oauth/callback}); default: this service's
         * own URL as the authorizing request reached it.
         */
        Optional<String> redirectUri();

        /** How long an authorization may take from redirect to callback. */
        @WithDefault("PT10M")
        Duration stateTtl();

        /** Scopes asked for. */
        @WithDefault("api refresh_token")
        String scope();
    }

    /** Notification settings. */
    interface Notifications {
        /** Key of the {@code X-Sfinbound-Signature} HMAC-SHA256 of webhook bodies ({@code SFINBOUND_WEBHOOK_SECRET}). */
        Optional<String> webhookSecret();

        /** Recipients of connection notifications (credentials expiring or invalid) besides the jobs' watchers. */
        Optional<List<String>> adminEmails();

        /** Cron of the daily credential expiry check. */
        @WithDefault("0 0 6 * * ?")
        String expiryCheckCron();
    }

    /** The scheduler tick settings. */
    interface Scheduler {
        /** How often due jobs are claimed ({@code off} disables the tick, as in tests). */
        @WithDefault("15s")
        String every();

        /** Jobs claimed per transaction. */
        @WithDefault("20")
        int batchSize();

        /** A run still QUEUED this long after it was created (the extractor never started it) is failed, unblocking its job. */
        @WithDefault("PT30M")
        Duration queuedTimeout();

        /** A RUNNING run without any event for this long is failed. */
        @WithDefault("PT6H")
        Duration staleTimeout();
    }

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
