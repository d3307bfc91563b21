package io.sfinbound.soql.eval;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import io.sfinbound.soql.ast.And;
import io.sfinbound.soql.ast.Comparison;
import io.sfinbound.soql.ast.ComparisonOperator;
import io.sfinbound.soql.ast.Condition;
import io.sfinbound.soql.ast.FieldPath;
import io.sfinbound.soql.ast.Literal;
import io.sfinbound.soql.ast.Not;
import io.sfinbound.soql.ast.NullLiteral;
import io.sfinbound.soql.ast.Or;
import io.sfinbound.soql.ast.RelativeDateLiteral;
import io.sfinbound.soql.ast.SelectExpr;
import io.sfinbound.soql.ast.SetComparison;
import io.sfinbound.soql.ast.SetOperator;
import io.sfinbound.soql.ast.SoqlQuery;
import io.sfinbound.soql.ast.StringLiteral;

/**
 * Compiles WHERE / HAVING conditions into predicates with SOQL semantics: two-valued logic where {@code = null}
 * and {@code != null} test presence, {@code !=} and {@code NOT IN} are true for nulls, other comparisons with a
 * null are false, strings compare without case.
 */
final class Conditions {

    private Conditions() {
    }

    static Predicate<Map<String, Object>> compile(Condition c, SoqlQuery scope, EvalContext ctx, RecordSource source,
                                                   Exprs.AggregateLookup aggregates) {
        if (c == null) {
            return row -> true;
        }
        if (c instanceof And a) {
            List<Predicate<Map<String, Object>>> ps = new ArrayList<>();
            a.operands().forEach(o -> ps.add(compile(o, scope, ctx, source, aggregates)));
            return row -> {
                for (Predicate<Map<String, Object>> p : ps) {
                    if (!p.test(row)) {
                        return false;
                    }
                }
                return true;
            };
        }
        if (c instanceof Or o) {
            List<Predicate<Map<String, Object>>> ps = new ArrayList<>();
            o.operands().forEach(x -> ps.add(compile(x, scope, ctx, source, aggregates)));
            return row -> {
                for (Predicate<Map<String, Object>> p : ps) {
                    if (p.test(row)) {
                        return true;
                    }
                }
                return false;
            };
        }
        if (c instanceof Not n) {
            return compile(n.operand(), scope, ctx, source, aggregates).negate();
        }
        if (c instanceof Comparison cmp) {
            return comparison(cmp, scope, ctx, aggregates);
        }
        return setComparison((SetComparison) c, scope, ctx, source, aggregates);
    }

    private static Predicate<Map<String, Object>> comparison(Comparison cmp, SoqlQuery scope, EvalContext ctx,
                                                             Exprs.AggregateLookup aggregates) {
        Function<Map<String, Object>, Object> left = Exprs.compile(cmp.left(), scope, ctx, aggregates);
        ComparisonOperator op = cmp.operator();
        Literal right = cmp.right();
        ZoneId zone = ctx.zone();
        if (right instanceof NullLiteral) {
            return switch (op) {
                case EQ -> row -> left.apply(row) == null;
                case NE, LTGT -> row -> left.apply(row) != null;
                default -> row -> false;
            };
        }
        if (op == ComparisonOperator.LIKE) {
            Pattern p = likePattern(((StringLiteral) right).raw());
            return row -> {
                Object v = Values.normalize(left.apply(row));
                return v != null && p.matcher(v instanceof java.math.BigDecimal bd ? bd.toPlainString()
                        : v.toString()).matches();
            };
        }
        if (right instanceof RelativeDateLiteral rel) {
            DateRanges.Range range = DateRanges.of(rel, ctx);
            return row -> {
                LocalDate d = asDate(left.apply(row), zone);
                if (d == null) {
                    return op.isNotEquals();
                }
                return switch (op) {
                    case EQ -> range.contains(d);
                    case NE, LTGT -> !range.contains(d);
                    case LT -> d.isBefore(range.start());
                    case LE -> d.isBefore(range.end());
                    case GT -> !d.isBefore(range.end());
                    case GE -> !d.isBefore(range.start());
                    default -> false;
                };
            };
        }
        Object lit = Values.literalValue(right);
        return switch (op) {
            case EQ -> row -> Values.equal(Values.normalize(left.apply(row)), lit, zone);
            case NE, LTGT -> row -> !Values.equal(Values.normalize(left.apply(row)), lit, zone);
            case LT -> row -> test(Values.compare(Values.normalize(left.apply(row)), lit, zone), r -> r < 0);
            case LE -> row -> test(Values.compare(Values.normalize(left.apply(row)), lit, zone), r -> r <= 0);
            case GT -> row -> test(Values.compare(Values.normalize(left.apply(row)), lit, zone), r -> r > 0);
            case GE -> row -> test(Values.compare(Values.normalize(left.apply(row)), lit, zone), r -> r >= 0);
            default -> throw new IllegalStateException(op.name());
        };
    }

    private static boolean test(Integer r, Predicate<Integer> p) {
        return r != null && p.test(r);
    }

