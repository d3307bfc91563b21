package io.sfinbound.transform.expression;

/** A compile or evaluation error of an expression, with its 1-based line and column in the source. */
public class ExpressionException extends RuntimeException {

    private final int line;
    private final int column;

    public ExpressionException(String message, int line, int column) {
        super(message + " (line " + line + ", column " + column + ")");
        this.line = line;
        this.column = column;
    }

    /** 1-based line. */
    public int line() {
        return line;
    }

    /** 1-based column. */
    public int column() {
        return column;
    }
}
