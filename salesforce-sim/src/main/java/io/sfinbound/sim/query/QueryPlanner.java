package io.sfinbound.sim.query;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Spliterator;
import java.util.Spliterators;
import java.util.function.Predicate;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import io.sfinbound.sim.api.SalesforceException;
import io.sfinbound.sim.data.DataStore;
import io.sfinbound.sim.data.SimRecord;
import io.sfinbound.sim.schema.Catalog;
import io.sfinbound.sim.schema.ChildRelationship;
import io.sfinbound.sim.schema.FieldDef;
import io.sfinbound.sim.schema.ObjectDef;
import io.sfinbound.soql.Soql;
import io.sfinbound.soql.SoqlException;
import io.sfinbound.soql.ast.And;
import io.sfinbound.soql.ast.Comparison;
import io.sfinbound.soql.ast.Condition;
import io.sfinbound.soql.ast.DateTimeLiteral;
import io.sfinbound.soql.ast.Expr;
import io.sfinbound.soql.ast.FieldPath;
import io.sfinbound.soql.ast.FunctionCall;
import io.sfinbound.soql.ast.Not;
import io.sfinbound.soql.ast.Or;
import io.sfinbound.soql.ast.OrderItem;
import io.sfinbound.soql.ast.SelectExpr;
import io.sfinbound.soql.ast.SelectItem;
import io.sfinbound.soql.ast.SelectSubquery;
import io.sfinbound.soql.ast.SetComparison;
import io.sfinbound.soql.ast.SoqlQuery;
import io.sfinbound.soql.ast.SourcePosition;
import io.sfinbound.soql.ast.TypeOf;
import io.sfinbound.soql.eval.EvalContext;
import io.sfinbound.soql.eval.QueryResult;
import io.sfinbound.soql.eval.RecordSource;
import io.sfinbound.soql.eval.SoqlEvaluator;

/**
 * Prepares a SOQL query for execution over the generated data: parsed by the {@code soql} module, checked against
 * the catalog like Salesforce does (unknown object, field or relationship, non-filterable and non-sortable fields,
 * with the row and column), its WHERE and ORDER BY compiled by the soql evaluator, and a plan chosen so that the
 * generator's natural order avoids sorting millions of records.
 */
@ApplicationScoped
public class QueryPlanner {

    private final DataStore store;
    private final SoqlEvaluator evaluator = new SoqlEvaluator();
    private final int maxSort;
    private final Clock clock;

    public QueryPlanner(DataStore store, @ConfigProperty(name = "sim.query.max-sort-records", defaultValue = "500000") int maxSort) {
        this.store = store;
        this.maxSort = maxSort;
        this.clock = Clock.systemUTC();
    }

    /** The evaluator's context: UTC (the demo user's time zone) and the sort cap. */
    EvalContext context() {
        return EvalContext.of(clock, ZoneOffset.UTC).withMaxSortRecords(maxSort);
    }

    /** The records of an object as a stream for the evaluator (semi-joins, aggregates). */
    RecordSource source(boolean all) {
        return name -> {
            Optional<ObjectDef> o = store.catalog().object(name);
            if (o.isEmpty()) {
                return Stream.empty();
            }
            Iterator<SimRecord> it = store.scanByIndex(o.get(), -1, all);
            return StreamSupport.stream(Spliterators.spliteratorUnknownSize(it, Spliterator.ORDERED), false).map(r -> (Map<String, Object>) r);
        };
    }

    /**
     * Parses and plans a query.
     *
     * @param soql the query text
     * @param all whether soft-deleted records are included (queryAll, Bulk {@code queryAll})
     */
    public Execution prepare(String soql, boolean all) {
        if (soql == null || soql.isBlank()) {
            throw SalesforceException.malformedQuery("SOQL statement is empty");
        }
        SoqlQuery q;
        try {
            q = Soql.parse(soql);
        } catch (SoqlException e) {
            throw SoqlErrors.fromParser(soql, e);
        }
        return plan(soql, q, all, null);
    }

