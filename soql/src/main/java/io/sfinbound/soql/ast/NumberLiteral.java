package io.sfinbound.soql.ast;

import java.math.BigDecimal;

/**
 * An integer or decimal literal: {@code 42}, {@code -3.50}. The scale is kept ({@code 1.50} prints as {@code 1.50}).
 *
 * @param value the number
 */
public record NumberLiteral(BigDecimal value) implements Literal {

    public NumberLiteral {
        if (value == null) {
            throw new IllegalArgumentException("null number");
        }
        if (value.scale() < 0) {
            value = value.setScale(0);
        }
    }

    /** An integer literal. */
    public static NumberLiteral of(long value) {
        return new NumberLiteral(BigDecimal.valueOf(value));
    }

    /** Whether it has no fractional part as written. */
    public boolean isInteger() {
        return value.scale() == 0;
    }
}
