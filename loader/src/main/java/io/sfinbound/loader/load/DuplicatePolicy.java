package io.sfinbound.loader.load;

import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.sfinbound.common.job.DuplicateMode;
import io.sfinbound.common.record.LoadOutcome;

/**
 * What the loader does with an incoming document given the stored one with the same natural id and the job's duplicate
 * mode. Documents are compared as JSON trees of {@link io.sfinbound.common.record.XmdDocument}, so key order never
 * matters. An incoming document whose content equals the stored one is UNCHANGED in every mode.
 */
public final class DuplicatePolicy {

    private DuplicatePolicy() {
    }

    /**
     * A decision.
     *
     * @param outcome the outcome
     * @param body    the document to write for LOADED and UPDATED; {@code null} otherwise
     * @param reason  why, for SKIPPED_DUPLICATE
     */
    public record Decision(LoadOutcome outcome, ObjectNode body, String reason) {
    }

    /**
     * Decides.
     *
     * @param mode     the job's duplicate mode ({@code null} means SKIP, XM Discover's safe default)
     * @param stored   the stored document, {@code null} when none
     * @param incoming the incoming document
     */
    public static Decision decide(DuplicateMode mode, ObjectNode stored, ObjectNode incoming) {
        if (stored == null) {
            return new Decision(LoadOutcome.LOADED, incoming, null);
        }
        DuplicateMode m = mode == null ? DuplicateMode.SKIP : mode;
        ObjectNode candidate = m == DuplicateMode.UPDATE ? merge(stored, incoming) : incoming;
        if (candidate.equals(stored)) {
            return new Decision(LoadOutcome.UNCHANGED, null, null);
        }
        if (m == DuplicateMode.SKIP) {
            return new Decision(LoadOutcome.SKIPPED_DUPLICATE, null,
                    "a document with this natural id exists and the job's duplicate mode is SKIP");
        }
        return new Decision(LoadOutcome.UPDATED, candidate, null);
    }

    /**
     * Update-merge: attributes and verbatims present in the incoming document overwrite the stored ones of the same
     * name, the others stay; any other non-null incoming field replaces the stored one.
     */
    static ObjectNode merge(ObjectNode stored, ObjectNode incoming) {
        ObjectNode merged = stored.deepCopy();
        Iterator<Map.Entry<String, JsonNode>> fields = incoming.fields();
        while (fields.hasNext()) {
            Map.Entry<String, JsonNode> f = fields.next();
            JsonNode value = f.getValue();
            if (value == null || value.isNull()) {
                continue;
            }
            JsonNode old = merged.get(f.getKey());
            if ("attributes".equals(f.getKey()) && value.isObject() && old != null && old.isObject()) {
                ((ObjectNode) old).setAll((ObjectNode) value.deepCopy());
            } else if ("verbatims".equals(f.getKey()) && value.isArray() && old != null && old.isArray()) {
                merged.set(f.getKey(), mergeByName((ArrayNode) old, (ArrayNode) value));
            } else {
                merged.set(f.getKey(), value.deepCopy());
            }
        }
        return merged;
    }

    private static ArrayNode mergeByName(ArrayNode old, ArrayNode incoming) {
        Map<String, JsonNode> byName = new LinkedHashMap<>();
        int anonymous = 0;
        for (JsonNode v : old) {
            byName.put(v.path("name").asText("#" + anonymous++), v);
        }
        for (JsonNode v : incoming) {
            byName.put(v.path("name").asText("#" + anonymous++), v.deepCopy());
        }
        ArrayNode result = old.arrayNode();
        byName.values().forEach(result::add);
        return result;
    }
}
