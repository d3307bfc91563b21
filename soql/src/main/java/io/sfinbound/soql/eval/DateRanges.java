package io.sfinbound.soql.eval;

import java.time.LocalDate;
import java.time.temporal.TemporalAdjusters;

import io.sfinbound.soql.ast.RelativeDateLiteral;

/**
 * The date range {@code [start, end)} a relative date literal denotes, in the user's zone, following Salesforce's
 * documented definitions (for example {@code LAST_N_DAYS:n} is today and the n days before it,
 * {@code NEXT_N_DAYS:n} starts tomorrow, {@code LAST_N_WEEKS:n} ends before the current week).
 */
final class DateRanges {

    /**
     * A half-open range of dates.
     *
     * @param start first day
     * @param end   first day after the range
     */
    record Range(LocalDate start, LocalDate end) {

        boolean contains(LocalDate d) {
            return !d.isBefore(start) && d.isBefore(end);
        }
    }

    private DateRanges() {
    }

    static Range of(RelativeDateLiteral lit, EvalContext ctx) {
        LocalDate today = ctx.today();
        int n = lit.n() == null ? 0 : lit.n();
        LocalDate week = today.with(TemporalAdjusters.previousOrSame(ctx.firstDayOfWeek()));
        LocalDate month = today.withDayOfMonth(1);
        LocalDate quarter = month.withMonth((today.getMonthValue() - 1) / 3 * 3 + 1);
        LocalDate year = today.withDayOfYear(1);
        int fyStartMonth = ctx.fiscalYearStartMonth().getValue();
        LocalDate fiscalYear = LocalDate.of(today.getMonthValue() >= fyStartMonth ? today.getYear()
                : today.getYear() - 1, fyStartMonth, 1);
        long monthsIntoFy = java.time.temporal.ChronoUnit.MONTHS.between(fiscalYear, month);
        LocalDate fiscalQuarter = fiscalYear.plusMonths(monthsIntoFy / 3 * 3);
        return switch (lit.keyword()) {
            case "YESTERDAY" -> days(today.minusDays(1), 1);
            case "TODAY" -> days(today, 1);
            case "TOMORROW" -> days(today.plusDays(1), 1);
            case "LAST_WEEK" -> days(week.minusWeeks(1), 7);
            case "THIS_WEEK" -> days(week, 7);
            case "NEXT_WEEK" -> days(week.plusWeeks(1), 7);
            case "LAST_MONTH" -> months(month.minusMonths(1), 1);
            case "THIS_MONTH" -> months(month, 1);
            case "NEXT_MONTH" -> months(month.plusMonths(1), 1);
            case "LAST_90_DAYS" -> new Range(today.minusDays(90), today.plusDays(1));
            case "NEXT_90_DAYS" -> days(today.plusDays(1), 90);
            case "THIS_QUARTER" -> months(quarter, 3);
            case "LAST_QUARTER" -> months(quarter.minusMonths(3), 3);
            case "NEXT_QUARTER" -> months(quarter.plusMonths(3), 3);
            case "THIS_YEAR" -> months(year, 12);
            case "LAST_YEAR" -> months(year.minusYears(1), 12);
            case "NEXT_YEAR" -> months(year.plusYears(1), 12);
            case "THIS_FISCAL_QUARTER" -> months(fiscalQuarter, 3);
            case "LAST_FISCAL_QUARTER" -> months(fiscalQuarter.minusMonths(3), 3);
            case "NEXT_FISCAL_QUARTER" -> months(fiscalQuarter.plusMonths(3), 3);
            case "THIS_FISCAL_YEAR" -> months(fiscalYear, 12);
            case "LAST_FISCAL_YEAR" -> months(fiscalYear.minusYears(1), 12);
            case "NEXT_FISCAL_YEAR" -> months(fiscalYear.plusYears(1), 12);
            case "LAST_N_DAYS" -> new Range(today.minusDays(n), today.plusDays(1));
            case "NEXT_N_DAYS" -> days(today.plusDays(1), n);
            case "N_DAYS_AGO" -> days(today.minusDays(n), 1);
            case "LAST_N_WEEKS" -> new Range(week.minusWeeks(n), week);
            case "NEXT_N_WEEKS" -> days(week.plusWeeks(1), 7L * n);
            case "N_WEEKS_AGO" -> days(week.minusWeeks(n), 7);
            case "LAST_N_MONTHS" -> new Range(month.minusMonths(n), month);
            case "NEXT_N_MONTHS" -> months(month.plusMonths(1), n);
            case "N_MONTHS_AGO" -> months(month.minusMonths(n), 1);
            case "LAST_N_QUARTERS" -> new Range(quarter.minusMonths(3L * n), quarter);
            case "NEXT_N_QUARTERS" -> months(quarter.plusMonths(3), 3L * n);
            case "N_QUARTERS_AGO" -> months(quarter.minusMonths(3L * n), 3);
            case "LAST_N_YEARS" -> new Range(year.minusYears(n), year);
            case "NEXT_N_YEARS" -> months(year.plusYears(1), 12L * n);
            case "N_YEARS_AGO" -> months(year.minusYears(n), 12);
            case "LAST_N_FISCAL_QUARTERS" -> new Range(fiscalQuarter.minusMonths(3L * n), fiscalQuarter);
            case "NEXT_N_FISCAL_QUARTERS" -> months(fiscalQuarter.plusMonths(3), 3L * n);
            case "N_FISCAL_QUARTERS_AGO" -> months(fiscalQuarter.minusMonths(3L * n), 3);
            case "LAST_N_FISCAL_YEARS" -> new Range(fiscalYear.minusYears(n), fiscalYear);
            case "NEXT_N_FISCAL_YEARS" -> months(fiscalYear.plusYears(1), 12L * n);
            case "N_FISCAL_YEARS_AGO" -> months(fiscalYear.minusYears(n), 12);
            default -> throw new IllegalArgumentException("unknown date literal " + lit.keyword());
        };
    }

    private static Range days(LocalDate start, long count) {
        return new Range(start, start.plusDays(count));
    }

    private static Range months(LocalDate start, long count) {
        return new Range(start, start.plusMonths(count));
    }
}
