package io.sfinbound.soql.ast;

/** {@code null}. */
public record NullLiteral() implements Literal {

    public static final NullLiteral INSTANCE = new NullLiteral();
}
