package io.sfinbound.sim.admin;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;

import io.sfinbound.common.problem.ProblemException;
import io.sfinbound.sim.data.DataStore;
import io.sfinbound.sim.data.Hash;
import io.sfinbound.sim.data.Ids;
import io.sfinbound.sim.data.ObjectSpace;
import io.sfinbound.sim.data.SimRecord;
import io.sfinbound.sim.schema.FieldDef;
import io.sfinbound.sim.schema.FieldType;
import io.sfinbound.sim.schema.ObjectDef;

/** Data changes of the admin API: which records to change, and field values converted to the field's type. */
@ApplicationScoped
public class AdminService {

    /** Which records a count selects. */
    public enum Pick { OLDEST, NEWEST, RANDOM }

    private final DataStore store;

    public AdminService(DataStore store) {
        this.store = store;
    }

    public ObjectDef object(String name) {
        return store.catalog().object(name).orElseThrow(() -> ProblemException.notFound("object " + name));
    }

    /** The indexes of the given ids, or of {@code count} live records picked as asked. */
    public List<Long> select(ObjectDef o, List<String> ids, Integer count, Pick pick) {
        List<Long> out = new ArrayList<>();
        if (ids != null && !ids.isEmpty()) {
            for (String id : ids) {
                if (id == null || !Ids.prefix(id).equals(o.keyPrefix()) || Ids.index(id).isEmpty()) {
                    throw ProblemException.badRequest("ids", "not an id of " + o.name() + ": " + id);
                }
                out.add(Ids.index(id).get());
            }
            return out;
        }
        if (count == null || count < 1) {
            throw ProblemException.badRequest("count", "give ids or a positive count");
        }
        ObjectSpace space = store.space(o.name());
        switch (pick == null ? Pick.OLDEST : pick) {
            case OLDEST -> {
                Iterator<SimRecord> it = store.scanByStamp(o, null, null, null, false);
                while (out.size() < count && it.hasNext()) {
                    out.add(it.next().index());
                }
            }
            case NEWEST -> {
                for (long i = space.baseSize() - 1; i >= 0 && out.size() < count; i--) {
                    if (space.baseExists(i) && store.record(o, i).filter(r -> !r.deleted()).isPresent()) {
                        out.add(i);
                    }
                }
            }
            case RANDOM -> {
                Set<Long> chosen = new LinkedHashSet<>();
                long size = space.baseSize();
                for (long k = 0; chosen.size() < Math.min(count, size) && k < count * 50L; k++) {
                    long i = Math.floorMod(Hash.of(store.seed(), k, count, 99), size);
                    if (space.baseExists(i) && store.record(o, i).filter(r -> !r.deleted()).isPresent()) {
                        chosen.add(i);
                    }
                }
                out.addAll(chosen);
            }
        }
        return out;
    }

    /** Field values from JSON, converted to the fields' types. */
    public Map<String, Object> values(ObjectDef o, Map<String, Object> json) {
        return values(o, json, false);
    }

    /**
     * Field values from JSON. Normally converted to the fields' types and checked (length, number, date); with
     * {@code raw}, kept exactly as given, whatever the field's type: a JSON string stays a string (an invalid date in a
     * date field), a number a number (in a text field), no length limit (a Body over 1 MB). That plants poison records
     * no real org would produce, for the connector's dead-letter tests.
     */
    public Map<String, Object> values(ObjectDef o, Map<String, Object> json, boolean raw) {
        Map<String, Object> out = new LinkedHashMap<>();
        if (json == null) {
            return out;
        }
        for (Map.Entry<String, Object> e : json.entrySet()) {
            FieldDef f = o.field(e.getKey()).orElseThrow(() -> ProblemException.badRequest("fields." + e.getKey(), "no such field on " + o.name()));
            if (List.of("Id", "IsDeleted", "SystemModstamp", "LastModifiedDate", "CreatedDate").contains(f.name())) {
                throw ProblemException.badRequest("fields." + f.name(), "system field; use the timestamp or delete operations");
            }
            out.put(f.name(), raw ? rawValue(f, e.getValue()) : convert(f, e.getValue()));
        }
        return out;
    }

    private static Object rawValue(FieldDef f, Object v) {
        if (v == null || v instanceof String || v instanceof Boolean || v instanceof Number) {
            return v;
        }
        throw ProblemException.badRequest("fields." + f.name(), "a raw value is a JSON string, number, boolean or null");
    }

    private static Object convert(FieldDef f, Object v) {
        if (v == null) {
            return null;
        }
        String field = "fields." + f.name();
        try {
            return switch (f.type()) {
                case BOOLEAN -> v instanceof Boolean b ? b : Boolean.parseBoolean(v.toString());
                case INT -> v instanceof Number n ? n.intValue() : Integer.parseInt(v.toString());
                case DOUBLE, CURRENCY, PERCENT -> v instanceof Number n ? n.doubleValue() : new BigDecimal(v.toString()).doubleValue();
                case DATE -> LocalDate.parse(v.toString());
                case DATETIME -> instant(v.toString());
                default -> {
                    String s = v.toString();
                    if (f.type() != FieldType.TEXTAREA && s.length() > f.length() || s.length() > f.length()) {
                        throw ProblemException.badRequest(field, "longer than " + f.length() + " characters");
                    }
                    yield s;
                }
            };
        } catch (NumberFormatException | DateTimeParseException e) {
            throw ProblemException.badRequest(field, "not a valid " + f.type().describeName() + ": " + v);
        }
    }

    /** An instant from ISO-8601 with a zone ({@code Z} or an offset). */
    public static Instant instant(String s) {
        try {
            return OffsetDateTime.parse(s).toInstant();
        } catch (DateTimeParseException e) {
            return Instant.parse(s);
        }
    }

    /** Now, to the second (Salesforce's precision). */
    public static Instant now() {
        return Instant.now().truncatedTo(ChronoUnit.SECONDS);
    }

    /** A short description of changed records. */
    public static List<Map<String, Object>> describe(List<SimRecord> records) {
        List<Map<String, Object>> out = new ArrayList<>();
        for (SimRecord r : records) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("id", r.id());
            m.put("systemModstamp", r.stamp().toString());
            m.put("createdDate", r.created().toString());
            m.put("isDeleted", r.deleted());
            out.add(m);
        }
        return out;
    }
}
