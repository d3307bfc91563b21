package io.sfinbound.transform.job;

import java.math.BigDecimal;
import java.time.Instant;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.BooleanNode;
import com.fasterxml.jackson.databind.node.DecimalNode;
import com.fasterxml.jackson.databind.node.NullNode;
import com.fasterxml.jackson.databind.node.TextNode;

/** Converts expression results (text, number, date, Boolean, null) to JSON values. */
final class ExpressionValues {

    private ExpressionValues() {
    }

    static JsonNode toJson(Object value) {
        if (value == null) {
            return NullNode.getInstance();
        }
        if (value instanceof String s) {
            return TextNode.valueOf(s);
        }
        if (value instanceof BigDecimal d) {
            return DecimalNode.valueOf(d);
        }
        if (value instanceof Instant i) {
            return TextNode.valueOf(i.toString());
        }
        if (value instanceof Boolean b) {
            return BooleanNode.valueOf(b);
        }
        return TextNode.valueOf(value.toString());
    }
}
