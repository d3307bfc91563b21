package io.sfinbound.soql.ast;

import java.util.List;

/**
 * {@code field IN ('a', 'b')}, {@code field NOT IN (SELECT ...)} (semi-/anti-join), {@code field INCLUDES ('a;b')}.
 *
 * @param left     a field path or function call
 * @param operator the set operator
 * @param values   the literal list, or null when {@code subquery} is set
 * @param subquery the semi-join subquery (IN / NOT IN only), or null when {@code values} is set
 */
public record SetComparison(Expr left, SetOperator operator, List<Literal> values, SoqlQuery subquery)
        implements Condition {

    public SetComparison {
        if (!(left instanceof FieldPath) && !(left instanceof FunctionCall)) {
            throw new IllegalArgumentException("left side must be a field or function: " + left);
        }
        if (operator == null) {
            throw new IllegalArgumentException("null operator");
        }
        if ((values == null) == (subquery == null)) {
            throw new IllegalArgumentException("exactly one of values and subquery");
        }
        if (values != null) {
            values = List.copyOf(values);
            if (values.isEmpty()) {
                throw new IllegalArgumentException("empty value list");
            }
        }
        if (subquery != null && (operator == SetOperator.INCLUDES || operator == SetOperator.EXCLUDES)) {
            throw new IllegalArgumentException(operator + " takes values, not a subquery");
        }
    }

    /** {@code field op (values...)}. */
    public static SetComparison of(String field, SetOperator operator, Literal... values) {
        return new SetComparison(FieldPath.parse(field), operator, List.of(values), null);
    }
}
