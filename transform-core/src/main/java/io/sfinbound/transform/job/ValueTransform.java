package io.sfinbound.transform.job;

import com.fasterxml.jackson.databind.JsonNode;

/** A compiled transformation of one mapped value (lookup, regex or custom expression). */
@FunctionalInterface
public interface ValueTransform {

    /** No transformation. */
    ValueTransform IDENTITY = (value, record) -> value;

    /**
     * Transforms a value.
     *
     * @param value  the value (JSON null when empty)
     * @param record the whole normalized record, for expressions that read other fields
     * @return the new value
     * @throws TransformException when the value cannot be transformed
     */
    JsonNode apply(JsonNode value, JsonNode record);
}
