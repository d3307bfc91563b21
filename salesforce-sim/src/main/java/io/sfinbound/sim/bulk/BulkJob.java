package io.sfinbound.sim.bulk;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import io.sfinbound.sim.auth.Directory;
import io.sfinbound.sim.query.Execution;

/** One Bulk API 2.0 query job: its query, its state over time, and where each results page starts. */
public final class BulkJob {

    /** Job states of Bulk API 2.0 query jobs. */
    public enum State { UploadComplete, InProgress, JobComplete, Failed, Aborted }

    final String id;
    final String operation;
    final String object;
    final Directory.User owner;
    final Instant created;
    final String apiVersion;
    final String columnDelimiter;
    final String lineEnding;
    final Execution execution;
    final Duration processing;
    final Map<Long, Execution.Resume> starts = new ConcurrentHashMap<>();
    private State terminal;
    private String errorMessage;
    private boolean stalled;
    private String failWhenDone;
    private Instant finished;
    private Long records;

    BulkJob(String id, String operation, String object, Directory.User owner, Instant created, String apiVersion,
            String columnDelimiter, String lineEnding, Execution execution, Duration processing) {
        this.id = id;
        this.operation = operation;
        this.object = object;
        this.owner = owner;
        this.created = created;
        this.apiVersion = apiVersion;
        this.columnDelimiter = columnDelimiter;
        this.lineEnding = lineEnding;
        this.execution = execution;
        this.processing = processing;
    }

    /** The state now: UploadComplete for the first half of the processing time, InProgress for the second. */
    synchronized State state(Instant now) {
        if (terminal != null) {
            return terminal;
        }
        Duration age = Duration.between(created, now);
        if (stalled || age.compareTo(processing) < 0) {
            return age.compareTo(processing.dividedBy(2)) < 0 ? State.UploadComplete : State.InProgress;
        }
        if (failWhenDone != null) {
            fail(failWhenDone, now);
            return terminal;
        }
        // the job "runs" when its time is up: counting the result is the work
        records = execution.totalSize();
        terminal = State.JobComplete;
        finished = now;
        return terminal;
    }

    synchronized void fail(String message, Instant now) {
        terminal = State.Failed;
        errorMessage = message;
        finished = now;
    }

    /** Fails the job when its processing time is up, as a job that breaks while running. */
    synchronized void failWhenDone(String message) {
        failWhenDone = message;
    }

    synchronized boolean abort(Instant now) {
        State s = state(now);
        if (s == State.UploadComplete || s == State.InProgress) {
            terminal = State.Aborted;
            finished = now;
            return true;
        }
        return false;
    }

    synchronized void stall(boolean on) {
        stalled = on;
    }

    synchronized String errorMessage() {
        return errorMessage;
    }

    synchronized long recordsProcessed() {
        return records == null ? 0 : records;
    }

    synchronized Instant modified() {
        return finished == null ? created : finished;
    }

    synchronized long processingMillis() {
        return finished == null ? 0 : Duration.between(created, finished).toMillis();
    }
}
