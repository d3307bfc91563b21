package io.sfinbound.sim.data;

import java.time.Instant;
import java.util.Map;

/**
 * A run-time change of one record made through the admin endpoints: an update, a soft delete, a purge (hard delete)
 * or a record that did not exist in the generated set (a late or new record).
 *
 * @param index the record index
 * @param stamp the new SystemModstamp (and LastModifiedDate)
 * @param created the CreatedDate of an added record, else null (generated)
 * @param deleted soft-deleted (IsDeleted = true; only queryAll sees it)
 * @param purged hard-deleted: invisible to every query
 * @param values field values that replace the generated ones
 */
public record Change(long index, Instant stamp, Instant created, boolean deleted, boolean purged, Map<String, Object> values) {

    Pos pos() {
        return new Pos(stamp, index);
    }
}
