package io.sfinbound.common.record;

/** Data types of a mapped attribute, as in the XM Discover data mapping screen. */
public enum AttributeType {
    TEXT,
    NUMBER,
    DATE,
    VERBATIM,
    /** The field is read but not mapped. */
    DO_NOT_MAP
}
