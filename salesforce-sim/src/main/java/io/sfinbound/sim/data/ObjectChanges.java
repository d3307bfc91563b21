package io.sfinbound.sim.data;

import java.util.Map;
import java.util.NavigableMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.concurrent.atomic.AtomicLong;

/** The run-time changes of one object, by index and in natural order. Small: only what the admin endpoints made. */
final class ObjectChanges {

    final Map<Long, Change> byIndex = new ConcurrentHashMap<>();
    final NavigableMap<Pos, Change> byPos = new ConcurrentSkipListMap<>();
    final AtomicLong nextExtra;

    ObjectChanges(long baseSize) {
        this.nextExtra = new AtomicLong(baseSize);
    }

    synchronized void put(Change c) {
        Change old = byIndex.put(c.index(), c);
        if (old != null) {
            byPos.remove(old.pos());
        }
        byPos.put(c.pos(), c);
    }

    synchronized void clear(long baseSize) {
        byIndex.clear();
        byPos.clear();
        nextExtra.set(baseSize);
    }
}
