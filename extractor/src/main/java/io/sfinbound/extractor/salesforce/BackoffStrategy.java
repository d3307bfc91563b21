package io.sfinbound.extractor.salesforce;

import java.time.Duration;
import java.util.concurrent.ThreadLocalRandom;

import io.smallrye.faulttolerance.api.CustomBackoffStrategy;

/**
 * Exponential backoff with jitter that honors {@code Retry-After}: the delay doubles from the initial delay up to the
 * maximum, varies by ± the jitter share so that runs hit by the same outage do not retry in lockstep, and is never
 * shorter than the {@code Retry-After} Salesforce sent (capped, so that a bogus header cannot park a run for hours).
 */
final class BackoffStrategy implements CustomBackoffStrategy {

    private final long maxDelayMillis;
    private final long maxRetryAfterMillis;
    private final double jitter;
    private long next;

    BackoffStrategy(Duration maxDelay, Duration maxRetryAfter, double jitter) {
        this.maxDelayMillis = maxDelay.toMillis();
        this.maxRetryAfterMillis = maxRetryAfter.toMillis();
        this.jitter = Math.max(0, Math.min(1, jitter));
    }

    @Override
    public void init(long initialDelayInMillis) {
        next = Math.max(1, initialDelayInMillis);
    }

    @Override
    public long nextDelayInMillis(Throwable cause) {
        long base = Math.min(next, maxDelayMillis);
        next = Math.min(next * 2, maxDelayMillis);
        double factor = 1 + (ThreadLocalRandom.current().nextDouble() * 2 - 1) * jitter;
        long delay = Math.max(1, Math.round(base * factor));
        if (cause instanceof SalesforceException se && se.retryAfter() != null) {
            delay = Math.max(delay, Math.min(se.retryAfter().toMillis(), maxRetryAfterMillis));
        }
        return delay;
    }
}
