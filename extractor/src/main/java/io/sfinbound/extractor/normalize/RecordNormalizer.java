package io.sfinbound.extractor.normalize;

import java.util.Iterator;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.sfinbound.extractor.query.Keyset;

/**
 * REST query records to normalized JSON ({@code ExtractedRecord.data}): the record without its {@code attributes}
 * objects (also inside parent relationships and child subqueries), datetimes in the REST form.
 */
public final class RecordNormalizer {

    private RecordNormalizer() {
    }

    /** A normalized copy of a REST record, without type canonicalization. */
    public static ObjectNode fromRest(JsonNode record) {
        return fromRest(record, null, "");
    }

    /** A normalized copy of a REST record, values brought to their describe type's form ({@link Values}). */
    public static ObjectNode fromRest(JsonNode record, FieldTypeResolver types) {
        return fromRest(record, types, "");
    }

    private static ObjectNode fromRest(JsonNode record, FieldTypeResolver types, String prefix) {
        ObjectNode out = JsonNodeFactory.instance.objectNode();
        Iterator<Map.Entry<String, JsonNode>> it = record.fields();
        while (it.hasNext()) {
            Map.Entry<String, JsonNode> e = it.next();
            if (e.getKey().equals("attributes")) {
                continue;
            }
            JsonNode v = e.getValue();
            if (v.isObject() && !(v.has("records") && v.has("totalSize"))) {
                out.set(e.getKey(), fromRest(v, types, prefix + e.getKey() + "."));
            } else if (v.isObject()) {
                out.set(e.getKey(), normalizeValue(v));
            } else {
                out.set(e.getKey(), types == null ? v : Values.canonical(types.typeOf(prefix + e.getKey()), v));
            }
        }
        return out;
    }

    private static JsonNode normalizeValue(JsonNode v) {
        if (v.isObject()) {
            if (v.has("records") && v.get("records").isArray() && v.has("totalSize")) {
                ObjectNode child = JsonNodeFactory.instance.objectNode();
                child.set("totalSize", v.get("totalSize"));
                child.set("done", v.get("done"));
                ArrayNode records = child.putArray("records");
                v.get("records").forEach(r -> records.add(fromRest(r)));
                return child;
            }
            return fromRest(v);
        }
        return v;
    }

    /** The record's Id. */
    public static String id(JsonNode record) {
        JsonNode id = record.get("Id");
        if (id == null || id.isNull()) {
            throw new IllegalArgumentException("record without Id: the job's SOQL must select Id");
        }
        return id.asText();
    }

    /** The record's (date field, Id) position, or null when the date field is null. */
    public static Keyset position(JsonNode record, String dateField) {
        JsonNode v = path(record, dateField);
        if (v == null || v.isNull() || v.asText().isEmpty()) {
            return null;
        }
        return new Keyset(SalesforceDates.parseInstant(v.asText()), id(record));
    }

    /** Value at a dotted path ({@code Owner.Name}), null when absent. */
    public static JsonNode path(JsonNode record, String dotted) {
        JsonNode cur = record;
        for (String part : dotted.split("\\.")) {
            if (cur == null || !cur.isObject()) {
                return null;
            }
            cur = get(cur, part);
        }
        return cur;
    }

    /** Case-insensitive field lookup, as SOQL field names are case-insensitive. */
    private static JsonNode get(JsonNode obj, String name) {
        JsonNode v = obj.get(name);
        if (v != null) {
            return v;
        }
        Iterator<String> names = obj.fieldNames();
        while (names.hasNext()) {
            String n = names.next();
            if (n.equalsIgnoreCase(name)) {
                return obj.get(n);
            }
        }
        return null;
    }
}
