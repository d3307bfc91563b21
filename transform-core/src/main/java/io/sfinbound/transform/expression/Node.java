package io.sfinbound.transform.expression;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.time.Instant;
import java.util.List;

import io.sfinbound.transform.mapping.FieldPaths;

/** A type-checked node of an expression tree; evaluation is a plain tree walk (no reflection, no I/O). */
abstract class Node {

    final int line;
    final int column;
    Type type = Type.ANY;

    Node(int line, int column) {
        this.line = line;
        this.column = column;
    }

    final Object evaluate(EvalContext ctx) {
        ctx.step(this);
        return eval(ctx);
    }

    abstract Object eval(EvalContext ctx);

    ExpressionException error(String message) {
        return new ExpressionException(message, line, column);
    }

    /** A constant; {@code null} is NULL. */
    static final class Literal extends Node {
        final Object value;

        Literal(Object value, Type type, int line, int column) {
            super(line, column);
            this.value = value;
            this.type = type;
        }

        @Override
        Object eval(EvalContext ctx) {
            return value;
        }
    }

    /** A field of the record by case-sensitive path. */
    static final class Field extends Node {
        final String path;

        Field(String path, Type type, int line, int column) {
            super(line, column);
            this.path = path;
            this.type = type;
        }

        @Override
        Object eval(EvalContext ctx) {
            FieldPaths.Resolution r = FieldPaths.resolve(ctx.record, path);
            if (r instanceof FieldPaths.Missing m) {
                throw error(m.describe(path));
            }
            return Values.fromJson(((FieldPaths.Found) r).value());
        }
    }

    /** {@code $value}: the value being transformed. */
    static final class CurrentValue extends Node {
        CurrentValue(int line, int column) {
            super(line, column);
        }

        @Override
        Object eval(EvalContext ctx) {
            return Values.fromJson(ctx.value);
        }
    }

    /** Unary minus and NOT. */
    static final class Unary extends Node {
        final String op;
        final Node operand;

        Unary(String op, Node operand, int line, int column) {
            super(line, column);
            this.op = op;
            this.operand = operand;
            if (op.equals("-")) {
                Checks.expect(operand, Type.NUMBER, "'-'");
                type = Type.NUMBER;
            } else {
                Checks.expect(operand, Type.BOOLEAN, "NOT");
                type = Type.BOOLEAN;
            }
        }

        @Override
        Object eval(EvalContext ctx) {
            Object v = operand.evaluate(ctx);
            if (op.equals("-")) {
                BigDecimal n = Values.number(v, operand);
                return n == null ? null : n.negate();
            }
            Boolean b = Values.bool(v, operand);
            return b == null ? Boolean.TRUE : !b;
        }
    }

    /** Binary operators: arithmetic, {@code &} concatenation, comparisons, AND and OR. */
    static final class Binary extends Node {
        final String op;
        final Node left;
        final Node right;

        Binary(String op, Node left, Node right, int line, int column) {
            super(line, column);
            this.op = op;
            this.left = left;
            this.right = right;
            switch (op) {
                case "+", "-", "*", "/", "%" -> {
                    if (op.equals("+") && (left.type == Type.TEXT || right.type == Type.TEXT)) {
                        Node text = left.type == Type.TEXT ? left : right;
                        throw new ExpressionException("'+' adds numbers; join texts with CONCAT(a, b) or a & b",
                                text.line, text.column);
                    }
                    Checks.expect(left, Type.NUMBER, "'" + op + "'");
                    Checks.expect(right, Type.NUMBER, "'" + op + "'");
                    type = Type.NUMBER;
                }
                case "&" -> type = Type.TEXT;
                case "AND", "OR" -> {
                    Checks.expect(left, Type.BOOLEAN, op);
                    Checks.expect(right, Type.BOOLEAN, op);
                    type = Type.BOOLEAN;
                }
                default -> {
                    Checks.comparable(left, right, op);
                    type = Type.BOOLEAN;
                }
            }
        }

        @Override
        Object eval(EvalContext ctx) {
            switch (op) {
                case "AND" -> {
                    return truthy(left.evaluate(ctx), left) && truthy(right.evaluate(ctx), right);
                }
                case "OR" -> {
                    return truthy(left.evaluate(ctx), left) || truthy(right.evaluate(ctx), right);
                }
                case "&" -> {
                    String a = Values.text(left.evaluate(ctx));
                    String b = Values.text(right.evaluate(ctx));
                    return EvalContext.checkLength((a == null ? "" : a) + (b == null ? "" : b), this);
                }
                default -> {
                }
            }
            Object a = left.evaluate(ctx);
            Object b = right.evaluate(ctx);
            return switch (op) {
                case "+", "-", "*", "/", "%" -> arithmetic(Values.number(a, left), Values.number(b, right));
                default -> Comparisons.compare(op, a, b, this);
            };
        }

