package io.sfinbound.common.record;

/** What the transformer made of one extracted record. */
public enum DocumentKind {
    /** A document to load. */
    DOCUMENT,
    /** Dropped by the job's connector filter (the reason says which rule); counted, never silent. */
    FILTERED,
    /** Could not be mapped; the record went to {@code sfinbound.records.dlq}; counted. */
    DEAD_LETTERED
}