    private Execution plan(String soql, SoqlQuery q, boolean all, ObjectDef childObject) {
        ObjectDef object = childObject;
        if (object == null) {
            object = store.catalog().object(q.objectName()).orElseThrow(() ->
                    SoqlErrors.unknownObject(soql, q.sourceMap().clausePosition("FROM"), q.objectName()));
        }
        boolean aggregate = SoqlEvaluator.isAggregate(q) || SoqlEvaluator.isCountOnly(q);
        List<Column> columns = aggregate ? List.of() : columns(soql, q, object, all);
        checkConditions(soql, q, object, q.where());
        for (OrderItem o : q.orderBy() == null ? List.<OrderItem>of() : q.orderBy()) {
            if (o.expr() instanceof FieldPath fp) {
                FieldDef f = resolve(soql, q, object, fp);
                if (!f.sortable()) {
                    throw SoqlErrors.notSortable(soql, pos(q, fp), f.name());
                }
            }
        }
        Predicate<Map<String, Object>> where;
        try {
            where = q.where() == null ? null : evaluator.compileWhere(q, source(all), context());
        } catch (SoqlException e) {
            throw SoqlErrors.fromParser(soql, e);
        }
        Long limit = q.limit() == null ? null : (long) q.limit();
        long offset = q.offset() == null ? 0 : q.offset();
        int longText = 0;
        for (Column c : columns) {
            if (c instanceof Column.Field f && f.def().isLongText()) {
                longText++;
            }
        }
        if (aggregate) {
            QueryResult r;
            try {
                r = evaluator.evaluate(q, source(all), context());
            } catch (SoqlException e) {
                throw SoqlErrors.fromParser(soql, e);
            }
            List<Map<String, Object>> rows = new ArrayList<>();
            for (Map<String, Object> row : r.records()) {
                Map<String, Object> m = new LinkedHashMap<>();
                m.put("attributes", Map.of("type", "AggregateResult"));
                m.putAll(row);
                rows.add(m);
            }
            Execution e = new Execution(soql, q, object, all, Execution.Mode.AGGREGATE, null, null, null, null, null, 0,
                    List.of(), 0, store, maxSort, rows);
            e.total(r.totalSize());
            return e;
        }
        Execution.Mode mode = mode(q, object);
        java.util.Comparator<Map<String, Object>> order = q.orderBy() == null || q.orderBy().isEmpty() ? null : evaluator.compileOrder(q, context());
        Instant[] range = mode == Execution.Mode.STAMP ? range(q, q.where()) : new Instant[2];
        return new Execution(soql, q, object, all, mode, where, order, range[0], range[1], limit, offset, columns, longText, store, maxSort, null);
    }

    /** Streams in natural order when the ORDER BY is (SystemModstamp | LastModifiedDate)[, Id] ascending or Id. */
    private Execution.Mode mode(SoqlQuery q, ObjectDef object) {
        List<OrderItem> order = q.orderBy();
        if (order == null || order.isEmpty()) {
            return Execution.Mode.INDEX;
        }
        List<String> names = new ArrayList<>();
        for (OrderItem o : order) {
            if (o.descending() || !(o.expr() instanceof FieldPath fp) || q.stripAlias(fp).parts().size() != 1) {
                return Execution.Mode.SORTED;
            }
            names.add(q.stripAlias(fp).parts().get(0).toLowerCase(Locale.ROOT));
        }
        if (names.equals(List.of("id"))) {
            return Execution.Mode.INDEX;
        }
        String first = names.get(0);
        boolean tail = names.size() == 1 || names.size() == 2 && names.get(1).equals("id");
        if (tail && (first.equals("systemmodstamp") || first.equals("lastmodifieddate"))) {
            return Execution.Mode.STAMP;
        }
        if (tail && first.equals("createddate") && !store.hasChanges(object) && store.space(object.name()).settings().updateRatio() == 0
                && store.space(object.name()).parent() == null) {
            return Execution.Mode.STAMP;
        }
        return Execution.Mode.SORTED;
    }

