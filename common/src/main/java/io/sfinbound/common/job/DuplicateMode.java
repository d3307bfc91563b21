package io.sfinbound.common.job;

/** What the loader does when a document with the same natural id exists in the project. */
public enum DuplicateMode {
    /** Keep the stored document. */
    SKIP,
    /** Overwrite it whole. */
    REPLACE,
    /** Merge: changed attributes overwrite, others stay. */
    UPDATE
}
