package io.sfinbound.sim.data;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.eclipse.microprofile.config.Config;

import io.quarkus.logging.Log;
import io.sfinbound.sim.schema.Catalog;
import io.sfinbound.sim.schema.ChildRelationship;
import io.sfinbound.sim.schema.ObjectDef;

/**
 * The org's data: a deterministic generator per object (nothing held in memory) plus the small set of run-time
 * changes made through the admin endpoints (updates, deletes, late and new records). Thread-safe.
 */
@ApplicationScoped
public class DataStore {

    private final Catalog catalog = Catalog.get();
    private final Map<String, ObjectSpace> spaces = new HashMap<>();
    private final Map<String, Generator> generators = new HashMap<>();
    private final Map<String, ObjectChanges> changes = new HashMap<>();
    private final long seed;
    /** Version of the last change made (under the write lock). */
    private long version;
    /** Version readers may use: the last change fully recorded. */
    private volatile long published;
    /** Readers at this version see the latest data. */
    public static final long LATEST = Long.MAX_VALUE;

    @Inject
    public DataStore(Config config) {
        this(config.getOptionalValue("sim.data.seed", Long.class).orElse(42L), object -> ObjectSettings.load(config, object));
        Log.infof("data set seed %d: %s", seed, summary());
    }

    /** For plain unit tests: the given seed and settings. */
    public DataStore(long seed, java.util.function.Function<String, ObjectSettings> settings) {
        this.seed = seed;
        Generators.install(this, seed, settings);
        for (ObjectSpace s : spaces.values()) {
            changes.put(s.def().name(), new ObjectChanges(s.baseSize()));
        }
    }

    /** Settings with the built-in defaults only. */
    public static DataStore withDefaults(long seed) {
        return new DataStore(seed, ObjectSettings.DEFAULTS::get);
    }

    void register(ObjectSpace space, Generator g) {
        spaces.put(space.def().name(), space);
        generators.put(space.def().name(), g);
    }

    public long seed() {
        return seed;
    }

    public Catalog catalog() {
        return catalog;
    }

    /** The index space of an object. */
    public ObjectSpace space(String object) {
        ObjectSpace s = spaces.get(catalog.require(object).name());
        if (s == null) {
            throw new IllegalArgumentException("no data for " + object);
        }
        return s;
    }

    Generator generator(String object) {
        return generators.get(object);
    }

    private ObjectChanges changes(ObjectDef o) {
        return changes.get(o.name());
    }

    /**
     * The data version of the last change: a query reads the data as of the version it started at, so that its cursor
     * pages over a snapshot (records changed later neither move nor disappear within it), without copying anything.
     */
    public long version() {
        return published;
    }

    /** The record at an index, unless it does not exist or was purged. */
    public Optional<SimRecord> record(ObjectDef o, long index) {
        return record(o, index, LATEST);
    }

    /** The record at an index as of a data version, unless it did not exist then or was purged. */
    public Optional<SimRecord> record(ObjectDef o, long index, long asOf) {
        ObjectSpace space = space(o.name());
        Change c = Change.asOf(changes(o).latest(index), asOf);
        if (c != null) {
            return c.purged() ? Optional.empty() : Optional.of(new SimRecord(this, space, index, c, asOf));
        }
        return space.baseExists(index) ? Optional.of(new SimRecord(this, space, index, null, asOf)) : Optional.empty();
    }

    /** The record with this id, if any. */
    public Optional<SimRecord> byId(String id) {
        return byId(id, LATEST);
    }

    /** The record with this id as of a data version, if any. */
    public Optional<SimRecord> byId(String id, long asOf) {
        if (id == null || id.length() < 15) {
            return Optional.empty();
        }
        Optional<ObjectDef> o = catalog.byKeyPrefix(Ids.prefix(id));
        Optional<Long> index = Ids.index(id);
        if (o.isEmpty() || index.isEmpty() || !spaces.containsKey(o.get().name())) {
            return Optional.empty();
        }
        return record(o.get(), index.get(), asOf);
    }

    /** The children of a record through a child relationship (generated children follow their parent's index). */
    public List<SimRecord> children(SimRecord parent, ChildRelationship rel) {
        ObjectSpace child = space(rel.childSObject());
        List<SimRecord> out = new ArrayList<>();
        if (child.parent() == null || child.parent() != parent.space() || parent.index() >= parent.space().baseSize()) {
            return out;
        }
        int n = child.childrenOf(parent.index());
        ObjectDef cd = child.def();
        for (int m = 0; m < n; m++) {
            record(cd, parent.index() * child.slots() + m, parent.asOf()).ifPresent(out::add);
        }
        return out;
    }

