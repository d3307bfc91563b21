package io.sfinbound.transform.mapping;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.format.DateTimeParseException;
import java.time.temporal.TemporalAccessor;
import java.util.Optional;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Conversions of normalized Salesforce values: datetimes as Salesforce REST prints them
 * ({@code 2024-05-20T20:49:32.000+0000}), ISO-8601 instants and offsets, dates ({@code 2024-05-20}, midnight UTC),
 * numbers as JSON numbers or numeric text.
 */
public final class SalesforceValues {

    private static final DateTimeFormatter DATETIME = new DateTimeFormatterBuilder()
            .append(DateTimeFormatter.ISO_LOCAL_DATE_TIME)
            .optionalStart().appendOffset("+HH:MM", "Z").optionalEnd()
            .optionalStart().appendOffset("+HHMM", "Z").optionalEnd()
            .toFormatter();

    private SalesforceValues() {
    }

    /** Parses a datetime or date text; empty when it is neither. */
    public static Optional<Instant> parseInstant(String text) {
        if (text == null) {
            return Optional.empty();
        }
        String s = text.trim();
        if (s.length() == 10) {
            try {
                return Optional.of(LocalDate.parse(s).atStartOfDay(ZoneOffset.UTC).toInstant());
            } catch (DateTimeParseException e) {
                return Optional.empty();
            }
        }
        if (s.length() < 16 || s.charAt(10) != 'T') {
            return Optional.empty();
        }
        try {
            TemporalAccessor t = DATETIME.parse(s);
            LocalDateTime local = LocalDateTime.from(t);
            ZoneOffset offset = t.isSupported(java.time.temporal.ChronoField.OFFSET_SECONDS)
                    ? ZoneOffset.from(t) : ZoneOffset.UTC;
            return Optional.of(local.toInstant(offset));
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
    }

    /** The instant of a JSON value (text in a Salesforce date format); empty for null, missing or non-dates. */
    public static Optional<Instant> instant(JsonNode node) {
        if (node == null || !node.isTextual()) {
            return Optional.empty();
        }
        return parseInstant(node.textValue());
    }

    /** Whether a JSON text looks like a Salesforce date or datetime. */
    public static boolean isDateText(JsonNode node) {
        return node != null && node.isTextual() && looksLikeDate(node.textValue()) && instant(node).isPresent();
    }

    private static boolean looksLikeDate(String s) {
        return s.length() >= 10 && s.length() <= 35 && Character.isDigit(s.charAt(0)) && s.charAt(4) == '-'
                && s.charAt(7) == '-';
    }

    /** The number of a JSON number or numeric text; empty otherwise. */
    public static Optional<BigDecimal> number(JsonNode node) {
        if (node == null || node.isNull() || node.isMissingNode()) {
            return Optional.empty();
        }
        if (node.isNumber()) {
            return Optional.of(node.decimalValue());
        }
        if (node.isTextual()) {
            try {
                return Optional.of(new BigDecimal(node.textValue().trim()));
            } catch (NumberFormatException e) {
                return Optional.empty();
            }
        }
        return Optional.empty();
    }

    /** The text of a scalar JSON value (numbers in plain notation); {@code null} for null, missing or containers. */
    public static String text(JsonNode node) {
        if (node == null || node.isNull() || node.isMissingNode() || node.isContainerNode()) {
            return null;
        }
        if (node.isBigDecimal() || node.isDouble() || node.isFloat()) {
            return node.decimalValue().stripTrailingZeros().toPlainString();
        }
        return node.asText();
    }
}
