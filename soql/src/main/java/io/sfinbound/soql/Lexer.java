package io.sfinbound.soql;

import java.math.BigDecimal;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

import io.sfinbound.soql.ast.SourcePosition;
import io.sfinbound.soql.ast.StringLiteral;

/** Splits SOQL text into tokens, tracking line and column; literal tokens carry their decoded value. */
final class Lexer {

    private final String src;
    private int pos;
    private int line = 1;
    private int col = 1;

    private Lexer(String src) {
        this.src = src;
    }

    static List<Token> tokenize(String src) {
        return new Lexer(src).run();
    }

    private List<Token> run() {
        List<Token> out = new ArrayList<>();
        while (true) {
            skipWhitespace();
            if (pos >= src.length()) {
                out.add(new Token(Token.Type.EOF, "", here(), null));
                return out;
            }
            out.add(next());
        }
    }

    private SourcePosition here() {
        return new SourcePosition(pos, line, col);
    }

    private void skipWhitespace() {
        while (pos < src.length()) {
            char c = src.charAt(pos);
            if (c == '\n') {
                pos++;
                line++;
                col = 1;
            } else if (c == '\r') {
                pos++;
                if (pos < src.length() && src.charAt(pos) == '\n') {
                    pos++;
                }
                line++;
                col = 1;
            } else if (c == ' ' || c == '\t' || c == '\f' || c == '\u00a0') {
                pos++;
                col++;
            } else {
                return;
            }
        }
    }

    private char peek(int ahead) {
        int i = pos + ahead;
        return i < src.length() ? src.charAt(i) : '\0';
    }

    /** Advances over {@code n} characters of one line. */
    private String take(int n) {
        String s = src.substring(pos, pos + n);
        pos += n;
        col += n;
        return s;
    }

    private Token next() {
        SourcePosition start = here();
        char c = peek(0);
        if (Character.isLetter(c) && c < 128 || c == '_') {
            int n = 1;
            while (isIdentPart(peek(n))) {
                n++;
            }
            return new Token(Token.Type.IDENT, take(n), start, null);
        }
        if (isDigit(c) || (c == '-' || c == '+') && isDigit(peek(1))) {
            return number(start);
        }
        switch (c) {
            case '\'':
                return string(start);
            case ',':
                return punct(Token.Type.COMMA, 1, start);
            case '.':
                return punct(Token.Type.DOT, 1, start);
            case '(':
                return punct(Token.Type.LPAREN, 1, start);
            case ')':
                return punct(Token.Type.RPAREN, 1, start);
            case ':':
                return punct(Token.Type.COLON, 1, start);
            case '=':
                return punct(Token.Type.EQ, 1, start);
            case '!':
                if (peek(1) == '=') {
                    return punct(Token.Type.NE, 2, start);
                }
                break;
            case '<':
                if (peek(1) == '=') {
                    return punct(Token.Type.LE, 2, start);
                }
                if (peek(1) == '>') {
                    return punct(Token.Type.LTGT, 2, start);
                }
                return punct(Token.Type.LT, 1, start);
            case '>':
                if (peek(1) == '=') {
                    return punct(Token.Type.GE, 2, start);
                }
                return punct(Token.Type.GT, 1, start);
            default:
                break;
        }
        int cp = src.codePointAt(pos);
        throw SoqlException.unexpected(new String(Character.toChars(cp)), start, null);
    }