    /**
     * Records in natural order {@code (SystemModstamp, Id)}.
     *
     * @param o the object
     * @param after start after this place (exclusive), or null
     * @param from lowest SystemModstamp (inclusive), or null
     * @param to highest SystemModstamp (inclusive), or null
     * @param includeDeleted whether soft-deleted records are included (queryAll)
     */
    public Iterator<SimRecord> scanByStamp(ObjectDef o, Pos after, Instant from, Instant to, boolean includeDeleted) {
        return new StampIterator(o, after, from, to, includeDeleted, LATEST);
    }

    /** As {@link #scanByStamp(ObjectDef, Pos, Instant, Instant, boolean)}, over the data as of a version. */
    public Iterator<SimRecord> scanByStamp(ObjectDef o, Pos after, Instant from, Instant to, boolean includeDeleted, long asOf) {
        return new StampIterator(o, after, from, to, includeDeleted, asOf);
    }

    /** Records in index (= Id) order, starting after an index (exclusive; -1 for all). */
    public Iterator<SimRecord> scanByIndex(ObjectDef o, long afterIndex, boolean includeDeleted) {
        return scanByIndex(o, afterIndex, includeDeleted, LATEST);
    }

    /** As {@link #scanByIndex(ObjectDef, long, boolean)}, over the data as of a version. */
    public Iterator<SimRecord> scanByIndex(ObjectDef o, long afterIndex, boolean includeDeleted, long asOf) {
        ObjectSpace space = space(o.name());
        ObjectChanges ch = changes(o);
        return new Iterator<>() {
            long i = afterIndex + 1;
            SimRecord next;

            @Override
            public boolean hasNext() {
                while (next == null) {
                    long size = space.baseSize();
                    if (i < size) {
                        i = space.nextBase(i);
                        if (i >= size) {
                            continue;
                        }
                    } else if (i >= ch.nextExtra.get()) {
                        return false;
                    }
                    long at = i++;
                    Change c = Change.asOf(ch.latest(at), asOf);
                    if (c != null && c.purged() || c == null && at >= size) {
                        continue;
                    }
                    SimRecord r = new SimRecord(DataStore.this, space, at, c, asOf);
                    if (includeDeleted || !r.deleted()) {
                        next = r;
                    }
                }
                return true;
            }

            @Override
            public SimRecord next() {
                if (!hasNext()) {
                    throw new NoSuchElementException();
                }
                SimRecord r = next;
                next = null;
                return r;
            }
        };
    }

    private final class StampIterator implements Iterator<SimRecord> {
        private final ObjectSpace space;
        private final ObjectChanges ch;
        private final Pos after;
        private final Instant to;
        private final boolean includeDeleted;
        private final long asOf;
        private final Iterator<Change> overlay;
        private final long size;
        private long i;
        private Change pendingChange;
        private long pendingBase = -1;
        private boolean baseDone;
        private SimRecord next;

        StampIterator(ObjectDef o, Pos after, Instant from, Instant to, boolean includeDeleted, long asOf) {
            this.asOf = asOf;
            this.space = space(o.name());
            this.ch = changes(o);
            this.after = after;
            this.to = to;
            this.includeDeleted = includeDeleted;
            this.size = space.baseSize();
            Instant lower = from;
            if (after != null && (lower == null || after.stamp().isAfter(lower))) {
                lower = after.stamp();
            }
            this.i = lower == null ? 0 : space.firstAtOrAfter(lower);
            Pos start = after != null && (from == null || !from.isAfter(after.stamp())) ? after : from == null ? null : new Pos(from, Long.MIN_VALUE);
            // every change ever made, in natural order; those not in effect at asOf are skipped
            this.overlay = (start == null ? ch.history : ch.history.tailMap(new ObjectChanges.Key(start, Long.MAX_VALUE), false)).values().iterator();
        }

        private void fillBase() {
            while (!baseDone && pendingBase < 0 && i < size) {
                i = space.nextBase(i);
                if (i >= size) {
                    break;
                }
                long at = i++;
                Change latest = ch.latest(at);
                if (latest != null && Change.asOf(latest, asOf) != null) {
                    // a change in effect at asOf replaces the generated record: the overlay yields it
                    continue;
                }
                if (after != null && new Pos(space.baseStamp(at), at).compareTo(after) <= 0) {
                    continue;
                }
                pendingBase = at;
            }
        }

        private void fillOverlay() {
            while (pendingChange == null && overlay.hasNext()) {
                Change c = overlay.next();
                if (!c.purged() && c.visibleAt(asOf)) {
                    pendingChange = c;
                }
            }
        }

