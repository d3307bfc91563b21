package io.sfinbound.common.job;

import io.sfinbound.common.record.AttributeType;

/**
 * Maps one source field (or a hardcoded value) to a document attribute.
 *
 * @param sourceField     field path as in the sample data, case-sensitive, relationship paths allowed ({@code Owner.Name});
 *                        {@code null} with a hardcoded value
 * @param targetAttribute attribute name in the document
 * @param dataType        text, number, date, verbatim or do not map
 * @param hardcodedValue  a constant value instead of a source field
 * @param transformation  optional transformation
 */
public record FieldMapping(
        String sourceField,
        String targetAttribute,
        AttributeType dataType,
        String hardcodedValue,
        Transformation transformation) {
}
