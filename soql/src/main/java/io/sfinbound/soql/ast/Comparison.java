package io.sfinbound.soql.ast;

/**
 * {@code field op literal}, for example {@code Status = 'Closed'}, {@code CreatedDate >= LAST_N_DAYS:7},
 * {@code CALENDAR_YEAR(CreatedDate) = 2024}, {@code Subject LIKE 'Re:%'}.
 *
 * @param left     a field path or function call
 * @param operator the operator
 * @param right    the literal
 */
public record Comparison(Expr left, ComparisonOperator operator, Literal right) implements Condition {

    public Comparison {
        if (!(left instanceof FieldPath) && !(left instanceof FunctionCall)) {
            throw new IllegalArgumentException("left side must be a field or function: " + left);
        }
        if (operator == null || right == null) {
            throw new IllegalArgumentException("operator and value are required");
        }
        if (operator == ComparisonOperator.LIKE && !(right instanceof StringLiteral)) {
            throw new IllegalArgumentException("LIKE needs a string pattern");
        }
    }

    /** {@code field op literal} for a dotted field name. */
    public static Comparison of(String field, ComparisonOperator operator, Literal right) {
        return new Comparison(FieldPath.parse(field), operator, right);
    }
}
