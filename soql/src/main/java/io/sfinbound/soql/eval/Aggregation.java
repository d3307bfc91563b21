package io.sfinbound.soql.eval;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.stream.Stream;

import io.sfinbound.soql.ast.Condition;
import io.sfinbound.soql.ast.Expr;
import io.sfinbound.soql.ast.FieldPath;
import io.sfinbound.soql.ast.FunctionCall;
import io.sfinbound.soql.ast.Not;
import io.sfinbound.soql.ast.OrderItem;
import io.sfinbound.soql.ast.SelectExpr;
import io.sfinbound.soql.ast.SelectItem;
import io.sfinbound.soql.ast.SoqlQuery;

/**
 * Aggregate queries (aggregate functions, GROUP BY, HAVING), evaluated in memory per group: only one
 * representative row and the accumulators of each group are kept, never the rows themselves. ROLLUP and CUBE are
 * evaluated as a plain GROUP BY (no subtotal rows).
 */
final class Aggregation {

    private static final String AGG_PREFIX = "\u0000agg:";

    private Aggregation() {
    }

    /** Whether the query aggregates: a GROUP BY, or an aggregate function in the SELECT list. */
    static boolean isAggregate(SoqlQuery q) {
        if (q.groupBy() != null) {
            return true;
        }
        for (SelectItem item : q.select()) {
            if (item instanceof SelectExpr se && se.expr() instanceof FunctionCall fc && fc.isAggregate()) {
                return true;
            }
        }
        return false;
    }

    /** Whether the query is {@code SELECT COUNT() ...} (the count is the result size, no rows). */
    static boolean isCountOnly(SoqlQuery q) {
        return q.groupBy() == null && q.select().size() == 1 && q.select().get(0) instanceof SelectExpr se
                && se.expr() instanceof FunctionCall fc && fc.upperName().equals("COUNT") && fc.args().isEmpty();
    }

    static List<Map<String, Object>> evaluate(SoqlQuery q, Stream<Map<String, Object>> candidates,
                                              RecordSource source, EvalContext ctx) {
        Predicate<Map<String, Object>> where = Conditions.compile(q.where(), q, ctx, source, null);
        List<Function<Map<String, Object>, Object>> groupKeys = new ArrayList<>();
        if (q.groupBy() != null) {
            for (Expr e : q.groupBy().exprs()) {
                groupKeys.add(Exprs.compile(e, q, ctx, null));
            }
        }
        Map<String, FunctionCall> aggregates = new LinkedHashMap<>();
        for (SelectItem item : q.select()) {
            if (item instanceof SelectExpr se) {
                collect(se.expr(), aggregates);
            }
        }
        collect(q.having(), aggregates);
        for (OrderItem o : q.orderBy()) {
            collect(o.expr(), aggregates);
        }
        List<FunctionCall> aggList = new ArrayList<>(aggregates.values());
        List<Function<Map<String, Object>, Object>> aggArgs = new ArrayList<>();
        for (FunctionCall fc : aggList) {
            aggArgs.add(fc.args().isEmpty() ? row -> Boolean.TRUE : Exprs.compile(fc.args().get(0), q, ctx, null));
        }

        Map<List<Object>, Group> groups = new LinkedHashMap<>();
        try (candidates) {
            candidates.filter(where).forEach(row -> {
                List<Object> key = new ArrayList<>(groupKeys.size());
                for (Function<Map<String, Object>, Object> k : groupKeys) {
                    key.add(Values.membershipKey(k.apply(row)));
                }
                Group g = groups.computeIfAbsent(key, x -> new Group(row, aggList));
                for (int i = 0; i < aggList.size(); i++) {
                    g.accumulators.get(i).add(aggArgs.get(i).apply(row), ctx);
                }
            });
        }
        if (groups.isEmpty() && q.groupBy() == null) {
            groups.put(List.of(), new Group(Map.of(), aggList));
        }

        Exprs.AggregateLookup lookup = fc -> {
            String k = AGG_PREFIX + key(fc);
            return row -> row.get(k);
        };
        List<Map<String, Object>> rows = new ArrayList<>(groups.size());
        for (Group g : groups.values()) {
            Map<String, Object> row = new HashMap<>(g.representative);
            for (int i = 0; i < aggList.size(); i++) {
                row.put(AGG_PREFIX + key(aggList.get(i)), g.accumulators.get(i).result());
            }
            rows.add(row);
        }
        Predicate<Map<String, Object>> having = Conditions.compile(q.having(), q, ctx, source, lookup);
        Stream<Map<String, Object>> s = rows.stream().filter(having);
        if (!q.orderBy().isEmpty()) {
            Comparator<Map<String, Object>> order = CompiledQuery.comparator(q, ctx, lookup);
            s = s.sorted(order);
        }
        if (q.offset() != null) {
            s = s.skip(q.offset());
        }
        if (q.limit() != null) {
            s = s.limit(q.limit());
        }
        List<Map<String, Object>> out = new ArrayList<>();
        s.forEach(row -> out.add(project(q, row, ctx, lookup)));
        return out;
    }

