package io.sfinbound.sim.schema;

/**
 * A parent-to-child relationship of an object ({@code LiveChatTranscript.LiveChatTranscriptEvents}).
 *
 * @param childSObject the child object
 * @param field the child's reference field to the parent
 * @param relationshipName the name used in sub-queries
 */
public record ChildRelationship(String childSObject, String field, String relationshipName) {
}
