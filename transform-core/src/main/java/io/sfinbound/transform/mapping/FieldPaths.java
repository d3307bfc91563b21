package io.sfinbound.transform.mapping;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.NullNode;

/**
 * Case-sensitive field paths over a normalized record: {@code Status}, or relationship paths such as
 * {@code Owner.Name} (a null parent gives null). A field that is not in the record is an error whose message
 * suggests the right spelling when only the case differs. Plain Java, reusable by config-api's job validation.
 */
public final class FieldPaths {

    private FieldPaths() {
    }

    /** Outcome of resolving a path. */
    public sealed interface Resolution {
    }

    /** The path resolved; the value may be JSON null. */
    public record Found(JsonNode value) implements Resolution {
    }

    /**
     * The path does not exist.
     *
     * @param segment    the first missing segment
     * @param suggestion the right spelling of the whole path when only the case differs
     */
    public record Missing(String segment, Optional<String> suggestion) implements Resolution {

        /** A human readable reason. */
        public String describe(String path) {
            return "field '" + path + "' is not in the record (field names are case-sensitive)"
                    + suggestion.map(s -> "; did you mean '" + s + "'?").orElse("");
        }
    }

    /** Resolves a dotted path. */
    public static Resolution resolve(JsonNode record, String path) {
        String[] segments = path.split("\\.", -1);
        JsonNode current = record;
        List<String> rightSpelling = new ArrayList<>();
        boolean caseDiffers = false;
        for (String segment : segments) {
            if (current == null || current.isNull()) {
                return new Found(NullNode.getInstance());
            }
            if (!current.isObject()) {
                return new Missing(segment, Optional.empty());
            }
            JsonNode next = current.get(segment);
            if (next == null) {
                String fixed = caseInsensitiveName(current, segment);
                if (fixed == null) {
                    return new Missing(segment, Optional.empty());
                }
                caseDiffers = true;
                rightSpelling.add(fixed);
                current = current.get(fixed);
                continue;
            }
            rightSpelling.add(segment);
            current = next;
        }
        if (caseDiffers) {
            String suggestion = String.join(".", rightSpelling);
            return new Missing(path, Optional.of(suggestion));
        }
        return new Found(current == null ? NullNode.getInstance() : current);
    }

    private static String caseInsensitiveName(JsonNode object, String name) {
        Iterator<String> names = object.fieldNames();
        String lower = name.toLowerCase(Locale.ROOT);
        while (names.hasNext()) {
            String n = names.next();
            if (n.toLowerCase(Locale.ROOT).equals(lower)) {
                return n;
            }
        }
        return null;
    }

    /**
     * Every scalar leaf of a record as a dotted path, in record order: nested parent objects are flattened
     * ({@code Owner.Name}); child subqueries (objects with {@code records}) and arrays are skipped.
     */
    public static void leaves(JsonNode record, String prefix, Map<String, JsonNode> out) {
        Iterator<Map.Entry<String, JsonNode>> fields = record.fields();
        while (fields.hasNext()) {
            Map.Entry<String, JsonNode> f = fields.next();
            String path = prefix.isEmpty() ? f.getKey() : prefix + "." + f.getKey();
            JsonNode v = f.getValue();
            if (v.isObject()) {
                if (!v.has("records")) {
                    leaves(v, path, out);
                }
            } else if (!v.isArray()) {
                out.put(path, v);
            }
        }
    }
}