    private static Map<String, Object> project(SoqlQuery q, Map<String, Object> row, EvalContext ctx,
                                               Exprs.AggregateLookup lookup) {
        Map<String, Object> out = new LinkedHashMap<>();
        int expr = 0;
        for (SelectItem item : q.select()) {
            if (!(item instanceof SelectExpr se)) {
                throw Exprs.unsupported("subqueries and TYPEOF in an aggregate query");
            }
            if (se.expr() instanceof FieldPath fp && se.alias() == null) {
                CompiledQuery.putPath(row, out, q.stripAlias(fp).parts(), 0);
                continue;
            }
            String name = se.alias() != null ? se.alias() : "expr" + expr++;
            out.put(name, Exprs.compile(se.expr(), q, ctx, lookup).apply(row));
        }
        return out;
    }

    private static void collect(Condition c, Map<String, FunctionCall> into) {
        if (c == null) {
            return;
        }
        if (c instanceof io.sfinbound.soql.ast.And a) {
            a.operands().forEach(o -> collect(o, into));
        } else if (c instanceof io.sfinbound.soql.ast.Or o) {
            o.operands().forEach(x -> collect(x, into));
        } else if (c instanceof Not n) {
            collect(n.operand(), into);
        } else if (c instanceof io.sfinbound.soql.ast.Comparison cmp) {
            collect(cmp.left(), into);
        } else if (c instanceof io.sfinbound.soql.ast.SetComparison sc) {
            collect(sc.left(), into);
        }
    }

    private static void collect(Expr e, Map<String, FunctionCall> into) {
        if (e instanceof FunctionCall fc) {
            if (fc.isAggregate()) {
                into.putIfAbsent(key(fc), fc);
            } else {
                fc.args().forEach(a -> collect(a, into));
            }
        }
    }

    private static String key(FunctionCall fc) {
        return (fc.upperName() + fc.args()).toLowerCase(Locale.ROOT);
    }

    /** One group: a representative row and one accumulator per aggregate. */
    private static final class Group {

        final Map<String, Object> representative;
        final List<Accumulator> accumulators = new ArrayList<>();

        Group(Map<String, Object> representative, List<FunctionCall> aggregates) {
            this.representative = representative;
            for (FunctionCall fc : aggregates) {
                accumulators.add(new Accumulator(fc.upperName()));
            }
        }
    }

    /** COUNT, COUNT_DISTINCT, SUM, AVG, MIN, MAX over non-null values. */
    private static final class Accumulator {

        private final String function;
        private long count;
        private BigDecimal sum;
        private Object extreme;
        private Set<Object> distinct;

        Accumulator(String function) {
            this.function = function;
        }

        void add(Object value, EvalContext ctx) {
            if (value == null) {
                return;
            }
            count++;
            switch (function) {
                case "SUM", "AVG" -> {
                    Object n = Values.normalize(value);
                    if (n instanceof BigDecimal bd) {
                        sum = sum == null ? bd : sum.add(bd);
                    }
                }
                case "MIN" -> {
                    if (extreme == null || Values.compareValues(value, extreme, ctx.zone()) < 0) {
                        extreme = value;
                    }
                }
                case "MAX" -> {
                    if (extreme == null || Values.compareValues(value, extreme, ctx.zone()) > 0) {
                        extreme = value;
                    }
                }
                case "COUNT_DISTINCT" -> {
                    if (distinct == null) {
                        distinct = new HashSet<>();
                    }
                    distinct.add(Values.membershipKey(value));
                }
                default -> {
                }
            }
        }

        Object result() {
            return switch (function) {
                case "COUNT" -> count;
                case "COUNT_DISTINCT" -> distinct == null ? 0L : (long) distinct.size();
                case "SUM" -> sum;
                case "AVG" -> sum == null ? null : sum.divide(BigDecimal.valueOf(count), MathContext.DECIMAL64);
                default -> extreme;
            };
        }
    }
}
