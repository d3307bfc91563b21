package io.sfinbound.configapi.run;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;

import io.quarkus.logging.Log;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
import io.sfinbound.common.kafka.Json;
import io.sfinbound.common.record.RunAction;
import io.sfinbound.common.record.RunRequest;
import io.sfinbound.configapi.config.ConfigApiConfig;

/**
 * Publishes the pending rows of {@code run_request_outbox} and marks each one sent after the broker acknowledged it.
 * Rows are claimed with {@code FOR UPDATE SKIP LOCKED}, so several config-api instances (and the tick and the
 * immediate relay after an API call in one instance) never publish the same row at once. Delivery is at least once:
 * a crash after the ack and before the commit publishes the row again; the extractor keys its work by run id.
 * A START whose run is already over (failed by the queued-run sweep, cancelled) is dropped, not published.
 */
@ApplicationScoped
public class OutboxRelay {

    private static final Duration ACK_TIMEOUT = Duration.ofSeconds(30);

    private final EntityManager em;
    private final RunRequestPublisher publisher;
    private final ConfigApiConfig config;

    public OutboxRelay(EntityManager em, RunRequestPublisher publisher, ConfigApiConfig config) {
        this.em = em;
        this.publisher = publisher;
        this.config = config;
    }

    @Scheduled(identity = "run-request-outbox", every = "${sfinbound.outbox.every:2s}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void tick() {
        relayPending();
    }

    /**
     * Publishes every pending request not locked by another relay, batch by batch; never throws (a failed publish
     * stays pending for the next tick).
     *
     * @return the requests published by this call
     */
    public int relayPending() {
        int published = 0;
        try {
            while (true) {
                BatchResult r = QuarkusTransaction.requiringNew().timeout((int) ACK_TIMEOUT.toSeconds() * 3).call(this::relayBatch);
                published += r.published();
                if (r.claimed() < config.outbox().batchSize() || r.failed() > 0) {
                    return published;
                }
            }
        } catch (RuntimeException e) {
            Log.errorf("run request outbox: relay failed, retried on the next tick: %s", e.toString());
            return published;
        }
    }

    private record BatchResult(int claimed, int published, int failed) {
    }

    private record Pending(long id, String runId, RunAction action, String runStatus, String payload) {
    }

    @SuppressWarnings("unchecked")
    private BatchResult relayBatch() {
        List<Object[]> rows = em.createNativeQuery("SELECT o.id, o.run_id, o.action, r.status, o.payload FROM run_request_outbox o "
                + "JOIN run r ON r.id = o.run_id WHERE o.sent_at IS NULL ORDER BY o.id LIMIT ?1 FOR UPDATE OF o SKIP LOCKED")
                .setParameter(1, config.outbox().batchSize())
                .getResultList();
        List<Pending> pending = rows.stream().map(r -> new Pending(((Number) r[0]).longValue(), (String) r[1],
                RunAction.valueOf((String) r[2]), (String) r[3], (String) r[4])).toList();
        List<CompletableFuture<Void>> acks = new ArrayList<>();
        List<Pending> sending = new ArrayList<>();
        for (Pending p : pending) {
            if (p.action() == RunAction.START && RunStatus.valueOf(p.runStatus()).terminal()) {
                mark(p.id(), "not published: the run is already " + p.runStatus());
                continue;
            }
            RunRequest request;
            try {
                request = Json.mapper().readValue(p.payload(), RunRequest.class);
            } catch (Exception e) {
                mark(p.id(), "not published: unreadable payload " + e.getMessage());
                continue;
            }
            sending.add(p);
            acks.add(publisher.publishAsync(request));
        }
        int published = 0;
        int failed = 0;
        long deadline = System.nanoTime() + ACK_TIMEOUT.toNanos();
        for (int i = 0; i < sending.size(); i++) {
            Pending p = sending.get(i);
            try {
                acks.get(i).get(Math.max(1, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
                mark(p.id(), null);
                published++;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                failed++;
                attempt(p.id(), "interrupted");
            } catch (ExecutionException | TimeoutException e) {
                failed++;
                Throwable cause = e instanceof ExecutionException && e.getCause() != null ? e.getCause() : e;
                attempt(p.id(), cause.toString());
                Log.warnf("run request %s of run %s not acknowledged by Kafka; retried later: %s", p.action(), p.runId(), cause.toString());
            }
        }
        return new BatchResult(pending.size(), published, failed);
    }

    private void mark(long id, String note) {
        em.createNativeQuery("UPDATE run_request_outbox SET sent_at = ?1, attempts = attempts + 1, last_error = ?2 WHERE id = ?3")
                .setParameter(1, Instant.now())
                .setParameter(2, note)
                .setParameter(3, id)
                .executeUpdate();
    }

    private void attempt(long id, String error) {
        em.createNativeQuery("UPDATE run_request_outbox SET attempts = attempts + 1, last_error = ?1 WHERE id = ?2")
                .setParameter(1, error.length() > 1000 ? error.substring(0, 1000) : error)
                .setParameter(2, id)
                .executeUpdate();
    }

    /** Requests not published yet (health and tests). */
    public long pendingCount() {
        return QuarkusTransaction.requiringNew().call(() -> ((Number) em.createNativeQuery(
                "SELECT count(*) FROM run_request_outbox WHERE sent_at IS NULL").getSingleResult()).longValue());
    }
}
