package io.sfinbound.extractor.normalize;

import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoField;
import java.util.Locale;

/** Salesforce date and datetime text: parsing every form the APIs print, formatting the REST form. */
public final class SalesforceDates {

    /** {@code 2024-05-20T20:49:32.000+0000}: how REST prints datetimes, and the normalized form. */
    public static final DateTimeFormatter REST_DATETIME = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSxx", Locale.ROOT)
            .withZone(ZoneOffset.UTC);

    private static final DateTimeFormatter LENIENT = new DateTimeFormatterBuilder()
            .append(DateTimeFormatter.ISO_LOCAL_DATE)
            .appendLiteral('T')
            .appendPattern("HH:mm:ss")
            .optionalStart().appendFraction(ChronoField.NANO_OF_SECOND, 0, 9, true).optionalEnd()
            .optionalStart().appendOffset("+HH:MM", "Z").optionalEnd()
            .optionalStart().appendOffset("+HHMM", "Z").optionalEnd()
            .toFormatter(Locale.ROOT);

    private SalesforceDates() {
    }

    /** Parses a datetime in any of {@code ...000+0000}, {@code ...000Z}, {@code ...+00:00}, or a date as midnight UTC. */
    public static Instant parseInstant(String text) {
        String s = text.strip();
        if (s.length() == 10) {
            return LocalDate.parse(s).atStartOfDay(ZoneOffset.UTC).toInstant();
        }
        try {
            var parsed = LENIENT.parseBest(s, OffsetDateTime::from, java.time.LocalDateTime::from);
            if (parsed instanceof OffsetDateTime odt) {
                return odt.toInstant();
            }
            return ((java.time.LocalDateTime) parsed).toInstant(ZoneOffset.UTC);
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("not a Salesforce datetime: " + text, e);
        }
    }

    /** The normalized (REST) text of a datetime. */
    public static String formatDateTime(Instant t) {
        return REST_DATETIME.format(t);
    }
}
