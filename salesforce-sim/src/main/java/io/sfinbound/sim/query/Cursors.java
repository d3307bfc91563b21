package io.sfinbound.sim.query;

import java.time.Duration;
import java.time.Instant;
import java.util.Iterator;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

import jakarta.enterprise.context.ApplicationScoped;

import io.sfinbound.sim.SimConfig;
import io.sfinbound.sim.data.Ids;

/**
 * Open query cursors behind {@code nextRecordsUrl} locators ({@code 01g...-2000}): the prepared query and where each
 * page starts, valid for {@code sim.query.locator-ttl} after their last use, or until expired by the admin API.
 */
@ApplicationScoped
public class Cursors {

    /** One open cursor. */
    public static final class Cursor {
        final String id;
        final Execution execution;
        final int batchSize;
        final Map<Long, Execution.Resume> starts = new ConcurrentHashMap<>();
        volatile Instant lastUsed = Instant.now();

        Cursor(String id, Execution execution, int batchSize) {
            this.id = id;
            this.execution = execution;
            this.batchSize = batchSize;
        }

        public String id() {
            return id;
        }
    }

    private static final int MAX_OPEN = 20_000;

    private final Map<String, Cursor> open = new ConcurrentHashMap<>();
    private final AtomicLong counter = new AtomicLong(System.currentTimeMillis() % 1_000_000L * 1000);
    private final Duration ttl;

    public Cursors(SimConfig config) {
        this.ttl = config.query().locatorTtl();
    }

    Cursor open(Execution e, int batchSize) {
        if (open.size() >= MAX_OPEN) {
            evictOldest();
        }
        Cursor c = new Cursor(Ids.of("01g", counter.incrementAndGet()), e, batchSize);
        open.put(c.id, c);
        return c;
    }

    /** The cursor of a locator id, unless unknown or expired. */
    Optional<Cursor> get(String id) {
        Cursor c = open.get(id);
        if (c == null) {
            return Optional.empty();
        }
        if (c.lastUsed.plus(ttl).isBefore(Instant.now())) {
            open.remove(id);
            return Optional.empty();
        }
        c.lastUsed = Instant.now();
        return Optional.of(c);
    }

    void close(String id) {
        open.remove(id);
    }

    /** Expires one locator (the part before {@code -offset}); false if unknown. */
    public boolean expire(String locator) {
        String id = locator.contains("-") ? locator.substring(0, locator.indexOf('-')) : locator;
        return open.remove(id) != null;
    }

    /** Expires every open locator. */
    public int expireAll() {
        int n = open.size();
        open.clear();
        return n;
    }

    public int size() {
        return open.size();
    }

    private void evictOldest() {
        Instant cutoff = Instant.now().minus(ttl);
        open.values().removeIf(c -> c.lastUsed.isBefore(cutoff));
        Iterator<Cursor> it = open.values().stream().sorted((a, b) -> a.lastUsed.compareTo(b.lastUsed)).limit(MAX_OPEN / 10).iterator();
        while (it.hasNext()) {
            open.remove(it.next().id);
        }
    }
}
