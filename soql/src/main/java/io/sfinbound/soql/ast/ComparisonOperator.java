package io.sfinbound.soql.ast;

/** The comparison operators; {@code !=} and {@code <>} are kept apart only to print what the user wrote. */
public enum ComparisonOperator {
    EQ("="),
    NE("!="),
    LTGT("<>"),
    LT("<"),
    LE("<="),
    GT(">"),
    GE(">="),
    LIKE("LIKE");

    private final String symbol;

    ComparisonOperator(String symbol) {
        this.symbol = symbol;
    }

    /** The operator as printed. */
    public String symbol() {
        return symbol;
    }

    /** Whether this is {@code !=} or {@code <>}. */
    public boolean isNotEquals() {
        return this == NE || this == LTGT;
    }
}
