package io.sfinbound.sim.data;

import java.time.Duration;
import java.time.Instant;
import java.util.function.LongToIntFunction;

import io.sfinbound.sim.schema.ObjectDef;

/**
 * The generated index space of one object. A root object has indexes {@code [0, count)}; a child object has
 * {@code slots} indexes per parent, of which the first {@code childCount(parent)} exist, so a child's place follows
 * its parent's. Base timestamps never decrease with the index: iterating indexes is iterating
 * {@code (SystemModstamp, Id)}, and a timestamp bound is found by binary search without generating the records.
 */
public final class ObjectSpace {

    private final ObjectDef def;
    private final ObjectSettings settings;
    private final long seed;
    private final long salt;
    private final ObjectSpace parent;
    private final int slots;
    private LongToIntFunction childCount;
    private final long intervalMillis;
    private final long jitterBoundSeconds;

    ObjectSpace(ObjectDef def, ObjectSettings settings, long seed, ObjectSpace parent, int slots) {
        this.def = def;
        this.settings = settings;
        this.seed = seed;
        this.salt = Hash.salt(def.name());
        this.parent = parent;
        this.slots = slots;
        this.intervalMillis = settings.interval().toMillis();
        // jitter below 80% of the interval keeps timestamps increasing from one group to the next
        this.jitterBoundSeconds = Math.max(0, settings.interval().toSeconds() * 8 / 10);
    }

    void childCount(LongToIntFunction f) {
        this.childCount = f;
    }

    public ObjectDef def() {
        return def;
    }

    public ObjectSettings settings() {
        return settings;
    }

    public ObjectSpace parent() {
        return parent;
    }

    public int slots() {
        return slots;
    }

    /** The hash of a field (or any named draw) of a record. */
    public long hash(long index, String what) {
        return Hash.of(seed, salt, index, Hash.salt(what));
    }

    /** The size of the base index space (root: count; child: parent space times slots). */
    public long baseSize() {
        return parent == null ? settings.count() : parent.baseSize() * slots;
    }

    /** Number of children of one parent index. */
    public int childrenOf(long parentIndex) {
        return childCount.applyAsInt(parentIndex);
    }

    /** Whether a generated record exists at this index. */
    public boolean baseExists(long index) {
        if (index < 0 || index >= baseSize()) {
            return false;
        }
        return parent == null || index % slots < childrenOf(index / slots);
    }

    /** The smallest existing base index at or after this one, or {@link #baseSize()}. */
    public long nextBase(long index) {
        long size = baseSize();
        if (parent == null) {
            return Math.min(Math.max(index, 0), size);
        }
        long i = Math.max(index, 0);
        while (i < size) {
            long p = i / slots;
            int m = (int) (i % slots);
            if (m < childrenOf(p)) {
                return i;
            }
            i = (p + 1) * slots;
        }
        return size;
    }

    /** The generated SystemModstamp of a base index (seconds precision, as Salesforce's). */
    public Instant baseStamp(long index) {
        if (parent != null) {
            return parent.baseStamp(index / slots);
        }
        long group = index / settings.sameTimestamp();
        long jitter = jitterBoundSeconds == 0 ? 0 : Hash.below(Hash.of(seed, salt, group, 77), (int) Math.min(jitterBoundSeconds, Integer.MAX_VALUE));
        Instant t = settings.start().plusMillis(Math.multiplyExact(group, intervalMillis)).plusSeconds(jitter);
        return t.minusNanos(t.getNano());
    }

    /** The smallest base index whose stamp is at or after {@code t} (may not exist; see {@link #nextBase}). */
    public long firstAtOrAfter(Instant t) {
        if (parent != null) {
            return parent.firstAtOrAfter(t) * slots;
        }
        long count = settings.count();
        if (count == 0) {
            return 0;
        }
        long same = settings.sameTimestamp();
        long lo = 0;
        long hi = (count - 1) / same + 1; // groups
        while (lo < hi) {
            long mid = (lo + hi) >>> 1;
            if (baseStamp(mid * same).isBefore(t)) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        return Math.min(lo * same, count);
    }

    /** Whether the base record was soft-deleted by the generator. */
    public boolean baseDeleted(long index) {
        return settings.deleteRatio() > 0 && Hash.unit(hash(index, "deleted")) < settings.deleteRatio();
    }

    /** The generated CreatedDate: the stamp, or well before it for generated updates. */
    public Instant baseCreated(long index) {
        Instant stamp = baseStamp(index);
        if (settings.updateRatio() > 0 && Hash.unit(hash(index, "updated")) < settings.updateRatio()) {
            long back = 3600 + Hash.below(hash(index, "updatedBy"), 30 * 86400);
            return stamp.minus(Duration.ofSeconds(back));
        }
        return stamp;
    }
}
