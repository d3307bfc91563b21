package io.sfinbound.soql.ast;

import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * A function call: aggregates ({@code COUNT()}, {@code COUNT(Id)}, {@code MAX(CreatedDate)}), date functions
 * ({@code CALENDAR_YEAR(CreatedDate)}), {@code toLabel(Status)}, {@code FORMAT(Amount)}, {@code FIELDS(ALL)},
 * {@code DISTANCE(Location__c, GEOLOCATION(37.7, -122.4), 'mi')}. The user's spelling of the name is kept.
 *
 * @param name function name as written
 * @param args arguments (empty for {@code COUNT()})
 */
public record FunctionCall(String name, List<Expr> args) implements Expr {

    /** Aggregate function names (upper case). */
    public static final Set<String> AGGREGATES = Set.of("AVG", "COUNT", "COUNT_DISTINCT", "MAX", "MIN", "SUM");

    public FunctionCall {
        Names.requireName(name, "function name");
        args = List.copyOf(args);
    }

    /** A call from its name and arguments. */
    public static FunctionCall of(String name, Expr... args) {
        return new FunctionCall(name, List.of(args));
    }

    /** The name in upper case, for matching. */
    public String upperName() {
        return name.toUpperCase(Locale.ROOT);
    }

    /** Whether this is an aggregate function (COUNT, COUNT_DISTINCT, SUM, AVG, MIN, MAX). */
    public boolean isAggregate() {
        return AGGREGATES.contains(upperName());
    }
}