        @Override
        public boolean hasNext() {
            while (next == null) {
                fillBase();
                fillOverlay();
                if (pendingBase < 0 && pendingChange == null) {
                    return false;
                }
                boolean takeBase;
                if (pendingBase < 0) {
                    takeBase = false;
                } else if (pendingChange == null) {
                    takeBase = true;
                } else {
                    takeBase = new Pos(space.baseStamp(pendingBase), pendingBase).compareTo(pendingChange.pos()) < 0;
                }
                SimRecord r;
                if (takeBase) {
                    r = new SimRecord(DataStore.this, space, pendingBase, null, asOf);
                    pendingBase = -1;
                } else {
                    Change c = pendingChange;
                    pendingChange = null;
                    r = new SimRecord(DataStore.this, space, c.index(), c, asOf);
                }
                if (to != null && r.stamp().isAfter(to)) {
                    // both sources are ordered: nothing later can be within the bound
                    if (takeBase) {
                        baseDone = true;
                    }
                    fillOverlay();
                    if (pendingChange == null || pendingChange.stamp().isAfter(to)) {
                        return false;
                    }
                    continue;
                }
                if (includeDeleted || !r.deleted()) {
                    next = r;
                }
            }
            return true;
        }

        @Override
        public SimRecord next() {
            if (!hasNext()) {
                throw new NoSuchElementException();
            }
            SimRecord r = next;
            next = null;
            return r;
        }
    }

    // ---- run-time changes (admin) ----

    /** Changes field values of existing records; their SystemModstamp and LastModifiedDate become {@code at}. */
    public synchronized List<SimRecord> update(ObjectDef o, List<Long> indexes, Map<String, Object> values, Instant at) {
        List<SimRecord> out = new ArrayList<>();
        long v = ++version;
        for (long idx : indexes) {
            record(o, idx).ifPresent(r -> {
                Map<String, Object> merged = new HashMap<>();
                Change old = changes(o).latest(idx);
                if (old != null && old.values() != null) {
                    merged.putAll(old.values());
                }
                merged.putAll(values);
                Change c = new Change(idx, at, r.created(), r.deleted(), false, merged, v, old);
                changes(o).put(c);
                out.add(new SimRecord(this, space(o.name()), idx, c, LATEST));
            });
        }
        published = v;
        return out;
    }

    /** Soft-deletes (or undeletes) records at {@code at}. */
    public synchronized List<SimRecord> setDeleted(ObjectDef o, List<Long> indexes, boolean deleted, Instant at) {
        List<SimRecord> out = new ArrayList<>();
        long v = ++version;
        for (long idx : indexes) {
            record(o, idx).ifPresent(r -> {
                Change old = changes(o).latest(idx);
                Change c = new Change(idx, at, r.created(), deleted, false, old == null ? null : old.values(), v, old);
                changes(o).put(c);
                out.add(new SimRecord(this, space(o.name()), idx, c, LATEST));
            });
        }
        published = v;
        return out;
    }

    /** Hard-deletes records: no query sees them any more. */
    public synchronized int purge(ObjectDef o, List<Long> indexes) {
        int n = 0;
        long v = ++version;
        for (long idx : indexes) {
            Optional<SimRecord> r = record(o, idx);
            if (r.isPresent()) {
                changes(o).put(new Change(idx, r.get().stamp(), r.get().created(), true, true, null, v, changes(o).latest(idx)));
                n++;
            }
        }
        published = v;
        return n;
    }

    /**
     * Adds records that the generator did not make: new records ({@code stamp} = now) or late ones (a past stamp, as a
     * long transaction commits). Only root objects.
     */
    public synchronized List<SimRecord> add(ObjectDef o, int count, Instant stamp, Map<String, Object> values) {
        ObjectSpace space = space(o.name());
        if (space.parent() != null) {
            throw new IllegalArgumentException(o.name() + " records follow their parent; add parents instead");
        }
        List<SimRecord> out = new ArrayList<>();
        long v = ++version;
        for (int n = 0; n < count; n++) {
            long idx = changes(o).nextExtra.getAndIncrement();
            Change c = new Change(idx, stamp, stamp, false, false, values == null ? null : java.util.Collections.unmodifiableMap(new HashMap<>(values)), v, null);
            changes(o).put(c);
            out.add(new SimRecord(this, space, idx, c, LATEST));
        }
        published = v;
        return out;
    }

    /** Drops every run-time change (open cursors then see the generated data). */
    public synchronized void reset() {
        for (ObjectSpace s : spaces.values()) {
            changes.get(s.def().name()).clear(s.baseSize());
        }
        published = ++version;
    }

    /** Whether any run-time change exists for the object (the generated order of CreatedDate no longer holds). */
    public boolean hasChanges(ObjectDef o) {
        return !changes(o).byIndex.isEmpty();
    }

    /** Number of run-time changes of an object. */
    public int changeCount(ObjectDef o) {
        return changes(o).byIndex.size();
    }

    private String summary() {
        StringBuilder sb = new StringBuilder();
        for (ObjectDef o : catalog.objects()) {
            ObjectSpace s = spaces.get(o.name());
            if (s != null && s.parent() == null) {
                sb.append(o.name()).append('=').append(s.baseSize()).append(' ');
            }
        }
        return sb.toString().trim();
    }
}
