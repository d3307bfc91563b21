package io.sfinbound.extractor;

import java.time.Duration;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** Extractor settings (prefix {@code extractor}); every key can be set by environment variable, e.g. {@code EXTRACTOR_QUOTA_MAX_SHARE}. */
@ConfigMapping(prefix = "extractor")
public interface ExtractorConfig {

    /** Runs executed at the same time by this instance; further requests wait in a queue (their offsets stay uncommitted). */
    @WithDefault("4")
    int maxConcurrentRuns();

    /** Records sent to Kafka but not yet acknowledged, per run (backpressure on the Salesforce reads). */
    @WithDefault("1000")
    int maxInFlightRecords();

    /** How often a running run publishes a PROGRESS event. */
    @WithDefault("PT5S")
    Duration progressInterval();

    /** Window settings. */
    Window window();

    /** REST query settings. */
    Rest rest();

    /** Bulk API 2.0 settings. */
    Bulk bulk();

    /** Retry of transient Salesforce failures. */
    Retry retry();

    /** API quota governor. */
    Quota quota();

    /** HTTP client settings for Salesforce. */
    Http http();

    /** Incremental window settings. */
    interface Window {
        /** The window ends this long before now, so that rows of transactions still being committed are read next time. */
        @WithDefault("PT1M")
        Duration safetyMargin();

        /** Halvings of a window after {@code QUERY_TIMEOUT} before the run fails. */
        @WithDefault("24")
        int maxSplits();
    }

    /** REST query settings. */
    interface Rest {
        /** {@code Sforce-Query-Options: batchSize} (200..2000). */
        @WithDefault("2000")
        int batchSize();

        /** Sessions whose {@code ConversationEntry} records are read with one query (SMS text). */
        @WithDefault("100")
        int conversationBatch();
    }

    /** Bulk API 2.0 settings. */
    interface Bulk {
        /** Delay before the first poll of a new job's state (a job is never complete at once), then between polls. */
        @WithDefault("PT0.5S")
        Duration pollInitialDelay();

        /** Longest delay between two polls. */
        @WithDefault("PT10S")
        Duration pollMaxDelay();

        /** A job not complete after this long is aborted and the run fails. */
        @WithDefault("PT2H")
        Duration jobTimeout();

        /**
         * {@code maxRecords} of one result page. Each page is one API call and is streamed, never held, so a larger
         * page costs no heap; 100,000 keeps a 1,000,000-record extraction within 20 calls (issue 7). The price: a
         * page cut mid-way is fetched again from its start.
         */
        @WithDefault("100000")
        int pageSize();

        /** Query jobs created for one run when Salesforce reports a job as Failed. */
        @WithDefault("2")
        int maxJobAttempts();

        /** After the last failed job, extract the window over REST instead of failing the run. */
        @WithDefault("true")
        boolean fallbackToRest();
    }

    /** Retry of transient failures (5xx, SERVER_UNAVAILABLE, timeouts, connection resets). */
    interface Retry {
        /** Retries of one call. */
        @WithDefault("6")
        int maxRetries();

        /** First backoff delay; each retry doubles it. */
        @WithDefault("PT0.5S")
        Duration initialDelay();

        /** Longest backoff delay (a longer {@code Retry-After} is honored up to {@link #maxRetryAfter()}). */
        @WithDefault("PT30S")
        Duration maxDelay();

        /** Longest {@code Retry-After} honored; a longer one fails the call as transient. */
        @WithDefault("PT5M")
        Duration maxRetryAfter();

        /** Jitter as a share of the delay, 0..1. */
        @WithDefault("0.25")
        double jitter();
    }

    /** API quota governor. */
    interface Quota {
        /** Share of the org's daily API quota ({@code Sforce-Limit-Info: api-usage=used/max}) at which runs stop and are deferred. */
        @WithDefault("0.9")
        double maxShare();

        /**
         * How long a usage reading is trusted; after that one call goes out to read the current usage (the quota is a
         * rolling 24 hours, so a deferred org becomes usable again without anyone resetting anything).
         */
        @WithDefault("PT5M")
        Duration readingTtl();
    }

    /** HTTP client settings. */
    interface Http {
        /** TCP connect timeout. */
        @WithDefault("PT10S")
        Duration connectTimeout();

        /** Timeout of one request until the response headers arrive. */
        @WithDefault("PT2M")
        Duration requestTimeout();
    }
}
