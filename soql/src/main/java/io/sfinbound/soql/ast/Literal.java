package io.sfinbound.soql.ast;

/** A literal value on the right side of a condition or as a function argument. */
public sealed interface Literal extends Expr
        permits StringLiteral, NumberLiteral, BooleanLiteral, NullLiteral, DateLiteral, DateTimeLiteral,
        RelativeDateLiteral {
}
