package io.sfinbound.soql.eval;

import java.time.Clock;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.Month;
import java.time.ZoneId;
import java.time.ZoneOffset;

/**
 * What the evaluator needs besides the records: the clock and user time zone for relative date literals
 * ({@code TODAY}, {@code LAST_N_DAYS:n}, ...) and {@code convertTimezone()}, the locale's first day of the week,
 * the org's fiscal year start month, and the largest number of rows it may sort in memory.
 *
 * @param clock                the clock ("now")
 * @param zone                 the running user's time zone
 * @param firstDayOfWeek       first day of the week for {@code THIS_WEEK} etc. (Sunday in the en_US locale)
 * @param fiscalYearStartMonth first month of the fiscal year (January by default)
 * @param maxSortRecords       cap on rows sorted in memory for an ORDER BY without LIMIT
 */
public record EvalContext(Clock clock, ZoneId zone, DayOfWeek firstDayOfWeek, Month fiscalYearStartMonth,
                          int maxSortRecords) {

    /** Default cap on rows sorted in memory. */
    public static final int DEFAULT_MAX_SORT_RECORDS = 1_000_000;

    public EvalContext {
        if (clock == null || zone == null || firstDayOfWeek == null || fiscalYearStartMonth == null) {
            throw new IllegalArgumentException("clock, zone, firstDayOfWeek and fiscalYearStartMonth are required");
        }
        if (maxSortRecords < 1) {
            throw new IllegalArgumentException("maxSortRecords must be positive");
        }
    }

    /** A context with Sunday weeks, January fiscal years and the default sort cap. */
    public static EvalContext of(Clock clock, ZoneId zone) {
        return new EvalContext(clock, zone, DayOfWeek.SUNDAY, Month.JANUARY, DEFAULT_MAX_SORT_RECORDS);
    }

    /** The system clock in UTC. */
    public static EvalContext systemUtc() {
        return of(Clock.systemUTC(), ZoneOffset.UTC);
    }

    /** A copy with another fiscal year start month. */
    public EvalContext withFiscalYearStartMonth(Month month) {
        return new EvalContext(clock, zone, firstDayOfWeek, month, maxSortRecords);
    }

    /** A copy with another sort cap. */
    public EvalContext withMaxSortRecords(int max) {
        return new EvalContext(clock, zone, firstDayOfWeek, fiscalYearStartMonth, max);
    }

    /** Today in the user's zone. */
    public LocalDate today() {
        return LocalDate.now(clock.withZone(zone));
    }
}
