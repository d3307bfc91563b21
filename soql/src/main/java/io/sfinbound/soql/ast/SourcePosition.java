package io.sfinbound.soql.ast;

/**
 * A place in the SOQL text.
 *
 * @param offset 0-based character offset
 * @param line   1-based line
 * @param column 1-based column (a tab counts as one column)
 */
public record SourcePosition(int offset, int line, int column) {

    /** The position of nodes built in code rather than parsed. */
    public static final SourcePosition UNKNOWN = new SourcePosition(-1, 0, 0);

    /** Whether this position comes from parsed text. */
    public boolean isKnown() {
        return line > 0;
    }

    @Override
    public String toString() {
        return isKnown() ? "line " + line + ", column " + column : "unknown position";
    }
}
