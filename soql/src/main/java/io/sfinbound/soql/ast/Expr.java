package io.sfinbound.soql.ast;

/** A value expression: a field path, a function call or a literal (as a function argument). */
public sealed interface Expr permits FieldPath, FunctionCall, Literal {
}
