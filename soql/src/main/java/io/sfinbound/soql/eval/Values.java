package io.sfinbound.soql.eval;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeParseException;
import java.util.Date;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

import io.sfinbound.soql.ast.BooleanLiteral;
import io.sfinbound.soql.ast.DateLiteral;
import io.sfinbound.soql.ast.DateTimeLiteral;
import io.sfinbound.soql.ast.Literal;
import io.sfinbound.soql.ast.NullLiteral;
import io.sfinbound.soql.ast.NumberLiteral;
import io.sfinbound.soql.ast.StringLiteral;

/** Field lookup, value normalization and Salesforce-like comparison. */
final class Values {

    private static final Pattern OFFSET_NO_COLON = Pattern.compile("([+-]\\d{2})(\\d{2})$");

    private Values() {
    }

    /** The record's key for {@code name}: exact match first, then case-insensitive; null if absent. */
    static String keyOf(Map<String, ?> record, String name) {
        if (record.containsKey(name)) {
            return name;
        }
        for (String k : record.keySet()) {
            if (k != null && k.equalsIgnoreCase(name)) {
                return k;
            }
        }
        return null;
    }

    /** The value of {@code name} in {@code record}, case-insensitively. */
    static Object get(Map<String, ?> record, String name) {
        Object v = record.get(name);
        if (v != null) {
            return v;
        }
        String k = keyOf(record, name);
        return k == null ? null : record.get(k);
    }

    /** Walks a relationship path; null when a parent on the way is null or not a map. */
    @SuppressWarnings("unchecked")
    static Object resolve(Map<String, ?> record, List<String> path) {
        Object current = record;
        for (String part : path) {
            if (!(current instanceof Map<?, ?> m)) {
                return null;
            }
            current = get((Map<String, ?>) m, part);
        }
        return current;
    }

    /**
     * Whether {@code first} can be the FROM object's name used as a prefix ({@code SELECT Account.Name FROM Account},
     * {@code SELECT Contact.LastName FROM Account.Contacts}): the object or relationship name, or its singular.
     */
    static boolean isObjectPrefix(io.sfinbound.soql.ast.SoqlQuery q, String first) {
        String rel = q.from().relationshipName();
        return first.equalsIgnoreCase(rel) || rel.length() > 1 && (rel.endsWith("s") || rel.endsWith("S"))
                && first.equalsIgnoreCase(rel.substring(0, rel.length() - 1));
    }

    /**
     * {@code path} for this record: without an object-name prefix when the record has no relationship of that name
     * (so {@code Account.Name} on an Account is its Name, on a Case the account's Name).
     */
    static List<String> scoped(Map<String, ?> record, List<String> path, boolean objectPrefix) {
        if (objectPrefix && keyOf(record, path.get(0)) == null) {
            return path.subList(1, path.size());
        }
        return path;
    }

    /** The literal as a normalized value (String, BigDecimal, Boolean, LocalDate, Instant, null). */
    static Object literalValue(Literal lit) {
        if (lit instanceof StringLiteral s) {
            return s.value();
        } else if (lit instanceof NumberLiteral n) {
            return n.value();
        } else if (lit instanceof BooleanLiteral b) {
            return b.value();
        } else if (lit instanceof DateLiteral d) {
            return d.value();
        } else if (lit instanceof DateTimeLiteral dt) {
            return dt.instant();
        } else if (lit instanceof NullLiteral) {
            return null;
        }
        throw new IllegalArgumentException("not a plain literal: " + lit);
    }

    /** A record value normalized to String, BigDecimal, Boolean, LocalDate or Instant (others unchanged). */
    static Object normalize(Object v) {
        if (v == null || v instanceof String || v instanceof BigDecimal || v instanceof Boolean
                || v instanceof LocalDate || v instanceof Instant) {
            return v;
        }
        if (v instanceof Integer || v instanceof Long || v instanceof Short || v instanceof Byte) {
            return BigDecimal.valueOf(((Number) v).longValue());
        }
        if (v instanceof Double || v instanceof Float) {
            double d = ((Number) v).doubleValue();
            return Double.isFinite(d) ? BigDecimal.valueOf(d) : v;
        }
        if (v instanceof BigInteger bi) {
            return new BigDecimal(bi);
        }
        if (v instanceof OffsetDateTime o) {
            return o.toInstant();
        }
        if (v instanceof ZonedDateTime z) {
            return z.toInstant();
        }
        if (v instanceof LocalDateTime l) {
            return l.toInstant(ZoneOffset.UTC);
        }
        if (v instanceof Date d) {
            return d.toInstant();
        }
        if (v instanceof Character c) {
            return c.toString();
        }
        return v;
    }

