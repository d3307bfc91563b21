package io.sfinbound.soql.ast;

import java.util.Locale;
import java.util.Set;

/**
 * A relative date literal: {@code TODAY}, {@code LAST_MONTH}, {@code LAST_N_DAYS:30}, {@code N_QUARTERS_AGO:2},
 * {@code THIS_FISCAL_YEAR}... (the set documented by Salesforce). Printed in upper case.
 *
 * @param keyword the literal's name, upper case
 * @param n       the {@code :n} argument for the {@code _N_} literals, otherwise null
 */
public record RelativeDateLiteral(String keyword, Integer n) implements Literal {

    /** Literals without an argument. */
    public static final Set<String> PLAIN = Set.of("YESTERDAY", "TODAY", "TOMORROW", "LAST_WEEK", "THIS_WEEK",
            "NEXT_WEEK", "LAST_MONTH", "THIS_MONTH", "NEXT_MONTH", "LAST_90_DAYS", "NEXT_90_DAYS", "THIS_QUARTER",
            "LAST_QUARTER", "NEXT_QUARTER", "THIS_YEAR", "LAST_YEAR", "NEXT_YEAR", "THIS_FISCAL_QUARTER",
            "LAST_FISCAL_QUARTER", "NEXT_FISCAL_QUARTER", "THIS_FISCAL_YEAR", "LAST_FISCAL_YEAR", "NEXT_FISCAL_YEAR");

    /** Literals that take {@code :n}. */
    public static final Set<String> WITH_N = Set.of("LAST_N_DAYS", "NEXT_N_DAYS", "N_DAYS_AGO", "LAST_N_WEEKS",
            "NEXT_N_WEEKS", "N_WEEKS_AGO", "LAST_N_MONTHS", "NEXT_N_MONTHS", "N_MONTHS_AGO", "LAST_N_QUARTERS",
            "NEXT_N_QUARTERS", "N_QUARTERS_AGO", "LAST_N_YEARS", "NEXT_N_YEARS", "N_YEARS_AGO",
            "LAST_N_FISCAL_QUARTERS", "NEXT_N_FISCAL_QUARTERS", "N_FISCAL_QUARTERS_AGO", "LAST_N_FISCAL_YEARS",
            "NEXT_N_FISCAL_YEARS", "N_FISCAL_YEARS_AGO");

    public RelativeDateLiteral {
        if (keyword == null) {
            throw new IllegalArgumentException("null date literal");
        }
        keyword = keyword.toUpperCase(Locale.ROOT);
        if (PLAIN.contains(keyword)) {
            if (n != null) {
                throw new IllegalArgumentException(keyword + " takes no :n");
            }
        } else if (WITH_N.contains(keyword)) {
            if (n == null || n < 0) {
                throw new IllegalArgumentException(keyword + " needs :n >= 0");
            }
        } else {
            throw new IllegalArgumentException("unknown date literal: " + keyword);
        }
    }

    /** A literal without argument. */
    public static RelativeDateLiteral of(String keyword) {
        return new RelativeDateLiteral(keyword, null);
    }

    /** Whether {@code word} (any case) names a relative date literal. */
    public static boolean isKeyword(String word) {
        String u = word.toUpperCase(Locale.ROOT);
        return PLAIN.contains(u) || WITH_N.contains(u);
    }

    /** Whether {@code word} (any case) names a literal that needs {@code :n}. */
    public static boolean needsN(String word) {
        return WITH_N.contains(word.toUpperCase(Locale.ROOT));
    }
}
