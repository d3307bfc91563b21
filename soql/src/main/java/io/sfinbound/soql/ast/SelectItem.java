package io.sfinbound.soql.ast;

/** One item of the SELECT list. */
public sealed interface SelectItem permits SelectExpr, SelectSubquery, TypeOf {
}
