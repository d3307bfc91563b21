package io.sfinbound.transform.expression;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import io.sfinbound.transform.expression.Lexer.Kind;
import io.sfinbound.transform.expression.Lexer.Token;

/**
 * Recursive-descent parser that builds type-checked {@link Node}s. Precedence, lowest first: OR ({@code ||}),
 * AND ({@code &&}), NOT ({@code !}), comparisons ({@code = == != <> < <= > >=}), {@code + - &}, {@code * / %},
 * unary minus, then literals, fields, {@code $value}, calls and parentheses.
 */
final class Parser {

    private static final int MAX_DEPTH = 64;

    private final List<Token> tokens;
    private final Map<String, Type> fieldTypes;
    private int pos;
    private int depth;

    Parser(List<Token> tokens, Map<String, Type> fieldTypes) {
        this.tokens = tokens;
        this.fieldTypes = fieldTypes;
    }

    Node parse() {
        if (peek().kind() == Kind.END) {
            throw new ExpressionException("the expression is empty", peek().line(), peek().column());
        }
        Node n = or();
        Token t = peek();
        if (t.kind() != Kind.END) {
            throw new ExpressionException("unexpected '" + t.text() + "'", t.line(), t.column());
        }
        return n;
    }

    private Node or() {
        Node left = and();
        while (peek().is(Kind.KEYWORD, "OR") || peek().is(Kind.OP, "||")) {
            Token op = next();
            left = new Node.Binary("OR", left, and(), op.line(), op.column());
        }
        return left;
    }

    private Node and() {
        Node left = not();
        while (peek().is(Kind.KEYWORD, "AND") || peek().is(Kind.OP, "&&")) {
            Token op = next();
            left = new Node.Binary("AND", left, not(), op.line(), op.column());
        }
        return left;
    }

    private Node not() {
        Token t = peek();
        if ((t.is(Kind.KEYWORD, "NOT") && !isCall()) || t.is(Kind.OP, "!")) {
            next();
            enter(t);
            Node operand = not();
            depth--;
            return new Node.Unary("NOT", operand, t.line(), t.column());
        }
        return comparison();
    }

    private Node comparison() {
        Node left = additive();
        Token t = peek();
        if (t.kind() == Kind.OP && List.of("=", "==", "!=", "<>", "<", "<=", ">", ">=").contains(t.text())) {
            next();
            Node right = additive();
            return new Node.Binary(t.text(), left, right, t.line(), t.column());
        }
        return left;
    }

    private Node additive() {
        Node left = multiplicative();
        while (peek().kind() == Kind.OP && List.of("+", "-", "&").contains(peek().text())) {
            Token op = next();
            left = new Node.Binary(op.text(), left, multiplicative(), op.line(), op.column());
        }
        return left;
    }

    private Node multiplicative() {
        Node left = unary();
        while (peek().kind() == Kind.OP && List.of("*", "/", "%").contains(peek().text())) {
            Token op = next();
            left = new Node.Binary(op.text(), left, unary(), op.line(), op.column());
        }
        return left;
    }

    private Node unary() {
        Token t = peek();
        if (t.is(Kind.OP, "-")) {
            next();
            enter(t);
            Node operand = unary();
            depth--;
            if (operand instanceof Node.Literal l && l.value instanceof java.math.BigDecimal d) {
                return new Node.Literal(d.negate(), Type.NUMBER, t.line(), t.column());
            }
            return new Node.Unary("-", operand, t.line(), t.column());
        }
        return primary();
    }

    private Node primary() {
        Token t = next();
        switch (t.kind()) {
            case NUMBER -> {
                return new Node.Literal(t.value(), Type.NUMBER, t.line(), t.column());
            }
            case STRING -> {
                return new Node.Literal(t.value(), Type.TEXT, t.line(), t.column());
            }
            case KEYWORD -> {
                switch (t.text()) {
                    case "TRUE" -> {
                        return new Node.Literal(Boolean.TRUE, Type.BOOLEAN, t.line(), t.column());
                    }
                    case "FALSE" -> {
                        return new Node.Literal(Boolean.FALSE, Type.BOOLEAN, t.line(), t.column());
                    }
                    case "NULL" -> {
                        return new Node.Literal(null, Type.ANY, t.line(), t.column());
                    }
                    default -> {
                        if (peek().kind() == Kind.LPAREN) {
                            return call(t);
                        }
                        throw new ExpressionException("unexpected " + t.text(), t.line(), t.column());
                    }
                }
            }
            case IDENT -> {
                if (peek().kind() == Kind.LPAREN) {
                    return call(t);
                }
                if (t.text().equals("$value")) {
                    return new Node.CurrentValue(t.line(), t.column());
                }
                return field(t);
            }
            case LPAREN -> {
                enter(t);
                Node inner = or();
                depth--;
                expect(Kind.RPAREN, "')'", t);
                return inner;
            }
            case END -> throw new ExpressionException("the expression ends too early", t.line(), t.column());
            default -> throw new ExpressionException("unexpected '" + t.text() + "'", t.line(), t.column());
        }
    }

    private Node field(Token t) {
        if (t.text().startsWith("$")) {
            throw new ExpressionException("unknown variable '" + t.text() + "'; the transformed value is $value",
                    t.line(), t.column());
        }
        if (fieldTypes == null) {
            return new Node.Field(t.text(), Type.ANY, t.line(), t.column());
        }
        Type type = fieldTypes.get(t.text());
        if (type == null) {
            String suggestion = fieldTypes.keySet().stream()
                    .filter(k -> k.equalsIgnoreCase(t.text())).findFirst().orElse(null);
            throw new ExpressionException("unknown field '" + t.text() + "' (field names are case-sensitive)"
                    + (suggestion == null ? "" : "; did you mean '" + suggestion + "'?"), t.line(), t.column());
        }
        return new Node.Field(t.text(), type, t.line(), t.column());
    }

    private Node call(Token name) {
        Functions.Fn fn = Functions.ALL.get(name.text().toUpperCase(Locale.ROOT));
        if (fn == null) {
            throw new ExpressionException("unknown function '" + name.text() + "'", name.line(), name.column());
        }
        Token open = next();
        enter(open);
        List<Node> args = new ArrayList<>();
        if (peek().kind() != Kind.RPAREN) {
            do {
                args.add(or());
            } while (accept(Kind.COMMA));
        }
        expect(Kind.RPAREN, "')' or ','", open);
        depth--;
        return new Node.Call(fn, List.copyOf(args), name.line(), name.column());
    }

    private boolean isCall() {
        return pos + 1 < tokens.size() && tokens.get(pos + 1).kind() == Kind.LPAREN;
    }

    private void enter(Token t) {
        if (++depth > MAX_DEPTH) {
            throw new ExpressionException("the expression is nested too deeply", t.line(), t.column());
        }
    }

    private void expect(Kind kind, String what, Token opener) {
        Token t = peek();
        if (t.kind() != kind) {
            throw new ExpressionException("expected " + what + " to close the '(' at column " + opener.column()
                    + ", found " + (t.kind() == Kind.END ? "the end" : "'" + t.text() + "'"), t.line(), t.column());
        }
        next();
    }

    private boolean accept(Kind kind) {
        if (peek().kind() == kind) {
            next();
            return true;
        }
        return false;
    }

    private Token peek() {
        return tokens.get(pos);
    }

    private Token next() {
        Token t = tokens.get(pos);
        if (pos < tokens.size() - 1) {
            pos++;
        }
        return t;
    }
}
