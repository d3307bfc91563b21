package io.sfinbound.soql.ast;

import java.util.List;

/**
 * Conditions joined by AND. The parser flattens {@code a AND b AND c} into one node and keeps parenthesised groups
 * as nested nodes, so the printer can put the parentheses back exactly.
 *
 * @param operands at least two conditions
 */
public record And(List<Condition> operands) implements Condition {

    public And {
        operands = List.copyOf(operands);
        if (operands.size() < 2) {
            throw new IllegalArgumentException("AND needs at least two operands");
        }
    }

    /** {@code a AND b AND ...}. */
    public static And of(Condition... operands) {
        return new And(List.of(operands));
    }
}
