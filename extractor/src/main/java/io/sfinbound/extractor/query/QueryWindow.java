package io.sfinbound.extractor.query;

import java.time.Instant;

/**
 * A slice of the date field to read: records after {@code from} (exclusive, in keyset order; null = from the
 * beginning) up to {@code end} (inclusive).
 *
 * @param from lower keyset bound, null for none
 * @param end  upper bound of the date field, inclusive
 */
public record QueryWindow(Keyset from, Instant end) {

    /** The same window starting after {@code position}, when it lies further. */
    public QueryWindow after(Keyset position) {
        return new QueryWindow(Keyset.max(from, position), end);
    }
}
