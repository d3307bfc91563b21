package io.sfinbound.soql.eval;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import java.util.stream.Stream;

import io.sfinbound.soql.ast.SoqlQuery;

/**
 * Executes a parsed query over records supplied by a {@link RecordSource}, with Salesforce's semantics, for the
 * Salesforce simulator. Non-aggregate queries are evaluated as a stream: rows flow through the WHERE filter and the
 * projection one at a time; ORDER BY is skipped when the source already yields that order, done with a bounded heap
 * when there is a LIMIT, or else by a sort capped by {@link EvalContext#maxSortRecords()}.
 *
 * <p>Stateless and thread-safe.
 */
public final class SoqlEvaluator {

    /**
     * Evaluates and materializes the result. For {@code SELECT COUNT()} queries the result has the count as
     * {@code totalSize} and no rows.
     *
     * @throws io.sfinbound.soql.SoqlException for features the evaluator does not support
     */
    public QueryResult evaluate(SoqlQuery query, RecordSource source, EvalContext ctx) {
        if (Aggregation.isCountOnly(query)) {
            return new QueryResult(count(query, source, ctx), List.of());
        }
        List<Map<String, Object>> rows = new ArrayList<>();
        try (Stream<Map<String, Object>> s = stream(query, source, ctx)) {
            s.forEach(rows::add);
        }
        return new QueryResult(rows.size(), rows);
    }

    /**
     * The projected rows as a lazy stream; close it (try-with-resources) to close the source's stream. A
     * {@code SELECT COUNT()} query gives no rows (use {@link #count}).
     */
    public Stream<Map<String, Object>> stream(SoqlQuery query, RecordSource source, EvalContext ctx) {
        if (Aggregation.isCountOnly(query)) {
            return Stream.empty();
        }
        if (Aggregation.isAggregate(query)) {
            return Aggregation.evaluate(query, source.records(query.objectName()), source, ctx).stream();
        }
        CompiledQuery compiled = new CompiledQuery(query, source, ctx);
        boolean ordered = query.orderBy().isEmpty() || source.isOrderedBy(query.objectName(), query.orderBy());
        return compiled.run(source.records(query.objectName()), ordered);
    }

    /**
     * The number of rows the query returns (its {@code totalSize}), LIMIT and OFFSET applied; for
     * {@code SELECT COUNT()} the number of matching records. Streams without projecting or sorting.
     */
    public long count(SoqlQuery query, RecordSource source, EvalContext ctx) {
        if (Aggregation.isAggregate(query) && !Aggregation.isCountOnly(query)) {
            return Aggregation.evaluate(query, source.records(query.objectName()), source, ctx).size();
        }
        long matches;
        try (Stream<Map<String, Object>> s = source.records(query.objectName())) {
            matches = s.filter(compileWhere(query, source, ctx)).count();
        }
        long afterOffset = Math.max(0, matches - (query.offset() == null ? 0 : query.offset()));
        return query.limit() == null ? afterOffset : Math.min(afterOffset, query.limit());
    }

    /** The WHERE clause as a predicate over source records (semi-join subqueries read {@code source} once). */
    public Predicate<Map<String, Object>> compileWhere(SoqlQuery query, RecordSource source, EvalContext ctx) {
        return Conditions.compile(query.where(), query, ctx, source, null);
    }

    /** The ORDER BY clause as a comparator over source records, or null when the query has none. */
    public Comparator<Map<String, Object>> compileOrder(SoqlQuery query, EvalContext ctx) {
        return query.orderBy().isEmpty() ? null : CompiledQuery.comparator(query, ctx, null);
    }

    /** Whether the query is {@code SELECT COUNT() ...}: its result is a count and no rows. */
    public static boolean isCountOnly(SoqlQuery query) {
        return Aggregation.isCountOnly(query);
    }

    /** Whether the query aggregates (GROUP BY or aggregate functions). */
    public static boolean isAggregate(SoqlQuery query) {
        return Aggregation.isAggregate(query);
    }
}
