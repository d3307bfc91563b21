package io.sfinbound.loader.config;

import java.time.Duration;
import java.util.Optional;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** Settings of the loader (prefix {@code loader}). */
@ConfigMapping(prefix = "loader")
public interface LoaderConfig {

    /** Shared credential of config-api's {@code /internal} endpoints (env {@code SFINBOUND_SERVICE_KEY}). */
    @WithDefault("${sfinbound.service-key}")
    String serviceKey();

    /** Authentication of the public {@code /api}. */
    Auth auth();

    /** Retries of a whole batch when the database, config-api or Kafka fail transiently. */
    Retry retry();

    /** Where documents go. */
    Sink sink();

    /** Authentication of {@code /api} callers through config-api. */
    interface Auth {

        /** Whether {@code /api} requires an {@code X-API-Key}; switch off only in tests of other concerns. */
        @WithDefault("true")
        boolean enabled();

        /** How long a verified key is trusted before config-api is asked again. */
        @WithDefault("60s")
        Duration cacheTtl();
    }

    /** Backoff of batch retries; a batch is retried until it succeeds or the service stops. */
    interface Retry {

        /** First delay. */
        @WithDefault("500ms")
        Duration initialDelay();

        /** Longest delay. */
        @WithDefault("30s")
        Duration maxDelay();
    }

    /** The document sink. */
    interface Sink {

        /** {@code postgres} (the document store) or {@code http} (XM Discover-style push; the index stays in PostgreSQL). */
        @WithDefault("postgres")
        SinkType type();

        /** The HTTP push sink. */
        Http http();
    }

    /** Kinds of sink. */
    enum SinkType {
        POSTGRES,
        HTTP
    }

    /** The XM Discover-style HTTP push sink. */
    interface Http {

        /** Endpoint receiving {@code POST} of a JSON batch of documents. */
        Optional<String> url();

        /** Static bearer API token; when absent, OAuth 2.0 client credentials are used. */
        Optional<String> apiToken();

        /** OAuth 2.0 token endpoint for client credentials. */
        Optional<String> tokenUrl();

        /** OAuth 2.0 client id. */
        Optional<String> clientId();

        /** OAuth 2.0 client secret. */
        Optional<String> clientSecret();

        /** OAuth 2.0 scope, if the server wants one. */
        Optional<String> scope();

        /** Documents per POST. */
        @WithDefault("200")
        int batchSize();

        /** Attempts per POST on transient errors (connection errors, 408, 429, 5xx). */
        @WithDefault("5")
        int maxAttempts();

        /** First backoff delay; doubles per attempt. */
        @WithDefault("200ms")
        Duration initialBackoff();

        /** Longest backoff delay. */
        @WithDefault("10s")
        Duration maxBackoff();

        /** Timeout of one request. */
        @WithDefault("30s")
        Duration requestTimeout();
    }
}
