package io.sfinbound.common.record;

/** What started a run. */
public enum RunTrigger {
    /** The job's incremental schedule. */
    SCHEDULE,
    /** A user asked to retrieve data now. */
    MANUAL,
    /** A one-time job, run right after it was saved. */
    ONE_TIME,
    /** A DEFERRED run (quota) retried. */
    RETRY
}
