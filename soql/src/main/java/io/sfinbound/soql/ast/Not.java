package io.sfinbound.soql.ast;

/**
 * {@code NOT condition}.
 *
 * @param operand the negated condition
 */
public record Not(Condition operand) implements Condition {

    public Not {
        if (operand == null) {
            throw new IllegalArgumentException("null operand");
        }
    }
}
