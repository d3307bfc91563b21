package io.sfinbound.soql.ast;

/** A WHERE or HAVING condition. */
public sealed interface Condition permits And, Or, Not, Comparison, SetComparison {
}
