package io.sfinbound.soql.ast;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

/**
 * A dateTime literal, {@code 2024-03-01T10:15:00Z}, {@code 2024-03-01T10:15:00.123+02:00}. The offset is kept as
 * written; {@code Z} and {@code +00:00} are the same value.
 *
 * @param value the date-time with its offset (whole minutes), year 0001 to 9999
 */
public record DateTimeLiteral(OffsetDateTime value) implements Literal {

    public DateTimeLiteral {
        if (value == null || value.getYear() < 1 || value.getYear() > 9999) {
            throw new IllegalArgumentException("dateTime out of range: " + value);
        }
        if (value.getOffset().getTotalSeconds() % 60 != 0) {
            throw new IllegalArgumentException("offset must be whole minutes: " + value.getOffset());
        }
    }

    /** A UTC literal for an instant. */
    public static DateTimeLiteral of(Instant instant) {
        return new DateTimeLiteral(instant.atOffset(ZoneOffset.UTC));
    }

    /** The instant it denotes. */
    public Instant instant() {
        return value.toInstant();
    }
}
