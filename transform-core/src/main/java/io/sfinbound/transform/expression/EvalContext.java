package io.sfinbound.transform.expression;

import java.time.Instant;

import com.fasterxml.jackson.databind.JsonNode;

/** The state of one evaluation: the record, the transformed value, a fixed NOW, and the time budget. */
final class EvalContext {

    /** Longest text an expression may build: CONCAT of CONCATs would otherwise double per level. */
    static final int MAX_TEXT = 1_000_000;

    final JsonNode record;
    final JsonNode value;
    final Instant now;
    private final long deadlineNanos;
    private int steps;

    EvalContext(JsonNode record, JsonNode value, Instant now, long deadlineNanos) {
        this.record = record;
        this.value = value;
        this.now = now;
        this.deadlineNanos = deadlineNanos;
    }

    /** Called per node evaluated; throws when the budget is spent. */
    void step(Node at) {
        if ((++steps & 63) == 0 && System.nanoTime() - deadlineNanos > 0) {
            throw new ExpressionException("the expression ran past its time budget", at.line, at.column);
        }
    }

    static String checkLength(String s, Node at) {
        if (s != null && s.length() > MAX_TEXT) {
            throw new ExpressionException("text longer than " + MAX_TEXT + " characters", at.line, at.column);
        }
        return s;
    }
}
