package io.sfinbound.soql.ast;

import java.util.List;

/**
 * Conditions joined by OR (see {@link And} for the nesting rule).
 *
 * @param operands at least two conditions
 */
public record Or(List<Condition> operands) implements Condition {

    public Or {
        operands = List.copyOf(operands);
        if (operands.size() < 2) {
            throw new IllegalArgumentException("OR needs at least two operands");
        }
    }

    /** {@code a OR b OR ...}. */
    public static Or of(Condition... operands) {
        return new Or(List.of(operands));
    }
}