    private Token punct(Token.Type type, int n, SourcePosition start) {
        return new Token(type, take(n), start, null);
    }

    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }

    private static boolean isIdentPart(char c) {
        return c < 128 && (Character.isLetterOrDigit(c) || c == '_');
    }

    private int digits(int from) {
        int n = 0;
        while (isDigit(peek(from + n))) {
            n++;
        }
        return n;
    }

    private Token number(SourcePosition start) {
        int signLen = isDigit(peek(0)) ? 0 : 1;
        int intLen = digits(signLen);
        if (signLen == 0 && intLen == 4 && peek(4) == '-' && isDigit(peek(5))) {
            return dateOrDateTime(start);
        }
        int n = signLen + intLen;
        if (peek(n) == '.' && isDigit(peek(n + 1))) {
            n += 1 + digits(n + 1);
        }
        if (isIdentPart(peek(n))) {
            int end = n;
            while (isIdentPart(peek(end))) {
                end++;
            }
            String bad = src.substring(pos, pos + end);
            throw SoqlException.unexpected(bad, start, null);
        }
        String text = take(n);
        return new Token(Token.Type.NUMBER, text, start, new BigDecimal(text.startsWith("+") ? text.substring(1) : text));
    }

    /** {@code YYYY-MM-DD} or {@code YYYY-MM-DDThh:mm:ss[.fff](Z|+hh:mm|-hh:mm)}. */
    private Token dateOrDateTime(SourcePosition start) {
        int end = 0;
        while (pos + end < src.length()) {
            char c = src.charAt(pos + end);
            if (isIdentPart(c) || c == '-' || c == '+' || c == ':' || c == '.') {
                end++;
            } else {
                break;
            }
        }
        String text = src.substring(pos, pos + end);
        java.util.regex.Matcher m = DATE_TIME.matcher(text);
        if (!m.matches()) {
            if (text.length() > 10 && (text.charAt(10) == 'T' || text.charAt(10) == 't')
                    && DATE_TIME_NO_ZONE.matcher(text).matches()) {
                throw SoqlException.malformed("invalid dateTime literal '" + text
                        + "': a time zone is required (Z, +hh:mm or -hh:mm)", start, text);
            }
            throw SoqlException.malformed("invalid date literal '" + text
                    + "': use YYYY-MM-DD or YYYY-MM-DDThh:mm:ssZ", start, text);
        }
        try {
            LocalDate date = LocalDate.of(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)),
                    Integer.parseInt(m.group(3)));
            if (m.group(4) == null) {
                take(end);
                return new Token(Token.Type.DATE, text, start, date);
            }
            int nanos = 0;
            if (m.group(7) != null) {
                String frac = (m.group(7) + "000000000").substring(0, 9);
                nanos = Integer.parseInt(frac);
            }
            LocalDateTime ldt = date.atTime(Integer.parseInt(m.group(4)), Integer.parseInt(m.group(5)),
                    Integer.parseInt(m.group(6)), nanos);
            ZoneOffset offset;
            String zone = m.group(8);
            if (zone.equalsIgnoreCase("Z")) {
                offset = ZoneOffset.UTC;
            } else {
                int sign = zone.charAt(0) == '-' ? -1 : 1;
                String hhmm = zone.substring(1).replace(":", "");
                int hh = Integer.parseInt(hhmm.substring(0, 2));
                int mm = Integer.parseInt(hhmm.substring(2, 4));
                if (hh > 18 || mm > 59) {
                    throw new DateTimeException("offset");
                }
                offset = ZoneOffset.ofHoursMinutes(sign * hh, sign * mm);
            }
            take(end);
            return new Token(Token.Type.DATETIME, text, start, OffsetDateTime.of(ldt, offset));
        } catch (DateTimeException | ArithmeticException e) {
            throw SoqlException.malformed("invalid " + (m.group(4) == null ? "date" : "dateTime")
                    + " literal '" + text + "'", start, text);
        }
    }

    private static final java.util.regex.Pattern DATE_TIME = java.util.regex.Pattern.compile(
            "(\\d{4})-(\\d{2})-(\\d{2})(?:[Tt](\\d{2}):(\\d{2}):(\\d{2})(?:\\.(\\d{1,9}))?"
                    + "([Zz]|[+-]\\d{2}:?\\d{2}))?");
    private static final java.util.regex.Pattern DATE_TIME_NO_ZONE = java.util.regex.Pattern.compile(
            "\\d{4}-\\d{2}-\\d{2}[Tt]\\d{2}:\\d{2}(:\\d{2}(\\.\\d+)?)?");

    private Token string(SourcePosition start) {
        int i = pos + 1;
        int l = line;
        int c = col + 1;
        while (true) {
            if (i >= src.length()) {
                throw SoqlException.malformed("unterminated string literal", start, "'");
            }
            char ch = src.charAt(i);
            if (ch == '\'') {
                break;
            }
            if (ch == '\\') {
                int len = StringLiteral.escapeLength(src, i);
                if (len < 0) {
                    String seq = src.substring(i, Math.min(src.length(), i + 2));
                    throw SoqlException.malformed("invalid escape sequence '" + seq + "' in string literal",
                            new SourcePosition(i, l, c), seq);
                }
                i += len;
                c += len;
                continue;
            }
            if (ch == '\n') {
                l++;
                c = 1;
            } else {
                c++;
            }
            i++;
        }
        String raw = src.substring(pos + 1, i);
        String text = src.substring(pos, i + 1);
        pos = i + 1;
        line = l;
        col = c + 1;
        return new Token(Token.Type.STRING, text, start, raw);
    }
}
