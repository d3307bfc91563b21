package io.sfinbound.transformer.config;

import java.time.Duration;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** Settings of the transformer (prefix {@code transformer}). */
@ConfigMapping(prefix = "transformer")
public interface TransformerConfig {

    /** Shared credential of the {@code /internal} endpoints, sent to and expected from other services (env {@code SFINBOUND_SERVICE_KEY}). */
    @WithDefault("${sfinbound.service-key}")
    String serviceKey();

    /** Time budget of one custom expression or connector filter evaluation; past it the record is dead-lettered. */
    @WithDefault("50ms")
    Duration expressionTimeout();

    /** Time budget of all regexes (regex transformation, substitution and redaction) over one text; past it the record is dead-lettered. */
    @WithDefault("500ms")
    Duration regexTimeout();

    /**
     * Largest serialized document (JSON bytes, before compression). A larger one is dead-lettered with
     * {@code DOCUMENT_TOO_LARGE}: Kafka would refuse it (the broker's {@code message.max.bytes}, 1 MB by default, on the
     * compressed batch) and a refused send would stop the records channel instead of costing one record.
     */
    @WithDefault("1000000")
    int maxDocumentBytes();

    /** Fetching job versions from config-api. */
    JobFetch jobFetch();

    /** Backoff of job version fetches: config-api being down stalls the records (never dead-letters them). */
    interface JobFetch {

        /** First delay after a failed fetch. */
        @WithDefault("200ms")
        Duration initialDelay();

        /** Longest delay between fetches. */
        @WithDefault("30s")
        Duration maxDelay();
    }
}
