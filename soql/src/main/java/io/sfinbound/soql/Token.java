package io.sfinbound.soql;

import java.util.Locale;

import io.sfinbound.soql.ast.SourcePosition;

/** A lexical token; {@code value} holds the decoded literal for STRING, NUMBER, DATE and DATETIME. */
record Token(Type type, String text, SourcePosition position, Object value) {

    enum Type {
        IDENT, STRING, NUMBER, DATE, DATETIME, COMMA, DOT, LPAREN, RPAREN, COLON,
        EQ, NE, LTGT, LT, LE, GT, GE, EOF
    }

    boolean is(Type t) {
        return type == t;
    }

    /** Whether this is the identifier/keyword {@code word}, in any case. */
    boolean isWord(String word) {
        return type == Type.IDENT && text.equalsIgnoreCase(word);
    }

    String upper() {
        return text.toUpperCase(Locale.ROOT);
    }
}