    private static LocalDate asDate(Object raw, ZoneId zone) {
        Object v = Values.normalize(raw);
        if (v instanceof String s) {
            v = Values.parseTemporal(s);
        }
        if (v instanceof LocalDate d) {
            return d;
        }
        if (v instanceof Instant i) {
            return LocalDate.ofInstant(i, zone);
        }
        if (v instanceof java.time.LocalDateTime l) {
            return l.toLocalDate();
        }
        return null;
    }

    private static Predicate<Map<String, Object>> setComparison(SetComparison sc, SoqlQuery scope, EvalContext ctx,
                                                                RecordSource source,
                                                                Exprs.AggregateLookup aggregates) {
        Function<Map<String, Object>, Object> left = Exprs.compile(sc.left(), scope, ctx, aggregates);
        SetOperator op = sc.operator();
        if (sc.subquery() != null) {
            SemiJoin join = new SemiJoin(sc.subquery(), ctx, source);
            boolean in = op == SetOperator.IN;
            return row -> {
                Object v = left.apply(row);
                if (v == null) {
                    return !in;
                }
                return join.keys().contains(Values.membershipKey(v)) == in;
            };
        }
        if (op == SetOperator.INCLUDES || op == SetOperator.EXCLUDES) {
            List<Set<String>> wanted = new ArrayList<>();
            for (Literal l : sc.values()) {
                Object v = Values.literalValue(l);
                if (v != null) {
                    wanted.add(splitPicklist(v.toString()));
                }
            }
            boolean includes = op == SetOperator.INCLUDES;
            return row -> {
                Object v = left.apply(row);
                Set<String> have = v == null ? Set.of() : splitPicklist(v.toString());
                boolean any = false;
                for (Set<String> w : wanted) {
                    if (!w.isEmpty() && have.containsAll(w)) {
                        any = true;
                        break;
                    }
                }
                return any == includes;
            };
        }
        List<Predicate<Map<String, Object>>> members = new ArrayList<>();
        for (Literal l : sc.values()) {
            members.add(comparison(new Comparison(sc.left() instanceof FieldPath f ? f : sc.left(),
                    ComparisonOperator.EQ, l), scope, ctx, aggregates));
        }
        boolean in = op == SetOperator.IN;
        return row -> {
            for (Predicate<Map<String, Object>> m : members) {
                if (m.test(row)) {
                    return in;
                }
            }
            return !in;
        };
    }

    private static Set<String> splitPicklist(String s) {
        Set<String> out = new HashSet<>();
        for (String part : s.split(";")) {
            String t = part.trim();
            if (!t.isEmpty()) {
                out.add(t.toLowerCase(Locale.ROOT));
            }
        }
        return out;
    }

    /** A {@code LIKE} pattern: {@code %} any run, {@code _} one character, escapes literal; case-insensitive. */
    static Pattern likePattern(String raw) {
        StringBuilder re = new StringBuilder();
        StringBuilder lit = new StringBuilder();
        for (int i = 0; i < raw.length(); i++) {
            char c = raw.charAt(i);
            if (c == '\\') {
                int len = StringLiteral.escapeLength(raw, i);
                lit.append(new StringLiteral(raw.substring(i, i + len)).value());
                i += len - 1;
            } else if (c == '%' || c == '_') {
                if (lit.length() > 0) {
                    re.append(Pattern.quote(lit.toString()));
                    lit.setLength(0);
                }
                re.append(c == '%' ? ".*" : ".");
            } else {
                lit.append(c);
            }
        }
        if (lit.length() > 0) {
            re.append(Pattern.quote(lit.toString()));
        }
        return Pattern.compile(re.toString(), Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE | Pattern.DOTALL);
    }

    /** The value set of a semi-join subquery, computed once on first use. */
    private static final class SemiJoin {

        private final SoqlQuery sub;
        private final EvalContext ctx;
        private final RecordSource source;
        private volatile Set<Object> keys;

        SemiJoin(SoqlQuery sub, EvalContext ctx, RecordSource source) {
            this.sub = sub;
            this.ctx = ctx;
            this.source = source;
            if (sub.select().size() != 1 || !(sub.select().get(0) instanceof SelectExpr se)
                    || !(se.expr() instanceof FieldPath)) {
                throw Exprs.unsupported("a semi-join subquery that does not select exactly one field");
            }
        }

        Set<Object> keys() {
            Set<Object> k = keys;
            if (k == null) {
                synchronized (this) {
                    k = keys;
                    if (k == null) {
                        Function<Map<String, Object>, Object> field = Exprs.compile(
                                ((SelectExpr) sub.select().get(0)).expr(), sub, ctx, null);
                        Predicate<Map<String, Object>> where = compile(sub.where(), sub, ctx, source, null);
                        Set<Object> out = new HashSet<>();
                        try (Stream<Map<String, Object>> rows = source.records(sub.objectName())) {
                            rows.filter(where).map(field).filter(java.util.Objects::nonNull)
                                    .forEach(v -> out.add(Values.membershipKey(v)));
                        }
                        keys = k = out;
                    }
                }
            }
            return k;
        }
    }
}
