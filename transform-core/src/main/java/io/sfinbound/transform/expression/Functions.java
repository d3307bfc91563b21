package io.sfinbound.transform.expression;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.time.temporal.TemporalAccessor;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.BiFunction;

import io.sfinbound.transform.job.SensitiveValues;

/**
 * The function library, with XM Discover's names. Names are case-insensitive; texts compare case-sensitively.
 * <pre>
 * ABS(n)  ROUND(n [, digits])  CONCAT(v, ...)  IF(condition, then, else)  ISBLANK(v)  CONTAINS(text, part)
 * UPPER(t)  LOWER(t)  TRIM(t)  REPLACE(text, search, replacement)  SUBSTRING(text, start [, length]) (1-based)
 * LEN(t)  STARTSWITH(t, prefix)  ENDSWITH(t, suffix)  TOTEXT(v)  TONUMBER(t)
 * DATEPARSE(text [, pattern])  DATEFORMAT(date, pattern [, zone])  DATEADD(date, amount, unit)
 * DATEDIFF(start, end, unit)  NOW()  AND(b, ...)  OR(b, ...)  NOT(b)
 * </pre>
 * Units: {@code second, minute, hour, day, week, month, year}. Patterns: {@link DateTimeFormatter} letters;
 * a literal pattern, unit or zone is checked when the expression is compiled.
 */
final class Functions {

    /** A function: arity, parameter types, result type rule and implementation. */
    record Fn(String name, int minArgs, int maxArgs, List<Type> params, Type result,
            BiFunction<Node.Call, EvalContext, Object> impl) {

        Type check(Node.Call call) {
            int n = call.args.size();
            if (n < minArgs || n > maxArgs) {
                String expected = minArgs == maxArgs ? String.valueOf(minArgs)
                        : maxArgs == Integer.MAX_VALUE ? "at least " + minArgs : minArgs + " to " + maxArgs;
                throw new ExpressionException(name + " takes " + expected + " argument" + (maxArgs == 1 ? "" : "s")
                        + ", got " + n, call.line, call.column);
            }
            for (int i = 0; i < n; i++) {
                Type p = params.get(Math.min(i, params.size() - 1));
                if (p != Type.ANY) {
                    Node.Checks.expect(call.args.get(i), p, name + " argument " + (i + 1));
                }
            }
            checkLiterals(call);
            if (name.equals("IF")) {
                Type a = call.args.get(1).type;
                Type b = call.args.get(2).type;
                if (a != Type.ANY && b != Type.ANY && a != b) {
                    Node at = call.args.get(2);
                    throw new ExpressionException("IF branches must have one type: " + Node.Checks.article(a)
                            + " and " + Node.Checks.article(b), at.line, at.column);
                }
                return a != Type.ANY ? a : b;
            }
            return result;
        }

        Object invoke(Node.Call call, EvalContext ctx) {
            return impl.apply(call, ctx);
        }

        private void checkLiterals(Node.Call call) {
            switch (name) {
                case "DATEPARSE", "DATEFORMAT" -> {
                    if (call.args.size() > 1 && call.args.get(1) instanceof Node.Literal l && l.value instanceof String p) {
                        formatter(p, call.args.get(1));
                    }
                    if (call.args.size() > 2 && call.args.get(2) instanceof Node.Literal l && l.value instanceof String z) {
                        zone(z, call.args.get(2));
                    }
                }
                case "DATEADD", "DATEDIFF" -> {
                    if (call.args.get(2) instanceof Node.Literal l && l.value instanceof String u) {
                        unit(u, call.args.get(2));
                    }
                }
                default -> {
                }
            }
        }
    }

    static final Map<String, Fn> ALL = new LinkedHashMap<>();

    private static final Set<String> UNITS = Set.of("second", "minute", "hour", "day", "week", "month", "year");

