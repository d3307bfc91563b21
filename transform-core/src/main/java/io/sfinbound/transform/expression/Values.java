package io.sfinbound.transform.expression;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Locale;

import com.fasterxml.jackson.databind.JsonNode;
import io.sfinbound.transform.mapping.SalesforceValues;
import io.sfinbound.transform.job.SensitiveValues;

/** Run-time values (String, BigDecimal, Instant, Boolean, null) and their checked conversions. */
final class Values {

    private Values() {
    }

    static Object fromJson(JsonNode n) {
        if (n == null || n.isNull() || n.isMissingNode()) {
            return null;
        }
        if (n.isNumber()) {
            return n.decimalValue();
        }
        if (n.isBoolean()) {
            return n.booleanValue();
        }
        if (n.isTextual()) {
            return n.textValue();
        }
        return n.toString();
    }

    static Type typeOf(Object v) {
        if (v instanceof String) {
            return Type.TEXT;
        }
        if (v instanceof BigDecimal) {
            return Type.NUMBER;
        }
        if (v instanceof Instant) {
            return Type.DATE;
        }
        if (v instanceof Boolean) {
            return Type.BOOLEAN;
        }
        return Type.ANY;
    }

    static BigDecimal number(Object v, Node at) {
        if (v == null || v instanceof BigDecimal) {
            return (BigDecimal) v;
        }
        if (v instanceof String s) {
            if (s.isBlank()) {
                return null;
            }
            try {
                return new BigDecimal(s.trim());
            } catch (NumberFormatException e) {
                throw new ExpressionException(SensitiveValues.quote(s) + " is not a number", at.line, at.column);
            }
        }
        throw new ExpressionException("expected a number, got " + describe(v), at.line, at.column);
    }

    static String text(Object v) {
        if (v == null) {
            return null;
        }
        if (v instanceof BigDecimal d) {
            return d.stripTrailingZeros().scale() < 0 ? d.toBigInteger().toString() : d.stripTrailingZeros().toPlainString();
        }
        return v.toString();
    }

    static Instant date(Object v, Node at) {
        if (v == null || v instanceof Instant) {
            return (Instant) v;
        }
        if (v instanceof String s) {
            if (s.isBlank()) {
                return null;
            }
            return SalesforceValues.parseInstant(s).orElseThrow(() -> new ExpressionException(
                    SensitiveValues.quote(s) + " is not a date (expected 2024-05-20 or 2024-05-20T20:49:32.000+0000)",
                    at.line, at.column));
        }
        throw new ExpressionException("expected a date, got " + describe(v), at.line, at.column);
    }

    static Boolean bool(Object v, Node at) {
        if (v == null || v instanceof Boolean) {
            return (Boolean) v;
        }
        if (v instanceof String s) {
            String l = s.trim().toLowerCase(Locale.ROOT);
            if (l.equals("true") || l.equals("false")) {
                return l.equals("true");
            }
        }
        throw new ExpressionException("expected true or false, got " + describe(v), at.line, at.column);
    }

    static String describe(Object v) {
        return typeOf(v).name().toLowerCase(Locale.ROOT) + " " + SensitiveValues.quote(v);
    }

}
