package io.sfinbound.sim.api;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

import jakarta.enterprise.context.ApplicationScoped;

import io.sfinbound.sim.auth.Directory;

/** The daily API request count of each org (reset at midnight UTC), behind {@code Sforce-Limit-Info} and /limits. */
@ApplicationScoped
public class ApiUsage {

    private final Map<String, AtomicLong> used = new ConcurrentHashMap<>();
    private final Map<String, Long> limits = new ConcurrentHashMap<>();
    private volatile LocalDate day = LocalDate.now(ZoneOffset.UTC);

    private void roll() {
        LocalDate today = LocalDate.now(ZoneOffset.UTC);
        if (!today.equals(day)) {
            synchronized (this) {
                if (!today.equals(day)) {
                    used.clear();
                    day = today;
                }
            }
        }
    }

    /** Counts a call; false (and nothing counted) when the quota is spent. */
    public boolean tryCount(Directory.Org org) {
        roll();
        AtomicLong n = used.computeIfAbsent(org.id(), k -> new AtomicLong());
        long max = limit(org);
        while (true) {
            long v = n.get();
            if (v >= max) {
                return false;
            }
            if (n.compareAndSet(v, v + 1)) {
                return true;
            }
        }
    }

    public long used(Directory.Org org) {
        roll();
        AtomicLong n = used.get(org.id());
        return n == null ? 0 : n.get();
    }

    public long limit(Directory.Org org) {
        return limits.getOrDefault(org.id(), org.dailyApiRequests());
    }

    /** Sets the count (admin: spend the quota, or reset it). */
    public void setUsed(Directory.Org org, long value) {
        used.computeIfAbsent(org.id(), k -> new AtomicLong()).set(value);
    }

    /** Overrides the daily limit (admin). */
    public void setLimit(Directory.Org org, long value) {
        limits.put(org.id(), value);
    }

    /** The header value {@code api-usage=N/M}. */
    public String header(Directory.Org org) {
        return "api-usage=" + used(org) + "/" + limit(org);
    }
}