    static {
        add("ABS", 1, 1, types(Type.NUMBER), Type.NUMBER, (c, x) -> {
            BigDecimal n = Values.number(c.arg(0, x), c.args.get(0));
            return n == null ? null : n.abs();
        });
        add("ROUND", 1, 2, types(Type.NUMBER, Type.NUMBER), Type.NUMBER, (c, x) -> {
            BigDecimal n = Values.number(c.arg(0, x), c.args.get(0));
            int digits = c.args.size() > 1 ? intArg(c, 1, x, 0) : 0;
            if (digits < -20 || digits > 20) {
                throw c.args.get(1).error("ROUND digits must be between -20 and 20");
            }
            return n == null ? null : Node.round(n, digits);
        });
        add("CONCAT", 1, Integer.MAX_VALUE, types(Type.ANY), Type.TEXT, (c, x) -> {
            StringBuilder sb = new StringBuilder();
            for (int i = 0; i < c.args.size(); i++) {
                String s = Values.text(c.arg(i, x));
                if (s != null) {
                    sb.append(s);
                }
                if (sb.length() > EvalContext.MAX_TEXT) {
                    throw c.error("text longer than " + EvalContext.MAX_TEXT + " characters");
                }
            }
            return sb.toString();
        });
        add("IF", 3, 3, types(Type.BOOLEAN, Type.ANY, Type.ANY), Type.ANY, (c, x) ->
                Node.Binary.truthy(c.arg(0, x), c.args.get(0)) ? c.arg(1, x) : c.arg(2, x));
        add("ISBLANK", 1, 1, types(Type.ANY), Type.BOOLEAN, (c, x) -> {
            Object v = c.arg(0, x);
            return v == null || (v instanceof String s && s.isBlank());
        });
        add("CONTAINS", 2, 2, types(Type.TEXT, Type.TEXT), Type.BOOLEAN, (c, x) -> {
            String t = Values.text(c.arg(0, x));
            String p = Values.text(c.arg(1, x));
            return t != null && p != null && t.contains(p);
        });
        add("STARTSWITH", 2, 2, types(Type.TEXT, Type.TEXT), Type.BOOLEAN, (c, x) -> {
            String t = Values.text(c.arg(0, x));
            String p = Values.text(c.arg(1, x));
            return t != null && p != null && t.startsWith(p);
        });
        add("ENDSWITH", 2, 2, types(Type.TEXT, Type.TEXT), Type.BOOLEAN, (c, x) -> {
            String t = Values.text(c.arg(0, x));
            String p = Values.text(c.arg(1, x));
            return t != null && p != null && t.endsWith(p);
        });
        add("UPPER", 1, 1, types(Type.TEXT), Type.TEXT, (c, x) -> mapText(c, x, s -> s.toUpperCase(Locale.ROOT)));
        add("LOWER", 1, 1, types(Type.TEXT), Type.TEXT, (c, x) -> mapText(c, x, s -> s.toLowerCase(Locale.ROOT)));
        add("TRIM", 1, 1, types(Type.TEXT), Type.TEXT, (c, x) -> mapText(c, x, String::strip));
        add("LEN", 1, 1, types(Type.TEXT), Type.NUMBER, (c, x) -> {
            String s = Values.text(c.arg(0, x));
            return BigDecimal.valueOf(s == null ? 0 : s.codePointCount(0, s.length()));
        });
        add("REPLACE", 3, 3, types(Type.TEXT, Type.TEXT, Type.TEXT), Type.TEXT, (c, x) -> {
            String s = Values.text(c.arg(0, x));
            String search = Values.text(c.arg(1, x));
            String repl = Values.text(c.arg(2, x));
            if (s == null || search == null || search.isEmpty()) {
                return s;
            }
            long growth = (long) (repl == null ? 0 : repl.length()) - search.length();
            if (growth > 0 && (long) s.length() / search.length() * growth + s.length() > EvalContext.MAX_TEXT) {
                throw c.error("text longer than " + EvalContext.MAX_TEXT + " characters");
            }
            return s.replace(search, repl == null ? "" : repl);
        });
        add("SUBSTRING", 2, 3, types(Type.TEXT, Type.NUMBER, Type.NUMBER), Type.TEXT, (c, x) -> {
            String s = Values.text(c.arg(0, x));
            if (s == null) {
                return null;
            }
            int start = intArg(c, 1, x, 1);
            if (start < 1) {
                throw c.args.get(1).error("SUBSTRING start is 1-based and must be at least 1, got " + SensitiveValues.quote(start));
            }
            int[] cps = s.codePoints().toArray();
            int from = Math.min(start - 1, cps.length);
            int len = c.args.size() > 2 ? intArg(c, 2, x, cps.length) : cps.length;
            if (len < 0) {
                throw c.args.get(2).error("SUBSTRING length must not be negative, got " + SensitiveValues.quote(len));
            }
            int to = (int) Math.min((long) from + len, cps.length);
            return new String(cps, from, to - from);
        });
        add("TOTEXT", 1, 1, types(Type.ANY), Type.TEXT, (c, x) -> {
            Object v = c.arg(0, x);
            return v instanceof Instant i ? i.toString() : Values.text(v);
        });
        add("TONUMBER", 1, 1, types(Type.ANY), Type.NUMBER, (c, x) -> Values.number(c.arg(0, x), c.args.get(0)));
        add("DATEPARSE", 1, 2, types(Type.TEXT, Type.TEXT), Type.DATE, (c, x) -> {
            String s = Values.text(c.arg(0, x));
            if (s == null || s.isBlank()) {
                return null;
            }
            if (c.args.size() == 1) {
                return Values.date(s, c.args.get(0));
            }
            DateTimeFormatter f = formatter(Values.text(c.arg(1, x)), c.args.get(1));
            try {
                TemporalAccessor t = f.parseBest(s.trim(), ZonedDateTime::from, LocalDateTime::from, LocalDate::from);
                if (t instanceof ZonedDateTime z) {
                    return z.toInstant();
                }
                if (t instanceof LocalDateTime l) {
                    return l.toInstant(ZoneOffset.UTC);
                }
                return ((LocalDate) t).atStartOfDay(ZoneOffset.UTC).toInstant();
            } catch (DateTimeParseException e) {
                throw c.args.get(0).error(SensitiveValues.quote(s) + " does not match the pattern");
            }
        });
        add("DATEFORMAT", 2, 3, types(Type.DATE, Type.TEXT, Type.TEXT), Type.TEXT, (c, x) -> {
            Instant d = Values.date(c.arg(0, x), c.args.get(0));
            if (d == null) {
                return null;
            }
            DateTimeFormatter f = formatter(Values.text(c.arg(1, x)), c.args.get(1));
            ZoneId zone = c.args.size() > 2 ? zone(Values.text(c.arg(2, x)), c.args.get(2)) : ZoneOffset.UTC;
            try {
                return f.format(d.atZone(zone));
            } catch (java.time.DateTimeException e) {
                throw c.args.get(1).error("cannot format a date with this pattern: " + e.getMessage());
            }
        });
        add("DATEADD", 3, 3, types(Type.DATE, Type.NUMBER, Type.TEXT), Type.DATE, (c, x) -> {
            Instant d = Values.date(c.arg(0, x), c.args.get(0));
            BigDecimal n = Values.number(c.arg(1, x), c.args.get(1));
            ChronoUnit u = unit(Values.text(c.arg(2, x)), c.args.get(2));
            if (d == null || n == null) {
                return null;
            }
            long amount;
            try {
                amount = n.longValueExact();
            } catch (ArithmeticException e) {
                throw c.args.get(1).error("DATEADD amount must be a whole number, got " + SensitiveValues.quote(n.toPlainString()));
            }
            try {
                return d.atZone(ZoneOffset.UTC).plus(amount, u).toInstant();
            } catch (ArithmeticException | java.time.DateTimeException e) {
                throw c.args.get(1).error("DATEADD result out of range");
            }
        });
        add("DATEDIFF", 3, 3, types(Type.DATE, Type.DATE, Type.TEXT), Type.NUMBER, (c, x) -> {
            Instant a = Values.date(c.arg(0, x), c.args.get(0));
            Instant b = Values.date(c.arg(1, x), c.args.get(1));
            ChronoUnit u = unit(Values.text(c.arg(2, x)), c.args.get(2));
            if (a == null || b == null) {
                return null;
            }
            return BigDecimal.valueOf(u.between(a.atZone(ZoneOffset.UTC), b.atZone(ZoneOffset.UTC)));
        });
        add("NOW", 0, 0, types(Type.ANY), Type.DATE, (c, x) -> x.now);
        add("AND", 1, Integer.MAX_VALUE, types(Type.BOOLEAN), Type.BOOLEAN, (c, x) -> {
            for (int i = 0; i < c.args.size(); i++) {
                if (!Node.Binary.truthy(c.arg(i, x), c.args.get(i))) {
                    return false;
                }
            }
            return true;
        });
        add("OR", 1, Integer.MAX_VALUE, types(Type.BOOLEAN), Type.BOOLEAN, (c, x) -> {
            for (int i = 0; i < c.args.size(); i++) {
                if (Node.Binary.truthy(c.arg(i, x), c.args.get(i))) {
                    return true;
                }
            }
            return false;
        });
        add("NOT", 1, 1, types(Type.BOOLEAN), Type.BOOLEAN, (c, x) -> {
            Boolean b = Values.bool(c.arg(0, x), c.args.get(0));
            return b == null || !b;
        });
    }

