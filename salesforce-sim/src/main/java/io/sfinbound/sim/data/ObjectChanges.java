package io.sfinbound.sim.data;

import java.util.Map;
import java.util.NavigableMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The run-time changes of one object: the latest per index, and every change ever made in natural order (older ones
 * too, for cursors reading an older version). Small: only what the admin endpoints made.
 */
final class ObjectChanges {

    /** A change's place in the history: natural order, then version. */
    record Key(Pos pos, long version) implements Comparable<Key> {
        @Override
        public int compareTo(Key o) {
            int c = pos.compareTo(o.pos);
            return c != 0 ? c : Long.compare(version, o.version);
        }
    }

    final Map<Long, Change> byIndex = new ConcurrentHashMap<>();
    final NavigableMap<Key, Change> history = new ConcurrentSkipListMap<>();
    final AtomicLong nextExtra;

    ObjectChanges(long baseSize) {
        this.nextExtra = new AtomicLong(baseSize);
    }

    /** The latest change of an index, or null. */
    Change latest(long index) {
        return byIndex.get(index);
    }

    /** Records a change (called under the store's write lock, with a version above every earlier one). */
    void put(Change c) {
        history.put(new Key(c.pos(), c.version()), c);
        Change old = byIndex.put(c.index(), c);
        if (old != null) {
            old.replacedAt(c.version());
        }
    }

    void clear(long baseSize) {
        byIndex.clear();
        history.clear();
        nextExtra.set(baseSize);
    }
}
