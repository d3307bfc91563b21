package io.sfinbound.configapi.run;

/** Run statuses. */
public enum RunStatus {
    QUEUED,
    RUNNING,
    COMPLETED,
    COMPLETED_WITH_WARNINGS,
    FAILED,
    CANCELLED,
    DEFERRED;

    /** Whether the run is over. */
    public boolean terminal() {
        return this != QUEUED && this != RUNNING;
    }
}
