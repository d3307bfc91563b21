package io.sfinbound.soql.eval;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.Month;
import java.time.ZoneId;
import java.time.ZoneOffset;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import io.sfinbound.soql.ast.RelativeDateLiteral;

/**
 * Relative date literal ranges on a fixed clock (Wednesday 2024-05-15). Plain JUnit: pure date arithmetic.
 */
class DateRangesTest {

    private static final Clock CLOCK = Clock.fixed(Instant.parse("2024-05-15T12:00:00Z"), ZoneOffset.UTC);

    @ParameterizedTest(name = "{0}:{1} week from {2}, fiscal year from {3} = [{4}, {5})")
    @CsvSource({
            "TODAY, , SUNDAY, JANUARY, 2024-05-15, 2024-05-16",
            "YESTERDAY, , SUNDAY, JANUARY, 2024-05-14, 2024-05-15",
            "TOMORROW, , SUNDAY, JANUARY, 2024-05-16, 2024-05-17",
            "THIS_WEEK, , SUNDAY, JANUARY, 2024-05-12, 2024-05-19",
            "THIS_WEEK, , MONDAY, JANUARY, 2024-05-13, 2024-05-20",
            "LAST_WEEK, , SUNDAY, JANUARY, 2024-05-05, 2024-05-12",
            "NEXT_WEEK, , SUNDAY, JANUARY, 2024-05-19, 2024-05-26",
            "THIS_MONTH, , SUNDAY, JANUARY, 2024-05-01, 2024-06-01",
            "LAST_MONTH, , SUNDAY, JANUARY, 2024-04-01, 2024-05-01",
            "NEXT_MONTH, , SUNDAY, JANUARY, 2024-06-01, 2024-07-01",
            "LAST_90_DAYS, , SUNDAY, JANUARY, 2024-02-15, 2024-05-16",
            "NEXT_90_DAYS, , SUNDAY, JANUARY, 2024-05-16, 2024-08-14",
            "LAST_N_DAYS, 7, SUNDAY, JANUARY, 2024-05-08, 2024-05-16",
            "NEXT_N_DAYS, 3, SUNDAY, JANUARY, 2024-05-16, 2024-05-19",
            "N_DAYS_AGO, 2, SUNDAY, JANUARY, 2024-05-13, 2024-05-14",
            "LAST_N_WEEKS, 2, SUNDAY, JANUARY, 2024-04-28, 2024-05-12",
            "NEXT_N_WEEKS, 2, SUNDAY, JANUARY, 2024-05-19, 2024-06-02",
            "N_WEEKS_AGO, 1, SUNDAY, JANUARY, 2024-05-05, 2024-05-12",
            "LAST_N_MONTHS, 2, SUNDAY, JANUARY, 2024-03-01, 2024-05-01",
            "NEXT_N_MONTHS, 2, SUNDAY, JANUARY, 2024-06-01, 2024-08-01",
            "N_MONTHS_AGO, 12, SUNDAY, JANUARY, 2023-05-01, 2023-06-01",
            "THIS_QUARTER, , SUNDAY, JANUARY, 2024-04-01, 2024-07-01",
            "LAST_QUARTER, , SUNDAY, JANUARY, 2024-01-01, 2024-04-01",
            "NEXT_QUARTER, , SUNDAY, JANUARY, 2024-07-01, 2024-10-01",
            "LAST_N_QUARTERS, 2, SUNDAY, JANUARY, 2023-10-01, 2024-04-01",
            "NEXT_N_QUARTERS, 1, SUNDAY, JANUARY, 2024-07-01, 2024-10-01",
            "N_QUARTERS_AGO, 1, SUNDAY, JANUARY, 2024-01-01, 2024-04-01",
            "THIS_YEAR, , SUNDAY, JANUARY, 2024-01-01, 2025-01-01",
            "LAST_YEAR, , SUNDAY, JANUARY, 2023-01-01, 2024-01-01",
            "NEXT_YEAR, , SUNDAY, JANUARY, 2025-01-01, 2026-01-01",
            "LAST_N_YEARS, 2, SUNDAY, JANUARY, 2022-01-01, 2024-01-01",
            "NEXT_N_YEARS, 2, SUNDAY, JANUARY, 2025-01-01, 2027-01-01",
            "N_YEARS_AGO, 1, SUNDAY, JANUARY, 2023-01-01, 2024-01-01",
            "THIS_FISCAL_YEAR, , SUNDAY, APRIL, 2024-04-01, 2025-04-01",
            "THIS_FISCAL_YEAR, , SUNDAY, JUNE, 2023-06-01, 2024-06-01",
            "LAST_FISCAL_YEAR, , SUNDAY, JUNE, 2022-06-01, 2023-06-01",
            "NEXT_FISCAL_YEAR, , SUNDAY, JUNE, 2024-06-01, 2025-06-01",
            "THIS_FISCAL_QUARTER, , SUNDAY, FEBRUARY, 2024-05-01, 2024-08-01",
            "LAST_FISCAL_QUARTER, , SUNDAY, FEBRUARY, 2024-02-01, 2024-05-01",
            "NEXT_FISCAL_QUARTER, , SUNDAY, FEBRUARY, 2024-08-01, 2024-11-01",
            "LAST_N_FISCAL_QUARTERS, 2, SUNDAY, FEBRUARY, 2023-11-01, 2024-05-01",
            "NEXT_N_FISCAL_QUARTERS, 2, SUNDAY, FEBRUARY, 2024-08-01, 2025-02-01",
            "N_FISCAL_QUARTERS_AGO, 1, SUNDAY, FEBRUARY, 2024-02-01, 2024-05-01",
            "LAST_N_FISCAL_YEARS, 1, SUNDAY, FEBRUARY, 2023-02-01, 2024-02-01",
            "NEXT_N_FISCAL_YEARS, 2, SUNDAY, FEBRUARY, 2025-02-01, 2027-02-01",
            "N_FISCAL_YEARS_AGO, 1, SUNDAY, FEBRUARY, 2023-02-01, 2024-02-01",
    })
    void ranges(String keyword, Integer n, DayOfWeek weekStart, Month fiscalStart, LocalDate start, LocalDate end) {
        EvalContext ctx = new EvalContext(CLOCK, ZoneOffset.UTC, weekStart, fiscalStart, 10);
        assertThat(DateRanges.of(new RelativeDateLiteral(keyword, n), ctx))
                .isEqualTo(new DateRanges.Range(start, end));
    }

    @ParameterizedTest
    @CsvSource({"Pacific/Kiritimati, 2024-05-16", "America/Los_Angeles, 2024-05-15", "Pacific/Pago_Pago, 2024-05-15"})
    void todayIsTheUsersDay(String zone, LocalDate today) {
        EvalContext ctx = EvalContext.of(Clock.fixed(Instant.parse("2024-05-15T23:00:00Z"), ZoneOffset.UTC),
                ZoneId.of(zone));
        assertThat(DateRanges.of(RelativeDateLiteral.of("TODAY"), ctx).start()).isEqualTo(today);
    }
}
