package io.sfinbound.extractor.query;

import io.sfinbound.soql.IncrementalWindow;
import io.sfinbound.soql.Soql;
import io.sfinbound.soql.SoqlException;
import io.sfinbound.soql.ast.SoqlQuery;

/**
 * The run's queries, built with the {@code soql} module from the job's SOQL (parsed once): the keyset window query
 * ({@code Soql.incremental}: user WHERE in parentheses, {@code (F > :d OR (F = :d AND Id > :id)) AND F <= :end},
 * {@code ORDER BY F, Id}, LIMIT) and its {@code SELECT COUNT()}; literals are typed, never spliced strings.
 */
public final class WindowQueries {

    private final SoqlQuery query;
    private final String dateField;
    private final boolean dateOnly;

    private WindowQueries(SoqlQuery query, String dateField, boolean dateOnly) {
        this.query = query;
        this.dateField = dateField;
        this.dateOnly = dateOnly;
    }

    /** Parses the job's SOQL; a {@link SoqlException} names the position of a syntax error. */
    public static WindowQueries of(String soql, String dateField, boolean dateOnly) {
        return new WindowQueries(Soql.parse(soql), dateField, dateOnly);
    }

    /** The sObject of a query. */
    public static String objectOf(String soql) {
        return Soql.parse(soql).from().object();
    }

    /** The window query, with {@code LIMIT limit} when not null. */
    public String window(QueryWindow w, Integer limit) {
        return Soql.print(Soql.incremental(query, toWindow(w, limit)));
    }

    /** {@code SELECT COUNT()} of the window. */
    public String count(QueryWindow w) {
        return Soql.print(Soql.countQuery(Soql.incremental(query, toWindow(w, null))));
    }

    private IncrementalWindow toWindow(QueryWindow w, Integer limit) {
        Keyset from = w.from();
        return new IncrementalWindow(dateField, dateOnly, from == null ? null : from.timestamp(),
                from == null || from.id().isEmpty() ? null : from.id(), w.end(), limit);
    }
}
