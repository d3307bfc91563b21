package io.sfinbound.soql.eval;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.PriorityQueue;
import java.util.function.BiConsumer;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.stream.Stream;

import io.sfinbound.soql.SoqlException;
import io.sfinbound.soql.ast.FieldPath;
import io.sfinbound.soql.ast.FunctionCall;
import io.sfinbound.soql.ast.OrderItem;
import io.sfinbound.soql.ast.SelectExpr;
import io.sfinbound.soql.ast.SelectItem;
import io.sfinbound.soql.ast.SelectSubquery;
import io.sfinbound.soql.ast.SoqlQuery;
import io.sfinbound.soql.ast.TypeOf;

/** A non-aggregate query compiled once: WHERE predicate, ORDER BY comparator, projection. */
final class CompiledQuery {

    static final String ATTRIBUTES = "attributes";

    final SoqlQuery query;
    final EvalContext ctx;
    final Predicate<Map<String, Object>> where;
    final Comparator<Map<String, Object>> order;
    private final List<BiConsumer<Map<String, Object>, Map<String, Object>>> projection = new ArrayList<>();

    CompiledQuery(SoqlQuery query, RecordSource source, EvalContext ctx) {
        this.query = query;
        this.ctx = ctx;
        this.where = Conditions.compile(query.where(), query, ctx, source, null);
        this.order = query.orderBy().isEmpty() ? null : comparator(query, ctx, null);
        for (SelectItem item : query.select()) {
            projection.add(projector(item, source));
        }
    }

    /** ORDER BY as a comparator; nulls placed as written or by Salesforce's default, regardless of direction. */
    static Comparator<Map<String, Object>> comparator(SoqlQuery q, EvalContext ctx,
                                                      Exprs.AggregateLookup aggregates) {
        Comparator<Map<String, Object>> result = null;
        for (OrderItem item : q.orderBy()) {
            Function<Map<String, Object>, Object> key = Exprs.compile(item.expr(), q, ctx, aggregates);
            boolean desc = item.descending();
            boolean nullsFirst = item.nullsFirst();
            Comparator<Map<String, Object>> c = (a, b) -> {
                Object va = key.apply(a);
                Object vb = key.apply(b);
                if (va == null || vb == null) {
                    if (va == vb) {
                        return 0;
                    }
                    return (va == null) == nullsFirst ? -1 : 1;
                }
                int r = Values.compareValues(va, vb, ctx.zone());
                return desc ? -r : r;
            };
            result = result == null ? c : result.thenComparing(c);
        }
        return result;
    }

    /** Filters, orders (unless {@code alreadyOrdered}), pages and projects candidate rows. */
    Stream<Map<String, Object>> run(Stream<Map<String, Object>> candidates, boolean alreadyOrdered) {
        Stream<Map<String, Object>> rows = candidates.filter(where);
        Integer offset = query.offset();
        Integer limit = query.limit();
        if (order != null && !alreadyOrdered) {
            rows = sorted(rows, offset, limit);
        }
        if (offset != null && offset > 0) {
            rows = rows.skip(offset);
        }
        if (limit != null) {
            rows = rows.limit(limit);
        }
        return rows.map(this::project);
    }

    private Stream<Map<String, Object>> sorted(Stream<Map<String, Object>> rows, Integer offset, Integer limit) {
        List<Map<String, Object>> list;
        try (rows) {
            if (limit != null) {
                long keep = (long) (offset == null ? 0 : offset) + limit;
                list = topN(rows, keep);
            } else {
                list = new ArrayList<>();
                int max = ctx.maxSortRecords();
                rows.forEach(r -> {
                    if (list.size() >= max) {
                        throw new SoqlException(SoqlException.QUERY_TOO_COMPLICATED, "ORDER BY without LIMIT over "
                                + "more than " + max + " rows", null, null, null);
                    }
                    list.add(r);
                });
                list.sort(order);
            }
        }
        return list.stream();
    }

    /** The first {@code keep} rows in order, holding at most {@code keep} rows; stable for equal keys. */
    private List<Map<String, Object>> topN(Stream<Map<String, Object>> rows, long keep) {
        if (keep == 0) {
            rows.forEach(r -> { });
            return List.of();
        }
        if (keep > ctx.maxSortRecords()) {
            throw new SoqlException(SoqlException.QUERY_TOO_COMPLICATED, "ORDER BY over more than "
                    + ctx.maxSortRecords() + " rows", null, null, null);
        }
        record Seq(long n, Map<String, Object> row) {
        }
        Comparator<Seq> asc = (a, b) -> {
            int c = order.compare(a.row(), b.row());
            return c != 0 ? c : Long.compare(a.n(), b.n());
        };
        PriorityQueue<Seq> heap = new PriorityQueue<>(asc.reversed());
        long[] counter = {0};
        rows.forEach(r -> {
            Seq s = new Seq(counter[0]++, r);
            if (heap.size() < keep) {
                heap.add(s);
            } else if (asc.compare(s, heap.peek()) < 0) {
                heap.poll();
                heap.add(s);
            }
        });
        List<Seq> out = new ArrayList<>(heap);
        out.sort(asc);
        List<Map<String, Object>> result = new ArrayList<>(out.size());
        out.forEach(s -> result.add(s.row()));
        return result;
    }