    private Functions() {
    }

    private static void add(String name, int min, int max, List<Type> params, Type result,
            BiFunction<Node.Call, EvalContext, Object> impl) {
        ALL.put(name, new Fn(name, min, max, params, result, impl));
    }

    private static List<Type> types(Type... t) {
        return Arrays.asList(t);
    }

    private static Object mapText(Node.Call c, EvalContext x, java.util.function.UnaryOperator<String> f) {
        String s = Values.text(c.arg(0, x));
        return s == null ? null : f.apply(s);
    }

    private static int intArg(Node.Call c, int i, EvalContext x, int otherwise) {
        BigDecimal n = Values.number(c.arg(i, x), c.args.get(i));
        if (n == null) {
            return otherwise;
        }
        try {
            return n.setScale(0, RoundingMode.DOWN).intValueExact();
        } catch (ArithmeticException e) {
            throw c.args.get(i).error("number out of range: " + SensitiveValues.quote(n.toPlainString()));
        }
    }

    static DateTimeFormatter formatter(String pattern, Node at) {
        if (pattern == null || pattern.isBlank()) {
            throw at.error("a date pattern must not be empty");
        }
        try {
            return DateTimeFormatter.ofPattern(pattern, Locale.ENGLISH);
        } catch (IllegalArgumentException e) {
            throw at.error("invalid date pattern '" + pattern + "': " + e.getMessage());
        }
    }

    static ZoneId zone(String zone, Node at) {
        try {
            return ZoneId.of(zone);
        } catch (java.time.DateTimeException e) {
            throw at.error("unknown time zone '" + zone + "'");
        }
    }

    static ChronoUnit unit(String unit, Node at) {
        String u = unit == null ? "" : unit.trim().toLowerCase(Locale.ROOT);
        if (u.endsWith("s")) {
            u = u.substring(0, u.length() - 1);
        }
        if (!UNITS.contains(u)) {
            throw at.error("unknown unit '" + unit + "': use second, minute, hour, day, week, month or year");
        }
        return switch (u) {
            case "second" -> ChronoUnit.SECONDS;
            case "minute" -> ChronoUnit.MINUTES;
            case "hour" -> ChronoUnit.HOURS;
            case "day" -> ChronoUnit.DAYS;
            case "week" -> ChronoUnit.WEEKS;
            case "month" -> ChronoUnit.MONTHS;
            default -> ChronoUnit.YEARS;
        };
    }
}
