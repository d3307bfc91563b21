package io.sfinbound.common.record;

/** Run event types. */
public enum RunEventType {
    /** The extractor started the run. */
    STARTED,
    /** Counters of a stage so far (absolute values, safe to apply twice). */
    PROGRESS,
    /** The extractor published every record of the run; {@code counters.extracted} is final and the watermark is the new one. */
    EXTRACTION_COMPLETED,
    /** The run failed; the message says why; the watermark does not move. */
    FAILED,
    /** The run was stopped for API quota and will be retried later. */
    DEFERRED,
    /** The run was terminated by a user. */
    CANCELLED
}
