package io.sfinbound.extractor.salesforce;

import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.enterprise.context.ApplicationScoped;

/**
 * Describes per (instance, API version, object), kept for a few minutes: enough for the runs of one schedule tick to
 * share them, short enough that a new custom field is seen by the next runs.
 */
@ApplicationScoped
public class DescribeCache {

    private static final Duration TTL = Duration.ofMinutes(10);

    private record Entry(SObjectDescribe describe, Instant at) {
    }

    private final SalesforceClient client;
    private final Map<String, Entry> cache = new ConcurrentHashMap<>();

    public DescribeCache(SalesforceClient client) {
        this.client = client;
    }

    /** The describe of {@code object}, from the cache or Salesforce. */
    public SObjectDescribe describe(SalesforceSession s, String object) {
        String key = s.token().instanceUrl() + "|" + s.apiVersion() + "|" + object.toLowerCase(Locale.ROOT);
        Entry e = cache.get(key);
        if (e != null && e.at().plus(TTL).isAfter(Instant.now())) {
            return e.describe();
        }
        SObjectDescribe d = SObjectDescribe.parse(client.describe(s, object));
        cache.put(key, new Entry(d, Instant.now()));
        return d;
    }
}
