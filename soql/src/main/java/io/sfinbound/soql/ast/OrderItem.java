package io.sfinbound.soql.ast;

/**
 * One ORDER BY item.
 *
 * @param expr      the field or function
 * @param direction ASC or DESC, or null when not written (ascending)
 * @param nulls     NULLS FIRST or LAST, or null when not written
 */
public record OrderItem(Expr expr, Direction direction, Nulls nulls) {

    public OrderItem {
        if (!(expr instanceof FieldPath) && !(expr instanceof FunctionCall)) {
            throw new IllegalArgumentException("ORDER BY takes a field or function: " + expr);
        }
    }

    /** {@code field} with no direction. */
    public static OrderItem of(String field) {
        return new OrderItem(FieldPath.parse(field), null, null);
    }

    /** Whether the order is descending. */
    public boolean descending() {
        return direction == Direction.DESC;
    }

    /**
     * Whether nulls come first: as written, else Salesforce's documented default ("By default, null values are
     * sorted first", whatever the direction).
     */
    public boolean nullsFirst() {
        return nulls == null || nulls == Nulls.FIRST;
    }

    /** Sort direction. */
    public enum Direction { ASC, DESC }

    /** Null placement. */
    public enum Nulls { FIRST, LAST }
}
