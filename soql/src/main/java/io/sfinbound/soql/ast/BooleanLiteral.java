package io.sfinbound.soql.ast;

/**
 * {@code true} or {@code false}.
 *
 * @param value the value
 */
public record BooleanLiteral(boolean value) implements Literal {

    public static final BooleanLiteral TRUE = new BooleanLiteral(true);
    public static final BooleanLiteral FALSE = new BooleanLiteral(false);
}
