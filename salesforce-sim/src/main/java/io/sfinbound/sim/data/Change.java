package io.sfinbound.sim.data;

import java.time.Instant;
import java.util.Map;

/**
 * A run-time change of one record made through the admin endpoints: an update, a soft delete, a purge (hard delete)
 * or a record that did not exist in the generated set (a late or new record). Changes are versioned so that a query
 * cursor can read the data as of the version it started at (Salesforce's server-side cursors page over a snapshot):
 * a change is visible to a reader at version {@code v} when {@code version <= v < replacedAt}.
 */
public final class Change {

    private final long index;
    private final Instant stamp;
    private final Instant created;
    private final boolean deleted;
    private final boolean purged;
    private final Map<String, Object> values;
    private final long version;
    private final Change previous;
    private volatile long replacedAt = Long.MAX_VALUE;

    /**
     * @param index the record index
     * @param stamp the new SystemModstamp (and LastModifiedDate)
     * @param created the CreatedDate of an added record, else null (generated)
     * @param deleted soft-deleted (IsDeleted = true; only queryAll sees it)
     * @param purged hard-deleted: invisible to every query
     * @param values field values that replace the generated ones
     * @param version the data version this change made
     * @param previous the change it replaces (null: the generated record, or none)
     */
    Change(long index, Instant stamp, Instant created, boolean deleted, boolean purged, Map<String, Object> values, long version, Change previous) {
        this.index = index;
        this.stamp = stamp;
        this.created = created;
        this.deleted = deleted;
        this.purged = purged;
        this.values = values;
        this.version = version;
        this.previous = previous;
    }

    public long index() {
        return index;
    }

    public Instant stamp() {
        return stamp;
    }

    public Instant created() {
        return created;
    }

    public boolean deleted() {
        return deleted;
    }

    public boolean purged() {
        return purged;
    }

    public Map<String, Object> values() {
        return values;
    }

    long version() {
        return version;
    }

    long replacedAt() {
        return replacedAt;
    }

    void replacedAt(long v) {
        replacedAt = v;
    }

    /** Whether a reader at data version {@code asOf} sees this change. */
    boolean visibleAt(long asOf) {
        long r = replacedAt;
        return version <= asOf && (r == Long.MAX_VALUE || asOf < r);
    }

    /** The change in effect at data version {@code asOf} among this one and those it replaced; null: the generated record. */
    static Change asOf(Change latest, long asOf) {
        Change c = latest;
        while (c != null && c.version > asOf) {
            c = c.previous;
        }
        return c;
    }

    Pos pos() {
        return new Pos(stamp, index);
    }
}
