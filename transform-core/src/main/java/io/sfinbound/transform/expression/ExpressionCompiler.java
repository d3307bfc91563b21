package io.sfinbound.transform.expression;

import java.time.Clock;
import java.time.Duration;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Compiles the connector's expression language (custom transformations and connector filters) into type-checked
 * trees. Plain Java with no Quarkus dependency, so that config-api can type-check expressions when a job is saved.
 * <p>
 * Sandboxed by construction: an expression can only read the record's fields and {@code $value} and call the
 * functions of {@link Functions}; there is no reflection, no I/O, no loop, and each evaluation has a time budget,
 * a nesting limit and a limit on the length of the texts it builds.
 */
public final class ExpressionCompiler {

    /** The longest expression source accepted, in characters. */
    public static final int MAX_SOURCE = 10_000;

    private final Clock clock;
    private final long budgetNanos;

    /**
     * @param clock  clock of {@code NOW()}
     * @param budget time budget of one evaluation
     */
    public ExpressionCompiler(Clock clock, Duration budget) {
        this.clock = clock;
        this.budgetNanos = budget.toNanos();
    }

    /**
     * Compiles an expression whose fields' types are known only at run time.
     *
     * @param expected the required result type ({@link Type#BOOLEAN} for connector filters), ANY for any
     * @throws ExpressionException with the line and column of the first error
     */
    public CompiledExpression compile(String source, Type expected) {
        return compile(source, expected, null);
    }

    /**
     * Compiles an expression against known field types (for example from a query's sample data): unknown fields are
     * errors, with the right spelling suggested when only the case differs.
     *
     * @param fieldTypes field path to type; {@code null} when unknown
     */
    public CompiledExpression compile(String source, Type expected, Map<String, Type> fieldTypes) {
        if (source == null || source.isBlank()) {
            throw new ExpressionException("the expression is empty", 1, 1);
        }
        if (source.length() > MAX_SOURCE) {
            throw new ExpressionException("the expression is longer than " + MAX_SOURCE + " characters", 1, 1);
        }
        Node root = new Parser(new Lexer(source).tokens(), fieldTypes).parse();
        if (expected != Type.ANY && root.type != Type.ANY && root.type != expected) {
            throw new ExpressionException("the expression must give " + Node.Checks.article(expected) + ", it gives "
                    + Node.Checks.article(root.type), root.line, root.column);
        }
        return new Compiled(root, expected, clock, budgetNanos);
    }

    private record Compiled(Node root, Type expected, Clock clock, long budgetNanos) implements CompiledExpression {

        @Override
        public Type type() {
            return root.type;
        }

        @Override
        public Object evaluate(JsonNode record, JsonNode value) {
            EvalContext ctx = new EvalContext(record, value, clock.instant(), System.nanoTime() + budgetNanos);
            Object result;
            try {
                result = root.evaluate(ctx);
            } catch (StackOverflowError e) {
                throw new ExpressionException("the expression is nested too deeply", root.line, root.column);
            }
            if (expected == Type.BOOLEAN) {
                // A filter over an empty field is false, not an error.
                return result == null ? Boolean.FALSE : Values.bool(result, root);
            }
            return result;
        }
    }
}
