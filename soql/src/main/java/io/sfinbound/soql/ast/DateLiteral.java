package io.sfinbound.soql.ast;

import java.time.LocalDate;

/**
 * A date literal, {@code 2024-03-01} (unquoted, as SOQL wants), for date fields.
 *
 * @param value the date, year 0001 to 9999
 */
public record DateLiteral(LocalDate value) implements Literal {

    public DateLiteral {
        if (value == null || value.getYear() < 1 || value.getYear() > 9999) {
            throw new IllegalArgumentException("date out of range: " + value);
        }
    }
}
