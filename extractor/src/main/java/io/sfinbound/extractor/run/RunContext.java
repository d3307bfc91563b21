package io.sfinbound.extractor.run;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

import com.fasterxml.jackson.databind.node.ObjectNode;

import io.sfinbound.common.record.ExtractedRecord;
import io.sfinbound.common.record.RunRequest;
import io.sfinbound.extractor.publish.Lineage;
import io.sfinbound.extractor.publish.RecordPublisher;
import io.sfinbound.extractor.query.Keyset;
import io.sfinbound.extractor.salesforce.ApiUsage;
import io.sfinbound.extractor.salesforce.SalesforceSession;

/**
 * The state of one running run: its request, cancellation, counters, the highest keyset position published, and the
 * sink of its records. Used by the run's own thread; {@link #cancel()} comes from the consumer thread.
 */
public final class RunContext {

    private final RunRequest request;
    private final Clock clock;
    private final AtomicLong extracted = new AtomicLong();
    private final AtomicLong pages = new AtomicLong();
    private final AtomicLong skippedOutOfOrder = new AtomicLong();
    private volatile boolean cancelRequested;
    private volatile boolean shutdown;
    private volatile Thread thread;
    private long lastSequence;
    private Lineage lineage;
    private RecordPublisher.Sink sink;
    private SalesforceSession session;
    private Keyset maxPosition;
    private Instant lastProgress;
    private ProgressListener progressListener;
    private Duration progressInterval = Duration.ofSeconds(5);
    private final java.util.List<Runnable> acks = new java.util.concurrent.CopyOnWriteArrayList<>();

    /** Called now and then while records flow, to publish PROGRESS. */
    @FunctionalInterface
    public interface ProgressListener {
        void progress(RunContext ctx);
    }

    public RunContext(RunRequest request, Clock clock) {
        this.request = request;
        this.clock = clock;
        this.lastProgress = clock.instant();
    }

    public RunRequest request() {
        return request;
    }

    public String runId() {
        return request.runId();
    }

    public Clock clock() {
        return clock;
    }

    /** Registers an acknowledgement of a delivery of the run's request, run when the run published its final event. */
    void onEnd(Runnable ack) {
        acks.add(ack);
    }

    void acknowledgeAll() {
        acks.forEach(Runnable::run);
    }

    /** Asks the run to stop at once (user cancel). */
    public void cancel() {
        cancelRequested = true;
        Thread t = thread;
        if (t != null) {
            t.interrupt();
        }
    }

    /** Stops the run because the extractor is shutting down: no final event, the request is redelivered. */
    void shutdown() {
        shutdown = true;
        cancel();
    }

    public boolean isCancelled() {
        return cancelRequested;
    }

    boolean isShutdown() {
        return shutdown;
    }

    void attach(Thread t) {
        this.thread = t;
    }

    /** Throws {@link RunCancelledException} when a cancel arrived. */
    public void checkCancelled() {
        if (cancelRequested) {
            throw new RunCancelledException("run cancelled");
        }
    }

    /** Sequence numbers increase per run and stage, across restarts of the extractor too (clock-based). */
    public synchronized long nextSequence() {
        lastSequence = Math.max(lastSequence + 1, clock.millis());
        return lastSequence;
    }

    void open(Lineage lineage, RecordPublisher.Sink sink, SalesforceSession session, ProgressListener listener, Duration interval) {
        this.lineage = lineage;
        this.sink = sink;
        this.session = session;
        this.progressListener = listener;
        this.progressInterval = interval;
    }

    public Lineage lineage() {
        return lineage;
    }

    public RecordPublisher.Sink sink() {
        return sink;
    }

    public SalesforceSession session() {
        return session;
    }

    /**
     * Publishes one record at keyset {@code position}. Records at or below the highest position already published are
     * skipped (a re-query after an expired locator, for instance, can return them again), so {@code extracted}
     * counts distinct records.
     *
     * @return whether it was published
     */
    public boolean emit(String objectType, String recordId, ObjectNode data, Keyset position, String api) {
        checkCancelled();
        if (position != null && maxPosition != null && position.compareTo(maxPosition) <= 0) {
            skippedOutOfOrder.incrementAndGet();
            return false;
        }
        sink.publish(new ExtractedRecord(request.runId(), request.jobId(), request.jobVersion(), request.projectId(),
                objectType, recordId, api, clock.instant(), data));
        extracted.incrementAndGet();
        if (position != null) {
            maxPosition = position;
        }
        maybeProgress();
        return true;
    }

    /**
     * Publishes one record of an unordered stream (Bulk results): no skipping, the maximum position is tracked.
     */
    public void emitUnordered(String objectType, String recordId, ObjectNode data, Keyset position, String api) {
        checkCancelled();
        sink.publish(new ExtractedRecord(request.runId(), request.jobId(), request.jobVersion(), request.projectId(),
                objectType, recordId, api, clock.instant(), data));
        extracted.incrementAndGet();
        maxPosition = Keyset.max(maxPosition, position);
        maybeProgress();
    }

    /** Counts a page (REST page, Bulk result page). */
    public void pageDone() {
        pages.incrementAndGet();
        maybeProgress();
    }

    private void maybeProgress() {
        if (progressListener == null) {
            return;
        }
        Instant now = clock.instant();
        if (Duration.between(lastProgress, now).compareTo(progressInterval) >= 0) {
            lastProgress = now;
            progressListener.progress(this);
        }
    }

    /** The highest (date, Id) published so far, or null. */
    public Keyset maxPosition() {
        return maxPosition;
    }

    public long extracted() {
        return extracted.get();
    }

    /** Absolute counters of the run so far. */
    public Map<String, Long> counters(ApiUsage usage) {
        Map<String, Long> c = new LinkedHashMap<>();
        c.put("extracted", extracted.get());
        c.put("pages", pages.get());
        c.put("apiCalls", session == null ? 0L : session.apiCalls());
        if (skippedOutOfOrder.get() > 0) {
            c.put("skippedRepeated", skippedOutOfOrder.get());
        }
        if (usage != null) {
            c.put("quotaUsed", usage.used());
            c.put("quotaMax", usage.max());
            c.put("quotaRemaining", usage.remaining());
        }
        return c;
    }
}
