package io.sfinbound.soql.ast;

/** Set operators. */
public enum SetOperator {
    IN("IN"),
    NOT_IN("NOT IN"),
    INCLUDES("INCLUDES"),
    EXCLUDES("EXCLUDES");

    private final String symbol;

    SetOperator(String symbol) {
        this.symbol = symbol;
    }

    /** The operator as printed. */
    public String symbol() {
        return symbol;
    }
}
