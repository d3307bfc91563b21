package io.sfinbound.common.job;

/** Transformation kinds, one per field. */
public enum TransformationType {
    /** Replace the value from a lookup table. */
    LOOKUP,
    /** Replace with a regex and a replacement. */
    REGEX,
    /** A custom expression over the record's fields. */
    EXPRESSION
}
