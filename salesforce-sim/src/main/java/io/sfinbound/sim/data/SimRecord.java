package io.sfinbound.sim.data;

import java.time.Instant;
import java.util.AbstractMap;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import io.sfinbound.sim.schema.ChildRelationship;
import io.sfinbound.sim.schema.FieldDef;
import io.sfinbound.sim.schema.ObjectDef;

/**
 * One record, generated field by field on first access and kept only as long as the caller holds it. Keys are
 * case-insensitive like SOQL's; a relationship name ({@code Owner}) gives the parent record (or null) and a child
 * relationship name ({@code LiveChatTranscriptEvents}) the list of children. Values: String, Boolean, Integer,
 * Double, LocalDate, Instant, or null.
 */
public final class SimRecord extends AbstractMap<String, Object> {

    private static final Object NULL = new Object();

    private final DataStore store;
    private final ObjectSpace space;
    private final long index;
    private final Change change;
    private final long asOf;
    private final Map<String, Object> cache = new HashMap<>(8);

    SimRecord(DataStore store, ObjectSpace space, long index, Change change, long asOf) {
        this.store = store;
        this.space = space;
        this.index = index;
        this.change = change;
        this.asOf = asOf;
    }

    /** The data version this record was read at: its parents and children are read at the same version. */
    public long asOf() {
        return asOf;
    }

    public ObjectDef def() {
        return space.def();
    }

    public ObjectSpace space() {
        return space;
    }

    public long index() {
        return index;
    }

    public DataStore store() {
        return store;
    }

    /** The 18-character id. */
    public String id() {
        return Ids.of(space.def().keyPrefix(), index);
    }

    /** SystemModstamp. */
    public Instant stamp() {
        return change != null ? change.stamp() : space.baseStamp(index);
    }

    /** CreatedDate. */
    public Instant created() {
        if (change != null && change.created() != null) {
            return change.created();
        }
        return space.baseCreated(index);
    }

    /** IsDeleted. */
    public boolean deleted() {
        return change != null ? change.deleted() : space.baseDeleted(index);
    }

    /** The place in the natural order. */
    public Pos pos() {
        return new Pos(stamp(), index);
    }

    /** A per-record cache for values several fields derive from (a chat's conversation). */
    @SuppressWarnings("unchecked")
    <T> T memo(String key, java.util.function.Supplier<T> f) {
        Object v = cache.get(key);
        if (v == null) {
            v = f.get();
            cache.put(key, v);
        }
        return (T) v;
    }

    /** The value of a field by its canonical name. */
    public Object field(String name) {
        Object v = cache.get(name);
        if (v == null) {
            v = compute(name);
            cache.put(name, v == null ? NULL : v);
        }
        return v == NULL ? null : v;
    }

    private Object compute(String name) {
        if (change != null && change.values() != null && change.values().containsKey(name)) {
            return change.values().get(name);
        }
        return switch (name) {
            case "Id" -> id();
            case "IsDeleted" -> deleted();
            case "SystemModstamp", "LastModifiedDate" -> stamp();
            case "CreatedDate" -> created();
            default -> store.generator(space.def().name()).value(this, name);
        };
    }

    /** The parent record of a relationship (by relationship name), or null. */
    public SimRecord parent(FieldDef reference) {
        Object id = field(reference.name());
        return id == null ? null : store.byId((String) id, asOf).orElse(null);
    }

    @Override
    public Object get(Object key) {
        if (!(key instanceof String k)) {
            return null;
        }
        ObjectDef def = space.def();
        Optional<FieldDef> f = def.field(k);
        if (f.isPresent()) {
            return field(f.get().name());
        }
        Optional<FieldDef> rel = def.relationship(k);
        if (rel.isPresent()) {
            return parent(rel.get());
        }
        Optional<ChildRelationship> child = def.childRelationship(k);
        if (child.isPresent()) {
            return store.children(this, child.get());
        }
        return null;
    }

    @Override
    public boolean containsKey(Object key) {
        if (!(key instanceof String k)) {
            return false;
        }
        ObjectDef def = space.def();
        return def.hasField(k) || def.relationship(k).isPresent() || def.childRelationship(k).isPresent();
    }

    @Override
    public Set<Entry<String, Object>> entrySet() {
        Set<Entry<String, Object>> s = new LinkedHashSet<>();
        for (FieldDef f : space.def().fields()) {
            s.add(new SimpleImmutableEntry<>(f.name(), field(f.name())));
        }
        return s;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof SimRecord r && r.space == space && r.index == index;
    }

    @Override
    public int hashCode() {
        return Long.hashCode(index) * 31 + space.def().name().hashCode();
    }

    @Override
    public String toString() {
        return space.def().name() + "[" + id() + "]";
    }

    /** All field values, for tests and debugging. */
    public Map<String, Object> snapshot() {
        Map<String, Object> m = new HashMap<>();
        for (FieldDef f : space.def().fields()) {
            m.put(f.name(), field(f.name()));
        }
        return m;
    }
}
