package io.sfinbound.extractor.salesforce;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * The parts of an sObject describe the extractor needs: field types (to know whether the date field is a date, and to
 * type Bulk CSV values) and relationship names (to follow {@code Owner.Name} paths).
 *
 * @param name   the sObject name
 * @param fields fields by lower-case name
 * @param relationships reference fields by lower-case relationship name
 */
public record SObjectDescribe(String name, Map<String, Field> fields, Map<String, Field> relationships) {

    /**
     * @param name             API name
     * @param type             describe type ({@code id}, {@code string}, {@code datetime}, {@code double}...)
     * @param relationshipName relationship name of a reference field, else null
     * @param referenceTo      objects a reference field points to
     */
    public record Field(String name, String type, String relationshipName, List<String> referenceTo) {
    }

    /** Reads a describe response. */
    public static SObjectDescribe parse(JsonNode describe) {
        Map<String, Field> fields = new HashMap<>();
        Map<String, Field> relationships = new HashMap<>();
        for (JsonNode f : describe.path("fields")) {
            List<String> refs = new ArrayList<>();
            f.path("referenceTo").forEach(r -> refs.add(r.asText()));
            JsonNode rel = f.get("relationshipName");
            Field field = new Field(f.path("name").asText(), f.path("type").asText("string").toLowerCase(Locale.ROOT),
                    rel == null || rel.isNull() ? null : rel.asText(), List.copyOf(refs));
            fields.put(field.name().toLowerCase(Locale.ROOT), field);
            if (field.relationshipName() != null) {
                relationships.put(field.relationshipName().toLowerCase(Locale.ROOT), field);
            }
        }
        return new SObjectDescribe(describe.path("name").asText(), Map.copyOf(fields), Map.copyOf(relationships));
    }

    /** The field of this object, or null. */
    public Field field(String name) {
        return fields.get(name.toLowerCase(Locale.ROOT));
    }

    /** The reference field of a relationship name, or null. */
    public Field relationship(String relationshipName) {
        return relationships.get(relationshipName.toLowerCase(Locale.ROOT));
    }
}