    /** Bounds of SystemModstamp (or LastModifiedDate, equal to it here) implied by the WHERE clause, to skip ahead. */
    private static Instant[] range(SoqlQuery q, Condition c) {
        return new Instant[] {bound(q, c, true), bound(q, c, false)};
    }

    private static Instant bound(SoqlQuery q, Condition c, boolean lower) {
        if (c instanceof Comparison cmp && cmp.left() instanceof FieldPath fp && cmp.right() instanceof DateTimeLiteral dt) {
            List<String> parts = q.stripAlias(fp).parts();
            if (parts.size() != 1) {
                return null;
            }
            String f = parts.get(0).toLowerCase(Locale.ROOT);
            if (!f.equals("systemmodstamp") && !f.equals("lastmodifieddate")) {
                return null;
            }
            Instant t = dt.instant();
            return switch (cmp.operator()) {
                case GT, GE -> lower ? t : null;
                case LT, LE -> lower ? null : t;
                case EQ -> t;
                default -> null;
            };
        }
        if (c instanceof And and) {
            Instant best = null;
            for (Condition o : and.operands()) {
                Instant b = bound(q, o, lower);
                if (b != null && (best == null || (lower ? b.isAfter(best) : b.isBefore(best)))) {
                    best = b;
                }
            }
            return best;
        }
        if (c instanceof Or or) {
            Instant widest = null;
            for (Condition o : or.operands()) {
                Instant b = bound(q, o, lower);
                if (b == null) {
                    return null;
                }
                if (widest == null || (lower ? b.isBefore(widest) : b.isAfter(widest))) {
                    widest = b;
                }
            }
            return widest;
        }
        return null;
    }

    private List<Column> columns(String soql, SoqlQuery q, ObjectDef object, boolean all) {
        List<Column> out = new ArrayList<>();
        for (SelectItem item : q.select()) {
            if (item instanceof SelectExpr se) {
                Expr e = se.expr();
                if (e instanceof FunctionCall fc && fc.upperName().equals("FIELDS")) {
                    String kind = fc.args().isEmpty() ? "ALL" : String.valueOf(fc.args().get(0)).toUpperCase(Locale.ROOT);
                    for (FieldDef f : object.fields()) {
                        if (kind.contains("CUSTOM") && !f.custom() || kind.contains("STANDARD") && f.custom()) {
                            continue;
                        }
                        add(out, List.of(f.name()), object, List.of(), soql, q, null);
                    }
                    continue;
                }
                if (e instanceof FunctionCall fc && fc.args().size() == 1 && fc.args().get(0) instanceof FieldPath inner
                        && List.of("TOLABEL", "FORMAT", "CONVERTCURRENCY").contains(fc.upperName())) {
                    e = inner;
                }
                if (!(e instanceof FieldPath fp)) {
                    throw SalesforceException.malformedQuery(SoqlErrors.located(soql, pos(q, e), "unsupported expression in the SELECT list"));
                }
                List<String> parts = q.stripAlias(fp).parts();
                add(out, parts, object, List.of(), soql, q, fp);
            } else if (item instanceof SelectSubquery sub) {
                SoqlQuery sq = sub.query();
                ChildRelationship rel = object.childRelationship(sq.objectName()).orElseThrow(() ->
                        SoqlErrors.badChildRelationship(soql, sq.sourceMap().clausePosition("FROM"), sq.objectName()));
                ObjectDef child = store.catalog().require(rel.childSObject());
                Execution e = plan(soql, sq, all, child);
                out.add(new Column.Children(rel.relationshipName(), rel, e));
            } else if (item instanceof TypeOf) {
                throw SalesforceException.malformedQuery("TYPEOF is not supported by this simulator");
            }
        }
        return out;
    }