    /** Parses a Salesforce date or dateTime string ({@code 2013-05-20T20:49:32.000+0000}); null if not one. */
    static Object parseTemporal(String s) {
        try {
            if (s.length() == 10) {
                return LocalDate.parse(s);
            }
            String iso = OFFSET_NO_COLON.matcher(s).replaceFirst("$1:$2");
            return OffsetDateTime.parse(iso).toInstant();
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    /** Coerces a normalized field value towards the kind of {@code target}; null when impossible. */
    static Object coerce(Object v, Object target, ZoneId zone) {
        if (v == null || target == null || v.getClass() == target.getClass()) {
            return v;
        }
        if (target instanceof String) {
            if (v instanceof BigDecimal bd) {
                return bd.toPlainString();
            }
            return v.toString();
        }
        if (target instanceof BigDecimal) {
            if (v instanceof String s) {
                try {
                    return new BigDecimal(s.trim());
                } catch (NumberFormatException e) {
                    return null;
                }
            }
            return null;
        }
        if (target instanceof Boolean) {
            if (v instanceof String s && (s.equalsIgnoreCase("true") || s.equalsIgnoreCase("false"))) {
                return Boolean.parseBoolean(s);
            }
            return null;
        }
        if (target instanceof LocalDate) {
            Object t = v instanceof String s ? parseTemporal(s) : v;
            if (t instanceof Instant i) {
                return LocalDate.ofInstant(i, zone);
            }
            return t instanceof LocalDate ? t : null;
        }
        if (target instanceof Instant) {
            Object t = v instanceof String s ? parseTemporal(s) : v;
            if (t instanceof LocalDate d) {
                return d.atStartOfDay(zone).toInstant();
            }
            return t instanceof Instant ? t : null;
        }
        return null;
    }

    /** SOQL equality: strings ignore case; values of different kinds are coerced towards the literal's kind. */
    static boolean equal(Object fieldValue, Object literalValue, ZoneId zone) {
        if (fieldValue == null || literalValue == null) {
            return fieldValue == literalValue;
        }
        Object v = coerce(fieldValue, literalValue, zone);
        if (v == null) {
            return false;
        }
        if (v instanceof String s) {
            return s.equalsIgnoreCase((String) literalValue);
        }
        if (v instanceof BigDecimal bd) {
            return bd.compareTo((BigDecimal) literalValue) == 0;
        }
        return v.equals(literalValue);
    }

    /** Ordering of a field value against a literal, or null when they cannot be compared. */
    static Integer compare(Object fieldValue, Object literalValue, ZoneId zone) {
        if (fieldValue == null || literalValue == null) {
            return null;
        }
        Object v = coerce(fieldValue, literalValue, zone);
        if (v == null) {
            return null;
        }
        return compareSameKind(v, literalValue);
    }

    /**
     * Total order of two normalized non-null values: strings case-insensitively, then case-sensitively to break ties
     * (so that ORDER BY and keyset {@code >} agree); values of different kinds by kind.
     */
    @SuppressWarnings({"unchecked", "rawtypes"})
    static int compareSameKind(Object a, Object b) {
        if (a instanceof String sa && b instanceof String sb) {
            int c = sa.compareToIgnoreCase(sb);
            return c != 0 ? c : sa.compareTo(sb);
        }
        if (a.getClass() == b.getClass() && a instanceof Comparable ca) {
            return ca.compareTo(b);
        }
        return Integer.compare(kindRank(a), kindRank(b));
    }

    /** Compares two record values for ORDER BY (nulls handled by the caller). */
    static int compareValues(Object a, Object b, ZoneId zone) {
        Object na = normalize(a);
        Object nb = normalize(b);
        if (na.getClass() != nb.getClass()) {
            Object cb = coerce(nb, na, zone);
            if (cb != null) {
                nb = cb;
            }
        }
        return compareSameKind(na, nb);
    }

    private static int kindRank(Object o) {
        if (o instanceof Boolean) {
            return 0;
        }
        if (o instanceof BigDecimal) {
            return 1;
        }
        if (o instanceof LocalDate) {
            return 2;
        }
        if (o instanceof Instant) {
            return 3;
        }
        if (o instanceof String) {
            return 4;
        }
        return 5;
    }

    /** A key for set membership with SOQL equality (strings case-insensitive, numbers by value). */
    static Object membershipKey(Object v) {
        Object n = normalize(v);
        if (n instanceof String s) {
            return s.toLowerCase(Locale.ROOT);
        }
        if (n instanceof BigDecimal bd) {
            return bd.stripTrailingZeros();
        }
        return n;
    }
}
