package io.sfinbound.soql;

import io.sfinbound.soql.ast.SourcePosition;

/**
 * A SOQL error shaped like Salesforce's: an error code ({@code MALFORMED_QUERY}, {@code INVALID_FIELD},
 * {@code NUMBER_OUTSIDE_VALID_RANGE}...), a 1-based line and column, the unexpected token and what was expected.
 * The message reads like {@code unexpected token: 'FORM' at line 1, column 11; expected FROM}. Unchecked; never
 * carries a cause, so callers can show {@link #getMessage()} to users as is.
 */
public class SoqlException extends RuntimeException {

    public static final String MALFORMED_QUERY = "MALFORMED_QUERY";
    public static final String INVALID_FIELD = "INVALID_FIELD";
    public static final String NUMBER_OUTSIDE_VALID_RANGE = "NUMBER_OUTSIDE_VALID_RANGE";
    public static final String INVALID_TYPE = "INVALID_TYPE";
    public static final String QUERY_TOO_COMPLICATED = "QUERY_TOO_COMPLICATED";

    private final String errorCode;
    private final String detail;
    private final SourcePosition position;
    private final String unexpected;
    private final String expected;

    /**
     * @param errorCode  Salesforce-style error code
     * @param detail     what is wrong, without the position
     * @param position   where, or {@link SourcePosition#UNKNOWN}
     * @param unexpected the offending token text, or null
     * @param expected   what would have been valid there, or null
     */
    public SoqlException(String errorCode, String detail, SourcePosition position, String unexpected,
                         String expected) {
        super(format(detail, position, expected), null, false, false);
        this.errorCode = errorCode;
        this.detail = detail;
        this.position = position == null ? SourcePosition.UNKNOWN : position;
        this.unexpected = unexpected;
        this.expected = expected;
    }

    /** {@code unexpected token: 'x' at line l, column c; expected y}. */
    static SoqlException unexpected(String token, SourcePosition position, String expected) {
        String quoted = token.startsWith("'") ? token : "'" + token + "'";
        return new SoqlException(MALFORMED_QUERY, "unexpected token: " + quoted, position, token, expected);
    }

    /** {@code unexpected end of query at line l, column c; expected y}. */
    static SoqlException unexpectedEnd(SourcePosition position, String expected) {
        return new SoqlException(MALFORMED_QUERY, "unexpected end of query", position, "<EOF>", expected);
    }

    /** A MALFORMED_QUERY with a free-form detail. */
    static SoqlException malformed(String detail, SourcePosition position, String unexpected) {
        return new SoqlException(MALFORMED_QUERY, detail, position, unexpected, null);
    }

    private static String format(String detail, SourcePosition position, String expected) {
        StringBuilder sb = new StringBuilder(detail);
        if (position != null && position.isKnown()) {
            sb.append(" at line ").append(position.line()).append(", column ").append(position.column());
        }
        if (expected != null) {
            sb.append("; expected ").append(expected);
        }
        return sb.toString();
    }

    /** Salesforce-style error code, {@code MALFORMED_QUERY} for syntax errors. */
    public String errorCode() {
        return errorCode;
    }

    /** The message without position and expectation. */
    public String detail() {
        return detail;
    }

    /** Where the error is; {@link SourcePosition#isKnown()} is false for errors on queries built in code. */
    public SourcePosition position() {
        return position;
    }

    /** 1-based line, 0 when unknown. */
    public int line() {
        return position.line();
    }

    /** 1-based column, 0 when unknown. */
    public int column() {
        return position.column();
    }

    /** 0-based character offset, -1 when unknown. */
    public int offset() {
        return position.offset();
    }

    /** The offending token text ({@code <EOF>} at the end), or null. */
    public String unexpected() {
        return unexpected;
    }

    /** What would have been valid, or null. */
    public String expected() {
        return expected;
    }
}
