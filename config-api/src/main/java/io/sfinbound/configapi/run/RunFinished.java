package io.sfinbound.configapi.run;

/**
 * A CDI event fired when a run reaches a terminal status; observers run after the transaction commits.
 *
 * @param runId   run
 * @param jobId   job
 * @param status  terminal status
 * @param message why, for failed, deferred and cancelled runs
 */
public record RunFinished(String runId, long jobId, RunStatus status, String message) {
}