        private Object arithmetic(BigDecimal a, BigDecimal b) {
            if (a == null || b == null) {
                return null;
            }
            return switch (op) {
                case "+" -> a.add(b);
                case "-" -> a.subtract(b);
                case "*" -> a.multiply(b, MathContext.DECIMAL64);
                case "/" -> {
                    if (b.signum() == 0) {
                        throw new ExpressionException("division by zero", right.line, right.column);
                    }
                    yield a.divide(b, MathContext.DECIMAL64);
                }
                default -> {
                    if (b.signum() == 0) {
                        throw new ExpressionException("division by zero", right.line, right.column);
                    }
                    yield a.remainder(b, MathContext.DECIMAL64);
                }
            };
        }

        static boolean truthy(Object v, Node at) {
            Boolean b = Values.bool(v, at);
            return b != null && b;
        }
    }

    /** A function call. */
    static final class Call extends Node {
        final Functions.Fn fn;
        final List<Node> args;

        Call(Functions.Fn fn, List<Node> args, int line, int column) {
            super(line, column);
            this.fn = fn;
            this.args = args;
            this.type = fn.check(this);
        }

        @Override
        Object eval(EvalContext ctx) {
            Object result = fn.invoke(this, ctx);
            return result instanceof String s ? EvalContext.checkLength(s, this) : result;
        }

        Object arg(int i, EvalContext ctx) {
            return args.get(i).evaluate(ctx);
        }
    }

    /** Comparison of run-time values: numbers, texts (case-sensitive), dates, Booleans; NULL equals only NULL. */
    static final class Comparisons {

        private Comparisons() {
        }

        static Boolean compare(String op, Object a, Object b, Node at) {
            if (a == null || b == null) {
                return switch (op) {
                    case "=", "==" -> a == b;
                    case "!=", "<>" -> a != b;
                    default -> false;
                };
            }
            int c;
            if (a instanceof BigDecimal || b instanceof BigDecimal) {
                c = Values.number(a, at).compareTo(Values.number(b, at));
            } else if (a instanceof Instant || b instanceof Instant) {
                c = Values.date(a, at).compareTo(Values.date(b, at));
            } else if (a instanceof Boolean || b instanceof Boolean) {
                Boolean x = Values.bool(a, at);
                Boolean y = Values.bool(b, at);
                if (!op.equals("=") && !op.equals("==") && !op.equals("!=") && !op.equals("<>")) {
                    throw at.error("true and false can only be compared with = and !=");
                }
                c = x.compareTo(y);
            } else {
                String x = a.toString();
                String y = b.toString();
                var dx = io.sfinbound.transform.mapping.SalesforceValues.parseInstant(x);
                var dy = dx.isPresent() ? io.sfinbound.transform.mapping.SalesforceValues.parseInstant(y)
                        : java.util.Optional.<Instant>empty();
                // Two date texts (a date field and "2024-01-01") compare as dates, not as characters.
                c = dx.isPresent() && dy.isPresent() ? dx.get().compareTo(dy.get()) : x.compareTo(y);
            }
            return switch (op) {
                case "=", "==" -> c == 0;
                case "!=", "<>" -> c != 0;
                case "<" -> c < 0;
                case "<=" -> c <= 0;
                case ">" -> c > 0;
                default -> c >= 0;
            };
        }
    }

    /** Static type checks with the position of the offending node. */
    static final class Checks {

        private Checks() {
        }

        static void expect(Node n, Type expected, String what) {
            if (n.type != Type.ANY && n.type != expected && !(expected == Type.DATE && n.type == Type.TEXT && isDateLiteral(n))) {
                throw new ExpressionException(what + " expects " + article(expected) + ", got " + article(n.type),
                        n.line, n.column);
            }
        }

        static boolean isDateLiteral(Node n) {
            return n instanceof Literal l && l.value instanceof String s
                    && io.sfinbound.transform.mapping.SalesforceValues.parseInstant(s).isPresent();
        }

        static void comparable(Node a, Node b, String op) {
            if (a.type == Type.ANY || b.type == Type.ANY || a.type == b.type) {
                if (a.type == Type.BOOLEAN && b.type == Type.BOOLEAN && !op.equals("=") && !op.equals("==")
                        && !op.equals("!=") && !op.equals("<>")) {
                    throw new ExpressionException("true and false can only be compared with = and !=", b.line, b.column);
                }
                return;
            }
            if ((a.type == Type.DATE && isDateLiteral(b)) || (b.type == Type.DATE && isDateLiteral(a))) {
                return;
            }
            throw new ExpressionException("cannot compare " + article(a.type) + " with " + article(b.type) + " using '"
                    + op + "'", b.line, b.column);
        }

        static String article(Type t) {
            return switch (t) {
                case TEXT -> "a text";
                case NUMBER -> "a number";
                case DATE -> "a date";
                case BOOLEAN -> "a Boolean";
                default -> "any value";
            };
        }
    }

    static BigDecimal round(BigDecimal n, int digits) {
        return n.setScale(digits, RoundingMode.HALF_UP);
    }
}
