package io.sfinbound.common.record;

/** Outcome of one document at the loader. */
public enum LoadOutcome {
    /** A new document was stored. */
    LOADED,
    /** An existing document was replaced or merged. */
    UPDATED,
    /** The stored document has the same content. */
    UNCHANGED,
    /** The job's duplicate mode is skip and a document with the natural id exists. */
    SKIPPED_DUPLICATE,
    /** The transformer's connector filter dropped it. */
    FILTERED,
    /** It could not be loaded or mapped; the reason says why and the DLQ holds it. */
    FAILED
}
