package io.sfinbound.soql.ast;

import java.util.List;
import java.util.Locale;
import java.util.Set;

/** The WITH clause: a mode ({@code SECURITY_ENFORCED}, {@code USER_MODE}, {@code SYSTEM_MODE}) or data categories. */
public sealed interface WithClause permits WithClause.Mode, WithClause.DataCategory {

    /**
     * {@code WITH SECURITY_ENFORCED | USER_MODE | SYSTEM_MODE}.
     *
     * @param mode upper case
     */
    record Mode(String mode) implements WithClause {

        public static final Set<String> MODES = Set.of("SECURITY_ENFORCED", "USER_MODE", "SYSTEM_MODE");

        public Mode {
            mode = mode == null ? null : mode.toUpperCase(Locale.ROOT);
            if (!MODES.contains(mode)) {
                throw new IllegalArgumentException("unknown WITH mode: " + mode);
            }
        }
    }

    /**
     * {@code WITH DATA CATEGORY Geography__c AT (usa__c, uk__c) AND Product__c BELOW all__c}.
     *
     * @param filters at least one filter, joined by AND
     */
    record DataCategory(List<Filter> filters) implements WithClause {

        public DataCategory {
            filters = List.copyOf(filters);
            if (filters.isEmpty()) {
                throw new IllegalArgumentException("no data category filter");
            }
        }
    }

    /**
     * One data category filter.
     *
     * @param group      the category group
     * @param selector   AT, ABOVE, BELOW or ABOVE_OR_BELOW (upper case)
     * @param categories one or more category names
     */
    record Filter(String group, String selector, List<String> categories) {

        public static final Set<String> SELECTORS = Set.of("AT", "ABOVE", "BELOW", "ABOVE_OR_BELOW");

        public Filter {
            Names.requireName(group, "data category group");
            selector = selector == null ? null : selector.toUpperCase(Locale.ROOT);
            if (!SELECTORS.contains(selector)) {
                throw new IllegalArgumentException("unknown data category selector: " + selector);
            }
            categories = List.copyOf(categories);
            if (categories.isEmpty()) {
                throw new IllegalArgumentException("no category");
            }
            categories.forEach(c -> Names.requireName(c, "category"));
        }
    }
}
