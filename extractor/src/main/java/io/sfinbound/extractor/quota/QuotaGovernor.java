package io.sfinbound.extractor.quota;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

import jakarta.enterprise.context.ApplicationScoped;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.sfinbound.extractor.ExtractorConfig;
import io.sfinbound.extractor.salesforce.ApiUsage;

/**
 * Per-org API quota governor. Every Salesforce response carries the org's own count of calls in the rolling
 * 24 hours ({@code Sforce-Limit-Info}); that count already includes the calls of every job, of every extractor
 * instance and of every other integration of the org, so the governor keeps the latest value per org and stops
 * runs once the configured share is reached. No coordination between instances is needed: the org is the
 * shared counter.
 * <p>
 * Metrics: {@code sfinbound_extractor_api_quota_used}, {@code ..._max}, {@code ..._remaining} (gauges per org) and
 * {@code sfinbound_extractor_api_calls_total} (counter per org).
 */
@ApplicationScoped
public class QuotaGovernor {

    private final MeterRegistry registry;
    private final double maxShare;
    private final long readingTtlMillis;
    private final Map<String, OrgQuota> orgs = new ConcurrentHashMap<>();

    public QuotaGovernor(MeterRegistry registry, ExtractorConfig config) {
        this.registry = registry;
        this.maxShare = config.quota().maxShare();
        this.readingTtlMillis = config.quota().readingTtl().toMillis();
    }

    /** Throws {@link QuotaDeferredException} when the org's last known usage is at or above the configured share. */
    public void checkBeforeCall(String orgId) {
        OrgQuota q = orgs.get(key(orgId));
        if (q != null && q.max.get() > 0 && System.currentTimeMillis() - q.readAt.get() < readingTtlMillis) {
            ApiUsage u = new ApiUsage(q.used.get(), q.max.get());
            if (u.share() >= maxShare) {
                throw new QuotaDeferredException("API quota of org " + orgId + " at " + u.used() + "/" + u.max()
                        + " (stop share " + Math.round(maxShare * 100) + "%); run deferred");
            }
        }
    }

    /** Counts one call sent to the org. */
    public void countCall(String orgId) {
        org(orgId).calls.increment();
    }

    /** Records the usage read from a response. */
    public void record(String orgId, ApiUsage usage) {
        if (usage == null) {
            return;
        }
        OrgQuota q = org(orgId);
        q.used.set(usage.used());
        q.max.set(usage.max());
        q.readAt.set(System.currentTimeMillis());
    }

    /** Last known usage of the org, or null. */
    public ApiUsage usage(String orgId) {
        OrgQuota q = orgs.get(key(orgId));
        return q == null || q.max.get() == 0 ? null : new ApiUsage(q.used.get(), q.max.get());
    }

    private OrgQuota org(String orgId) {
        return orgs.computeIfAbsent(key(orgId), o -> new OrgQuota(o, registry));
    }

    private static String key(String orgId) {
        return orgId == null ? "unknown" : orgId;
    }

    private static final class OrgQuota {
        final AtomicLong used = new AtomicLong();
        final AtomicLong max = new AtomicLong();
        final AtomicLong readAt = new AtomicLong();
        final Counter calls;

        OrgQuota(String org, MeterRegistry registry) {
            Gauge.builder("sfinbound.extractor.api.quota.used", used, AtomicLong::get).tag("org", org)
                    .description("Org API calls used in the rolling 24 hours (Sforce-Limit-Info)").register(registry);
            Gauge.builder("sfinbound.extractor.api.quota.max", max, AtomicLong::get).tag("org", org)
                    .description("Org daily API call limit").register(registry);
            Gauge.builder("sfinbound.extractor.api.quota.remaining", this, q -> Math.max(0, q.max.get() - q.used.get()))
                    .tag("org", org).description("Org API calls remaining today").register(registry);
            calls = Counter.builder("sfinbound.extractor.api.calls").tag("org", org)
                    .description("Salesforce API calls sent by this extractor").register(registry);
        }
    }
}
