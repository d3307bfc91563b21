package io.sfinbound.common.record;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * A typed attribute value: TEXT as a JSON string, NUMBER as a JSON number, DATE as an ISO-8601 string.
 *
 * @param type  the attribute's data type
 * @param value the value, JSON null when empty
 */
public record AttributeValue(AttributeType type, JsonNode value) {
}
