package io.sfinbound.transform.job;

import java.time.Duration;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

import com.fasterxml.jackson.databind.node.TextNode;
import io.sfinbound.common.job.Transformation;
import io.sfinbound.transform.expression.CompiledExpression;
import io.sfinbound.transform.expression.ExpressionCompiler;
import io.sfinbound.transform.expression.ExpressionException;
import io.sfinbound.transform.expression.Type;
import io.sfinbound.transform.mapping.SalesforceValues;
import io.sfinbound.transform.redaction.RegexSafety;
import io.sfinbound.transform.redaction.TimeBoundedCharSequence;

/** Compiles a job's {@link Transformation}s into {@link ValueTransform}s, once per job version. */
public final class Transformations {

    private final ExpressionCompiler compiler;
    private final Duration regexBudget;

    public Transformations(ExpressionCompiler compiler, Duration regexBudget) {
        this.compiler = compiler;
        this.regexBudget = regexBudget;
    }

    /**
     * Compiles one transformation.
     *
     * @param t     the transformation, {@code null} for none
     * @param field the job field it belongs to, for error messages ({@code fieldMappings[0].transformation})
     */
    public ValueTransform compile(Transformation t, String field) {
        return compile(t, field, null);
    }

    /**
     * Compiles one transformation against known field types (job save: the fields of the SOQL select list), so that
     * an expression naming a field the record will not have is an error, with the right case suggested.
     *
     * @param fieldTypes field path to type; {@code null} when unknown (run time)
     */
    public ValueTransform compile(Transformation t, String field, Map<String, Type> fieldTypes) {
        if (t == null || t.type() == null) {
            return ValueTransform.IDENTITY;
        }
        return switch (t.type()) {
            case LOOKUP -> lookup(t, field);
            case REGEX -> regex(t, field);
            case EXPRESSION -> expression(t, field, fieldTypes);
        };
    }

    private static ValueTransform lookup(Transformation t, String field) {
        Map<String, String> table = t.lookup() == null ? Map.of() : Map.copyOf(t.lookup());
        if (table.isEmpty() && t.lookupDefault() == null) {
            throw JobCompilationException.of(field + ".lookup", "a lookup transformation needs at least one pair", null, null);
        }
        String otherwise = t.lookupDefault();
        return (value, record) -> {
            String key = SalesforceValues.text(value);
            String replaced = key == null ? null : table.get(key);
            if (replaced != null) {
                return TextNode.valueOf(replaced);
            }
            return otherwise != null ? TextNode.valueOf(otherwise) : value;
        };
    }

    private ValueTransform regex(Transformation t, String field) {
        if (t.regex() == null || t.regex().isEmpty()) {
            throw JobCompilationException.of(field + ".regex", "a regex transformation needs a pattern", null, null);
        }
        int lookaround = Math.max(t.regex().indexOf("(?!"), t.regex().indexOf("(?<!"));
        if (lookaround >= 0) {
            // as in the redaction rule files: XM Discover does not support negative lookarounds
            throw JobCompilationException.of(field + ".regex", "negative lookarounds are not supported", 1, lookaround + 1);
        }
        Pattern pattern;
        try {
            pattern = Pattern.compile(t.regex());
        } catch (PatternSyntaxException e) {
            throw JobCompilationException.of(field + ".regex", e.getDescription(), 1, Math.max(1, e.getIndex() + 1));
        }
        RegexSafety.check(t.regex()).ifPresent(problem -> {
            throw JobCompilationException.of(field + ".regex", problem, 1, 1);
        });
        String replacement = t.replacement() == null ? "" : t.replacement();
        try {
            pattern.matcher("").replaceAll(replacement);
        } catch (IllegalArgumentException | IndexOutOfBoundsException e) {
            throw JobCompilationException.of(field + ".replacement", e.getMessage(), null, null);
        }
        long budget = regexBudget.toNanos();
        return (value, record) -> {
            String text = SalesforceValues.text(value);
            if (text == null) {
                return value;
            }
            try {
                Matcher m = pattern.matcher(TimeBoundedCharSequence.of(text, System.nanoTime() + budget));
                return TextNode.valueOf(m.replaceAll(replacement));
            } catch (TimeBoundedCharSequence.RegexTimeoutException e) {
                throw new TransformException(TransformException.EXPRESSION_ERROR,
                        "the regex transformation of " + field + " ran past " + regexBudget.toMillis() + " ms");
            }
        };
    }

    private ValueTransform expression(Transformation t, String field, Map<String, Type> fieldTypes) {
        CompiledExpression expr;
        try {
            expr = compiler.compile(t.expression(), Type.ANY, fieldTypes);
        } catch (ExpressionException e) {
            throw JobCompilationException.of(field + ".expression", e.getMessage(), e.line(), e.column());
        }
        return (value, record) -> {
            try {
                Object result = expr.evaluate(record, value);
                return ExpressionValues.toJson(result);
            } catch (ExpressionException e) {
                throw new TransformException(TransformException.EXPRESSION_ERROR,
                        "the expression of " + field + " failed: " + e.getMessage());
            }
        };
    }
}