    Map<String, Object> project(Map<String, Object> row) {
        Map<String, Object> out = new LinkedHashMap<>();
        Object attributes = row.get(ATTRIBUTES);
        if (attributes != null) {
            out.put(ATTRIBUTES, attributes);
        }
        for (BiConsumer<Map<String, Object>, Map<String, Object>> p : projection) {
            p.accept(row, out);
        }
        return out;
    }

    private BiConsumer<Map<String, Object>, Map<String, Object>> projector(SelectItem item, RecordSource source) {
        if (item instanceof SelectSubquery sq) {
            SoqlQuery sub = sq.query();
            CompiledQuery child = new CompiledQuery(sub, source, ctx);
            String rel = sub.from().relationshipName();
            return (row, out) -> {
                String key = Values.keyOf(row, rel);
                Object v = key == null ? null : row.get(key);
                List<Map<String, Object>> children = new ArrayList<>();
                if (v instanceof List<?> list) {
                    @SuppressWarnings("unchecked")
                    Stream<Map<String, Object>> s = list.stream().filter(Map.class::isInstance)
                            .map(m -> (Map<String, Object>) m);
                    child.run(s, false).forEach(children::add);
                }
                out.put(key == null ? rel : key, children);
            };
        }
        if (item instanceof TypeOf t) {
            return (row, out) -> typeOf(t, row, out);
        }
        SelectExpr se = (SelectExpr) item;
        if (se.expr() instanceof FieldPath fp) {
            List<String> path = query.stripAlias(fp).parts();
            boolean objectPrefix = path.size() > 1 && Values.isObjectPrefix(query, path.get(0));
            return (row, out) -> putPath(row, out, Values.scoped(row, path, objectPrefix), 0);
        }
        FunctionCall fc = (FunctionCall) se.expr();
        switch (fc.upperName()) {
            case "TOLABEL", "FORMAT", "CONVERTCURRENCY" -> {
                if (fc.args().size() == 1 && fc.args().get(0) instanceof FieldPath fp) {
                    List<String> path = query.stripAlias(fp).parts();
                    String alias = se.alias();
                    return (row, out) -> {
                        if (alias == null) {
                            putPath(row, out, path, 0);
                        } else {
                            out.put(alias, Values.resolve(row, path));
                        }
                    };
                }
                throw Exprs.unsupported(fc.name() + "() of a non-field");
            }
            case "FIELDS" -> {
                String which = fc.args().size() == 1 && fc.args().get(0) instanceof FieldPath f
                        ? f.dotted().toUpperCase(java.util.Locale.ROOT) : "";
                return (row, out) -> row.forEach((k, v) -> {
                    if (k == null || k.equals(ATTRIBUTES) || v instanceof Map || v instanceof List) {
                        return;
                    }
                    boolean custom = k.endsWith("__c");
                    if (which.equals("ALL") || which.equals("CUSTOM") && custom
                            || which.equals("STANDARD") && !custom) {
                        out.putIfAbsent(k, v);
                    }
                });
            }
            default -> throw Exprs.unsupported(fc.name() + "() in the SELECT list of a non-aggregate query");
        }
    }

    @SuppressWarnings("unchecked")
    static void putPath(Map<String, Object> row, Map<String, Object> out, List<String> path, int idx) {
        String name = path.get(idx);
        String key = Values.keyOf(row, name);
        if (key == null) {
            key = name;
        }
        Object v = row.get(key);
        if (idx == path.size() - 1) {
            out.put(key, v);
            return;
        }
        if (v instanceof Map<?, ?> parent) {
            Object existing = out.get(key);
            Map<String, Object> nested;
            if (existing instanceof Map<?, ?> m) {
                nested = (Map<String, Object>) m;
            } else {
                nested = new LinkedHashMap<>();
                Object attributes = parent.get(ATTRIBUTES);
                if (attributes != null) {
                    nested.put(ATTRIBUTES, attributes);
                }
                out.put(key, nested);
            }
            putPath((Map<String, Object>) parent, nested, path, idx + 1);
        } else if (!out.containsKey(key)) {
            out.put(key, null);
        }
    }

    @SuppressWarnings("unchecked")
    private static void typeOf(TypeOf t, Map<String, Object> row, Map<String, Object> out) {
        String key = Values.keyOf(row, t.field());
        if (key == null) {
            key = t.field();
        }
        Object v = row.get(key);
        if (!(v instanceof Map<?, ?> target)) {
            out.put(key, null);
            return;
        }
        Map<String, Object> m = (Map<String, Object>) target;
        Object attrs = m.get(ATTRIBUTES);
        String type = attrs instanceof Map<?, ?> a && a.get("type") != null ? a.get("type").toString() : null;
        List<FieldPath> fields = t.elseFields();
        for (TypeOf.When w : t.whens()) {
            if (w.type().equalsIgnoreCase(type)) {
                fields = w.fields();
                break;
            }
        }
        Map<String, Object> nested = new LinkedHashMap<>();
        if (attrs != null) {
            nested.put(ATTRIBUTES, attrs);
        }
        for (FieldPath f : fields) {
            putPath(m, nested, f.parts(), 0);
        }
        out.put(key, nested);
    }
}
