package io.sfinbound.soql.ast;

/**
 * A string literal. It keeps the text between the quotes exactly as written ({@code raw}), escapes included, because
 * {@code \%} and {@code \_} mean a literal percent sign or underscore in a LIKE pattern while {@code %} and {@code _}
 * are wildcards: decoding them away would change the query.
 *
 * <p>The constructor rejects a body that is not a valid SOQL string body (an unescaped quote, a dangling or unknown
 * escape), so a literal built in code can never break out of its quotes. Build one from a plain Java string with
 * {@link #of(String)}.
 *
 * @param raw the body between the single quotes, escapes as written
 */
public record StringLiteral(String raw) implements Literal {

    public StringLiteral {
        if (raw == null) {
            throw new IllegalArgumentException("null string");
        }
        int bad = firstInvalidEscape(raw);
        if (bad >= 0) {
            throw new IllegalArgumentException("invalid string literal body at index " + bad + ": " + raw);
        }
    }

    /** The literal for a plain value: quotes, backslashes and control characters escaped. */
    public static StringLiteral of(String value) {
        return new StringLiteral(escape(value, false));
    }

    /** The literal for a LIKE pattern that must match {@code value} exactly, {@code %} and {@code _} escaped too. */
    public static StringLiteral likeExactly(String value) {
        return new StringLiteral(escape(value, true));
    }

    /** The decoded value: escapes resolved, {@code \%} as {@code %} and {@code \_} as {@code _}. */
    public String value() {
        if (raw.indexOf('\\') < 0) {
            return raw;
        }
        StringBuilder sb = new StringBuilder(raw.length());
        for (int i = 0; i < raw.length(); i++) {
            char c = raw.charAt(i);
            if (c != '\\') {
                sb.append(c);
                continue;
            }
            char e = raw.charAt(++i);
            switch (e) {
                case 'n' -> sb.append('\n');
                case 't' -> sb.append('\t');
                case 'r' -> sb.append('\r');
                case 'b' -> sb.append('\b');
                case 'f' -> sb.append('\f');
                case 'u' -> {
                    sb.append((char) Integer.parseInt(raw.substring(i + 1, i + 5), 16));
                    i += 4;
                }
                default -> sb.append(e);
            }
        }
        return sb.toString();
    }

    /**
     * Index of the first character that makes {@code body} an invalid string body (an unescaped quote, a backslash
     * not followed by a valid escape), or -1 when valid. Shared with the lexer.
     */
    public static int firstInvalidEscape(String body) {
        for (int i = 0; i < body.length(); i++) {
            char c = body.charAt(i);
            if (c == '\'') {
                return i;
            }
            if (c == '\\') {
                int len = escapeLength(body, i);
                if (len < 0) {
                    return i;
                }
                i += len - 1;
            }
        }
        return -1;
    }

    /**
     * Length of the escape sequence starting with the backslash at {@code i} ({@code 2}, or {@code 6} for
     * {@code \}{@code uXXXX}), or -1 if invalid.
     */
    public static int escapeLength(CharSequence s, int i) {
        if (i + 1 >= s.length()) {
            return -1;
        }
        char e = s.charAt(i + 1);
        switch (e) {
            case '\'', '"', '\\', 'n', 't', 'r', 'b', 'f', '%', '_' -> {
                return 2;
            }
            case 'u' -> {
                if (i + 6 > s.length()) {
                    return -1;
                }
                for (int k = i + 2; k < i + 6; k++) {
                    if (Character.digit(s.charAt(k), 16) < 0) {
                        return -1;
                    }
                }
                return 6;
            }
            default -> {
                return -1;
            }
        }
    }

    private static String escape(String value, boolean like) {
        if (value == null) {
            throw new IllegalArgumentException("null string");
        }
        StringBuilder sb = new StringBuilder(value.length() + 8);
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            switch (c) {
                case '\\' -> sb.append("\\\\");
                case '\'' -> sb.append("\\'");
                case '\n' -> sb.append("\\n");
                case '\t' -> sb.append("\\t");
                case '\r' -> sb.append("\\r");
                case '\b' -> sb.append("\\b");
                case '\f' -> sb.append("\\f");
                case '%' -> sb.append(like ? "\\%" : "%");
                case '_' -> sb.append(like ? "\\_" : "_");
                default -> sb.append(c);
            }
        }
        return sb.toString();
    }
}