    /** Adds a (possibly dotted) field path to the column tree, merging paths under one relationship. */
    private void add(List<Column> cols, List<String> parts, ObjectDef object, List<String> done, String soql, SoqlQuery q, Expr node) {
        if (parts.size() == 1) {
            FieldDef f = object.field(parts.get(0)).orElseThrow(() -> SoqlErrors.noSuchColumn(soql, pos(q, node), parts.get(0), object.name()));
            for (Column c : cols) {
                if (c instanceof Column.Field existing && existing.def() == f) {
                    return;
                }
            }
            cols.add(new Column.Field(f.name(), f));
            return;
        }
        FieldDef ref = object.relationship(parts.get(0)).orElseThrow(() -> SoqlErrors.badRelationship(soql, pos(q, node), parts.get(0)));
        ObjectDef target = target(ref).orElseThrow(() -> SoqlErrors.badRelationship(soql, pos(q, node), parts.get(0)));
        Column.Parent parent = null;
        for (Column c : cols) {
            if (c instanceof Column.Parent p && p.reference() == ref) {
                parent = p;
            }
        }
        if (parent == null) {
            parent = new Column.Parent(ref.relationshipName(), ref, target, new ArrayList<>());
            cols.add(parent);
        }
        add(parent.columns(), parts.subList(1, parts.size()), target, done, soql, q, node);
    }

    private Optional<ObjectDef> target(FieldDef ref) {
        for (String t : ref.referenceTo()) {
            Optional<ObjectDef> o = store.catalog().object(t);
            if (o.isPresent()) {
                return o;
            }
        }
        return Optional.empty();
    }

    /** Resolves a field path to its last field, with Salesforce's errors. */
    private FieldDef resolve(String soql, SoqlQuery q, ObjectDef object, FieldPath fp) {
        List<String> parts = q.stripAlias(fp).parts();
        ObjectDef o = object;
        for (int i = 0; i < parts.size() - 1; i++) {
            FieldDef ref = o.relationship(parts.get(i)).orElse(null);
            Optional<ObjectDef> t = ref == null ? Optional.empty() : target(ref);
            if (t.isEmpty()) {
                throw SoqlErrors.badRelationship(soql, pos(q, fp), parts.get(i));
            }
            o = t.get();
        }
        String last = parts.get(parts.size() - 1);
        ObjectDef owner = o;
        return o.field(last).orElseThrow(() -> SoqlErrors.noSuchColumn(soql, pos(q, fp), last, owner.name()));
    }

    private void checkConditions(String soql, SoqlQuery q, ObjectDef object, Condition c) {
        if (c == null) {
            return;
        }
        if (c instanceof And and) {
            and.operands().forEach(o -> checkConditions(soql, q, object, o));
        } else if (c instanceof Or or) {
            or.operands().forEach(o -> checkConditions(soql, q, object, o));
        } else if (c instanceof Not not) {
            checkConditions(soql, q, object, not.operand());
        } else if (c instanceof Comparison cmp && cmp.left() instanceof FieldPath fp) {
            checkFilterable(soql, q, object, fp);
        } else if (c instanceof SetComparison sc && sc.left() instanceof FieldPath fp) {
            checkFilterable(soql, q, object, fp);
            if (sc.subquery() != null && store.catalog().object(sc.subquery().objectName()).isEmpty()) {
                throw SoqlErrors.unknownObject(soql, sc.subquery().sourceMap().clausePosition("FROM"), sc.subquery().objectName());
            }
        }
    }

    private void checkFilterable(String soql, SoqlQuery q, ObjectDef object, FieldPath fp) {
        FieldDef f = resolve(soql, q, object, fp);
        if (!f.filterable()) {
            throw SoqlErrors.notFilterable(soql, pos(q, fp), f.name());
        }
    }

    private static SourcePosition pos(SoqlQuery q, Object node) {
        SourcePosition p = node == null ? null : q.sourceMap().positionOf(node);
        return p == null ? SourcePosition.UNKNOWN : p;
    }

    /** The object names known to the planner (for messages). */
    static List<String> objectNames() {
        return Catalog.get().objects().stream().map(ObjectDef::name).toList();
    }
}
