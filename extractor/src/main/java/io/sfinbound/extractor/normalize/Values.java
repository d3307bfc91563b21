package io.sfinbound.extractor.normalize;

import java.math.BigDecimal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.BooleanNode;
import com.fasterxml.jackson.databind.node.DoubleNode;
import com.fasterxml.jackson.databind.node.IntNode;
import com.fasterxml.jackson.databind.node.LongNode;
import com.fasterxml.jackson.databind.node.NullNode;
import com.fasterxml.jackson.databind.node.TextNode;

/**
 * Describe-type-driven values of normalized JSON, shared by the REST and the Bulk path so that both produce the
 * very same JSON: {@code boolean} as JSON booleans, {@code int}/{@code long} as integers, {@code double},
 * {@code currency} and {@code percent} as floating point numbers ({@code 100.0}, as REST prints them), datetimes in
 * the REST form {@code 2024-05-20T20:49:32.000+0000}, dates {@code YYYY-MM-DD}, empty values as null, everything
 * else as text.
 */
public final class Values {

    private Values() {
    }

    /** A CSV cell as a JSON value of the describe type ({@code null} type: text). */
    public static JsonNode fromText(String type, String text) {
        if (text == null || text.isEmpty()) {
            return NullNode.instance;
        }
        if (type == null) {
            return TextNode.valueOf(text);
        }
        try {
            return switch (type) {
                case "boolean" -> BooleanNode.valueOf(Boolean.parseBoolean(text.strip()));
                case "int", "long" -> integer(new BigDecimal(text.strip()).longValueExact());
                case "double", "currency", "percent" -> DoubleNode.valueOf(Double.parseDouble(text.strip()));
                case "datetime" -> TextNode.valueOf(SalesforceDates.formatDateTime(SalesforceDates.parseInstant(text)));
                default -> TextNode.valueOf(text);
            };
        } catch (RuntimeException e) {
            return TextNode.valueOf(text);
        }
    }

    /** A REST JSON value brought to the same form ({@code 100} of a currency field becomes {@code 100.0}). */
    public static JsonNode canonical(String type, JsonNode v) {
        if (v == null || v.isNull() || type == null) {
            return v;
        }
        switch (type) {
            case "int", "long":
                return v.isNumber() && v.canConvertToExactIntegral() ? integer(v.longValue()) : v;
            case "double", "currency", "percent":
                return v.isNumber() ? DoubleNode.valueOf(v.doubleValue()) : v.isTextual() ? fromText(type, v.asText()) : v;
            case "boolean":
                return v.isTextual() ? fromText(type, v.asText()) : v;
            case "datetime":
                return v.isTextual() ? fromText(type, v.asText()) : v;
            default:
                return v.isTextual() && v.asText().isEmpty() ? NullNode.instance : v;
        }
    }

    private static JsonNode integer(long value) {
        return value >= Integer.MIN_VALUE && value <= Integer.MAX_VALUE ? IntNode.valueOf((int) value) : LongNode.valueOf(value);
    }
}
