package io.sfinbound.soql.eval;

import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

import io.sfinbound.soql.ast.OrderItem;

/**
 * Candidate records of an object, streamed so that a generator never has to hold them all in memory. Values:
 * String, Boolean, Integer/Long, BigDecimal/Double, LocalDate, Instant (or OffsetDateTime), null, a nested Map for
 * a parent relationship, a List of Maps for a child relationship.
 */
@FunctionalInterface
public interface RecordSource {

    /**
     * The records of {@code objectName} (as written in the query's FROM; compare case-insensitively). The evaluator
     * closes the stream. An unknown object should give an empty stream (or throw the caller's own error).
     */
    Stream<Map<String, Object>> records(String objectName);

    /**
     * Whether {@link #records} already yields rows in {@code orderBy} order (for example a generator that emits by
     * {@code SystemModstamp, Id}); the evaluator then skips sorting. Default: false.
     */
    default boolean isOrderedBy(String objectName, List<OrderItem> orderBy) {
        return false;
    }

    /**
     * Helper for {@link #isOrderedBy}: whether {@code orderBy} is a prefix of a source's natural ascending order
     * {@code naturalOrder} (field names, case-insensitive), with nulls first or unspecified. For example a generator
     * emitting by {@code (SystemModstamp, Id)} satisfies {@code ORDER BY SystemModstamp}, {@code ORDER BY
     * SystemModstamp, Id} and {@code ORDER BY systemmodstamp ASC NULLS FIRST, Id}, but not {@code ORDER BY Id}.
     */
    static boolean isPrefixOf(List<OrderItem> orderBy, List<String> naturalOrder) {
        if (orderBy.size() > naturalOrder.size()) {
            return false;
        }
        for (int i = 0; i < orderBy.size(); i++) {
            OrderItem item = orderBy.get(i);
            if (!(item.expr() instanceof io.sfinbound.soql.ast.FieldPath f) || item.descending() || !item.nullsFirst()
                    || !f.dotted().equalsIgnoreCase(naturalOrder.get(i))) {
                return false;
            }
        }
        return true;
    }

    /** A source over in-memory collections keyed by object name (case-insensitive). */
    static RecordSource of(Map<String, ? extends Collection<? extends Map<String, Object>>> byObject) {
        Map<String, Collection<? extends Map<String, Object>>> ci = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        ci.putAll(byObject);
        return objectName -> {
            Collection<? extends Map<String, Object>> rows = ci.get(objectName.toLowerCase(Locale.ROOT));
            return rows == null ? Stream.empty() : rows.stream().map(r -> r);
        };
    }
}
