package io.sfinbound.soql;

import java.time.Instant;

import io.sfinbound.soql.ast.FieldPath;

/**
 * One incremental window over a date field, keyset-paginated on {@code (dateField, Id)}.
 *
 * @param dateField     the date or datetime field (a field name or relationship path; validated as a name)
 * @param dateOnly      whether the field is a DATE: bounds are then printed as dates (the UTC date of the instant)
 * @param fromTimestamp lower bound: the watermark's date (already minus the look-back), or null for no lower bound
 * @param fromId        the watermark's Id: rows at exactly {@code fromTimestamp} are read only after it; null reads
 *                      every row at {@code fromTimestamp} ({@code F >= :d})
 * @param windowEnd     inclusive upper bound ({@code F <= :end}), or null for none
 * @param limit         LIMIT of the page, or null to keep the user's LIMIT (if any)
 */
public record IncrementalWindow(String dateField, boolean dateOnly, Instant fromTimestamp, String fromId,
                                Instant windowEnd, Integer limit) {

    public IncrementalWindow {
        FieldPath.parse(dateField);
        if (limit != null && limit < 0) {
            throw new IllegalArgumentException("negative limit");
        }
        if (fromId != null && fromTimestamp == null) {
            throw new IllegalArgumentException("fromId needs fromTimestamp");
        }
    }

    /** The next page of the same window, after the last row read. */
    public IncrementalWindow after(Instant lastTimestamp, String lastId) {
        return new IncrementalWindow(dateField, dateOnly, lastTimestamp, lastId, windowEnd, limit);
    }
}
