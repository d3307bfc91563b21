package io.sfinbound.transform.expression;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** Splits an expression into tokens with their positions. */
final class Lexer {

    enum Kind { NUMBER, STRING, IDENT, OP, LPAREN, RPAREN, COMMA, KEYWORD, END }

    record Token(Kind kind, String text, Object value, int offset, int line, int column) {

        boolean is(Kind k, String t) {
            return kind == k && text.equals(t);
        }
    }

    private static final List<String> KEYWORDS = List.of("AND", "OR", "NOT", "TRUE", "FALSE", "NULL");

    private final String src;
    private int pos;
    private int line = 1;
    private int lineStart;

    Lexer(String src) {
        this.src = src;
    }

    List<Token> tokens() {
        List<Token> out = new ArrayList<>();
        while (true) {
            skipSpace();
            if (pos >= src.length()) {
                out.add(new Token(Kind.END, "end of expression", null, pos, line, pos - lineStart + 1));
                return out;
            }
            int start = pos;
            int col = pos - lineStart + 1;
            char c = src.charAt(pos);
            if (Character.isDigit(c) || (c == '.' && pos + 1 < src.length() && Character.isDigit(src.charAt(pos + 1)))) {
                while (pos < src.length() && (Character.isDigit(src.charAt(pos)) || src.charAt(pos) == '.')) {
                    pos++;
                }
                String t = src.substring(start, pos);
                try {
                    out.add(new Token(Kind.NUMBER, t, new BigDecimal(t), start, line, col));
                } catch (NumberFormatException e) {
                    throw new ExpressionException("malformed number '" + t + "'", line, col);
                }
            } else if (c == '"' || c == '\'') {
                out.add(string(c, start, col));
            } else if (c == '[') {
                int close = src.indexOf(']', pos);
                if (close < 0) {
                    throw new ExpressionException("unterminated field name: missing ']'", line, col);
                }
                String name = src.substring(pos + 1, close).strip();
                if (name.isEmpty()) {
                    throw new ExpressionException("empty field name", line, col);
                }
                pos = close + 1;
                out.add(new Token(Kind.IDENT, name, null, start, line, col));
            } else if (Character.isLetter(c) || c == '_' || c == '$') {
                pos++;
                while (pos < src.length()) {
                    char d = src.charAt(pos);
                    if (Character.isLetterOrDigit(d) || d == '_') {
                        pos++;
                    } else if (d == '.' && pos + 1 < src.length()
                            && (Character.isLetter(src.charAt(pos + 1)) || src.charAt(pos + 1) == '_')) {
                        pos++;
                    } else {
                        break;
                    }
                }
                String t = src.substring(start, pos);
                String upper = t.toUpperCase(Locale.ROOT);
                out.add(KEYWORDS.contains(upper) ? new Token(Kind.KEYWORD, upper, null, start, line, col)
                        : new Token(Kind.IDENT, t, null, start, line, col));
            } else if (c == '(') {
                pos++;
                out.add(new Token(Kind.LPAREN, "(", null, start, line, col));
            } else if (c == ')') {
                pos++;
                out.add(new Token(Kind.RPAREN, ")", null, start, line, col));
            } else if (c == ',') {
                pos++;
                out.add(new Token(Kind.COMMA, ",", null, start, line, col));
            } else {
                String op = operator();
                if (op == null) {
                    throw new ExpressionException("unexpected character '" + c + "'", line, col);
                }
                out.add(new Token(Kind.OP, op, null, start, line, col));
            }
        }
    }

    private Token string(char quote, int start, int col) {
        StringBuilder sb = new StringBuilder();
        pos++;
        while (pos < src.length()) {
            char c = src.charAt(pos);
            if (c == '\\' && pos + 1 < src.length()) {
                char n = src.charAt(pos + 1);
                sb.append(switch (n) {
                    case 'n' -> '\n';
                    case 't' -> '\t';
                    default -> n;
                });
                pos += 2;
            } else if (c == quote) {
                if (pos + 1 < src.length() && src.charAt(pos + 1) == quote) {
                    sb.append(quote);
                    pos += 2;
                    continue;
                }
                pos++;
                return new Token(Kind.STRING, src.substring(start, pos), sb.toString(), start, line, col);
            } else {
                if (c == '\n') {
                    line++;
                    lineStart = pos + 1;
                }
                sb.append(c);
                pos++;
            }
        }
        throw new ExpressionException("unterminated text: missing closing " + quote, lineOf(start), col);
    }

    private int lineOf(int offset) {
        int l = 1;
        for (int i = 0; i < offset; i++) {
            if (src.charAt(i) == '\n') {
                l++;
            }
        }
        return l;
    }

    private String operator() {
        for (String op : List.of("<=", ">=", "<>", "!=", "==", "&&", "||", "+", "-", "*", "/", "%", "&", "=", "<", ">", "!")) {
            if (src.startsWith(op, pos)) {
                pos += op.length();
                return op;
            }
        }
        return null;
    }

    private void skipSpace() {
        while (pos < src.length() && Character.isWhitespace(src.charAt(pos))) {
            if (src.charAt(pos) == '\n') {
                line++;
                lineStart = pos + 1;
            }
            pos++;
        }
    }
}
