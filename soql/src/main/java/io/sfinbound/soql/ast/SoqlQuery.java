package io.sfinbound.soql.ast;

import java.util.List;
import java.util.Locale;

/**
 * A parsed SOQL query (or subquery). Immutable; optional clauses are null (lists are empty) when absent.
 *
 * @param select     the SELECT list, at least one item
 * @param from       the FROM object and alias
 * @param usingScope the {@code USING SCOPE} name, or null
 * @param where      the WHERE condition, or null
 * @param with       the WITH clause, or null
 * @param groupBy    the GROUP BY clause, or null
 * @param having     the HAVING condition, or null
 * @param orderBy    the ORDER BY items, empty when absent
 * @param limit      LIMIT, or null
 * @param offset     OFFSET, or null
 * @param forClause  {@code FOR VIEW | REFERENCE | UPDATE}, or null
 * @param update     {@code UPDATE TRACKING | VIEWSTAT}, or null
 * @param sourceMap  where the parser found the nodes (not part of equality)
 */
public record SoqlQuery(List<SelectItem> select, From from, String usingScope, Condition where, WithClause with,
                        GroupBy groupBy, Condition having, List<OrderItem> orderBy, Integer limit, Integer offset,
                        ForClause forClause, UpdateClause update, SourceMap sourceMap) {

    public SoqlQuery {
        select = List.copyOf(select);
        if (select.isEmpty()) {
            throw new IllegalArgumentException("empty SELECT list");
        }
        if (from == null) {
            throw new IllegalArgumentException("no FROM");
        }
        if (usingScope != null) {
            Names.requireName(usingScope, "scope");
        }
        orderBy = orderBy == null ? List.of() : List.copyOf(orderBy);
        if (limit != null && limit < 0 || offset != null && offset < 0) {
            throw new IllegalArgumentException("negative LIMIT or OFFSET");
        }
        if (sourceMap == null) {
            sourceMap = SourceMap.NONE;
        }
    }

    /** A minimal query {@code SELECT items FROM object}. */
    public static SoqlQuery of(List<SelectItem> select, From from) {
        return new SoqlQuery(select, from, null, null, null, null, null, List.of(), null, null, null, null,
                SourceMap.NONE);
    }

    /** A copy with another SELECT list. */
    public SoqlQuery withSelect(List<SelectItem> newSelect) {
        return new SoqlQuery(newSelect, from, usingScope, where, with, groupBy, having, orderBy, limit, offset,
                forClause, update, sourceMap);
    }

    /** A copy with another WHERE (null for none). */
    public SoqlQuery withWhere(Condition newWhere) {
        return new SoqlQuery(select, from, usingScope, newWhere, with, groupBy, having, orderBy, limit, offset,
                forClause, update, sourceMap);
    }

    /** A copy with another ORDER BY (empty for none). */
    public SoqlQuery withOrderBy(List<OrderItem> newOrderBy) {
        return new SoqlQuery(select, from, usingScope, where, with, groupBy, having, newOrderBy, limit, offset,
                forClause, update, sourceMap);
    }

    /** A copy with another LIMIT (null for none). */
    public SoqlQuery withLimit(Integer newLimit) {
        return new SoqlQuery(select, from, usingScope, where, with, groupBy, having, orderBy, newLimit, offset,
                forClause, update, sourceMap);
    }

    /** A copy with another OFFSET (null for none). */
    public SoqlQuery withOffset(Integer newOffset) {
        return new SoqlQuery(select, from, usingScope, where, with, groupBy, having, orderBy, limit, newOffset,
                forClause, update, sourceMap);
    }

    /** A copy with other FOR and UPDATE clauses (null for none). */
    public SoqlQuery withFor(ForClause newFor, UpdateClause newUpdate) {
        return new SoqlQuery(select, from, usingScope, where, with, groupBy, having, orderBy, limit, offset,
                newFor, newUpdate, sourceMap);
    }

    /** A copy with another GROUP BY and HAVING (null for none). */
    public SoqlQuery withGroupBy(GroupBy newGroupBy, Condition newHaving) {
        return new SoqlQuery(select, from, usingScope, where, with, newGroupBy, newHaving, orderBy, limit, offset,
                forClause, update, sourceMap);
    }

    /** The FROM object name. */
    public String objectName() {
        return from.object();
    }

    /**
     * {@code path} without a leading FROM alias ({@code c.Subject} with {@code FROM Case c} gives {@code Subject}).
     */
    public FieldPath stripAlias(FieldPath path) {
        if (from.alias() != null && path.parts().size() > 1
                && path.parts().get(0).toLowerCase(Locale.ROOT).equals(from.alias().toLowerCase(Locale.ROOT))) {
            return path.tail();
        }
        return path;
    }

    /** {@code FOR VIEW | REFERENCE | UPDATE}. */
    public enum ForClause { VIEW, REFERENCE, UPDATE }

    /** {@code UPDATE TRACKING | VIEWSTAT}. */
    public enum UpdateClause { TRACKING, VIEWSTAT }
}
