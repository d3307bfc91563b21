package io.sfinbound.soql.eval;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.function.Function;

import io.sfinbound.soql.Soql;
import io.sfinbound.soql.SoqlException;
import io.sfinbound.soql.ast.Expr;
import io.sfinbound.soql.ast.FieldPath;
import io.sfinbound.soql.ast.FunctionCall;
import io.sfinbound.soql.ast.Literal;
import io.sfinbound.soql.ast.RelativeDateLiteral;
import io.sfinbound.soql.ast.SoqlQuery;

/** Compiles value expressions (fields, date functions, wrappers like toLabel) into functions over a record. */
final class Exprs {

    private Exprs() {
    }

    /** Resolves an aggregate call to a function over an aggregated row; null outside aggregate queries. */
    interface AggregateLookup extends Function<FunctionCall, Function<Map<String, Object>, Object>> {
    }

    static Function<Map<String, Object>, Object> compile(Expr e, SoqlQuery scope, EvalContext ctx,
                                                          AggregateLookup aggregates) {
        if (e instanceof FieldPath fp) {
            java.util.List<String> path = scope.stripAlias(fp).parts();
            if (path.size() > 1 && Values.isObjectPrefix(scope, path.get(0))) {
                return row -> Values.resolve(row, Values.scoped(row, path, true));
            }
            if (path.size() == 1) {
                String name = path.get(0);
                // generated records share their key spelling: remember the one found so most lookups are one get()
                String[] lastKey = {name};
                return row -> {
                    String k = lastKey[0];
                    Object v = row.get(k);
                    if (v != null || row.containsKey(k)) {
                        return v;
                    }
                    k = Values.keyOf(row, name);
                    if (k == null) {
                        return null;
                    }
                    lastKey[0] = k;
                    return row.get(k);
                };
            }
            return row -> Values.resolve(row, path);
        }
        if (e instanceof Literal lit) {
            if (lit instanceof RelativeDateLiteral) {
                throw unsupported("a relative date literal as a function argument");
            }
            Object v = Values.literalValue(lit);
            return row -> v;
        }
        FunctionCall fc = (FunctionCall) e;
        if (fc.isAggregate()) {
            if (aggregates == null) {
                throw unsupported("aggregate function " + fc.name() + "() outside an aggregate query");
            }
            return aggregates.apply(fc);
        }
        String name = fc.upperName();
        switch (name) {
            case "TOLABEL", "FORMAT", "CONVERTCURRENCY", "GROUPING" -> {
                requireArgs(fc, 1);
                return compile(fc.args().get(0), scope, ctx, aggregates);
            }
            case "CONVERTTIMEZONE" -> {
                requireArgs(fc, 1);
                Function<Map<String, Object>, Object> inner = compile(fc.args().get(0), scope, ctx, aggregates);
                ZoneId zone = ctx.zone();
                return row -> {
                    Object v = Values.normalize(inner.apply(row));
                    return v instanceof Instant i ? LocalDateTime.ofInstant(i, zone) : v;
                };
            }
            default -> {
                return dateFunction(fc, scope, ctx, aggregates);
            }
        }
    }

    private static Function<Map<String, Object>, Object> dateFunction(FunctionCall fc, SoqlQuery scope,
                                                                     EvalContext ctx, AggregateLookup aggregates) {
        String name = fc.upperName();
        int fyStart = ctx.fiscalYearStartMonth().getValue();
        Function<LocalDateTime, Object> f = switch (name) {
            case "CALENDAR_MONTH" -> t -> t.getMonthValue();
            case "CALENDAR_QUARTER" -> t -> (t.getMonthValue() - 1) / 3 + 1;
            case "CALENDAR_YEAR" -> t -> t.getYear();
            case "DAY_IN_MONTH" -> t -> t.getDayOfMonth();
            case "DAY_IN_WEEK" -> t -> t.getDayOfWeek().getValue() % 7 + 1;
            case "DAY_IN_YEAR" -> t -> t.getDayOfYear();
            case "DAY_ONLY" -> LocalDateTime::toLocalDate;
            case "HOUR_IN_DAY" -> t -> t.getHour();
            case "WEEK_IN_MONTH" -> t -> (t.getDayOfMonth() - 1) / 7 + 1;
            case "WEEK_IN_YEAR" -> t -> (t.getDayOfYear() - 1) / 7 + 1;
            case "FISCAL_MONTH" -> t -> (t.getMonthValue() - fyStart + 12) % 12 + 1;
            case "FISCAL_QUARTER" -> t -> ((t.getMonthValue() - fyStart + 12) % 12) / 3 + 1;
            case "FISCAL_YEAR" -> t -> fyStart == 1 || t.getMonthValue() < fyStart ? t.getYear() : t.getYear() + 1;
            default -> throw unsupported("function " + fc.name() + "()");
        };
        requireArgs(fc, 1);
        Function<Map<String, Object>, Object> arg = compile(fc.args().get(0), scope, ctx, aggregates);
        return row -> {
            Object v = Values.normalize(arg.apply(row));
            LocalDateTime t;
            if (v instanceof LocalDateTime l) {
                t = l;
            } else if (v instanceof Instant i) {
                t = LocalDateTime.ofInstant(i, ZoneOffset.UTC);
            } else if (v instanceof LocalDate d) {
                t = d.atStartOfDay();
            } else if (v instanceof String s && Values.parseTemporal(s) instanceof Instant i) {
                t = LocalDateTime.ofInstant(i, ZoneOffset.UTC);
            } else if (v instanceof String s && Values.parseTemporal(s) instanceof LocalDate d) {
                t = d.atStartOfDay();
            } else {
                return null;
            }
            return f.apply(t);
        };
    }

    private static void requireArgs(FunctionCall fc, int n) {
        if (fc.args().size() != n) {
            throw new SoqlException(SoqlException.MALFORMED_QUERY, fc.name() + "() takes " + n + " argument"
                    + (n == 1 ? "" : "s"), null, fc.name(), null);
        }
    }

    static SoqlException unsupported(String what) {
        return new SoqlException(Soql.UNSUPPORTED_QUERY, what + " is not supported by the evaluator", null, null,
                null);
    }
}
