package io.sfinbound.transform.expression;

import com.fasterxml.jackson.databind.JsonNode;

/** A compiled, type-checked expression; immutable and thread-safe. */
public interface CompiledExpression {

    /** The static type of the result. */
    Type type();

    /**
     * Evaluates the expression over a record.
     *
     * @param record the normalized record (fields by case-sensitive path)
     * @param value  the value being transformed ({@code $value}), JSON null in filters
     * @return a String, BigDecimal, Instant, Boolean, or null
     * @throws ExpressionException on a run-time error or when the time budget is exceeded
     */
    Object evaluate(JsonNode record, JsonNode value);
}
