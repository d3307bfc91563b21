package io.sfinbound.configapi.run;

import java.time.Instant;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import com.fasterxml.jackson.core.JsonProcessingException;
import io.sfinbound.common.kafka.Json;
import io.sfinbound.common.record.RunRequest;

/**
 * Writes run requests to the {@code run_request_outbox} table in the caller's transaction, the one that queues or
 * cancels the run: the request exists exactly when the run row does. {@link OutboxRelay} publishes them.
 */
@ApplicationScoped
public class RunRequestOutbox {

    private final EntityManager em;

    public RunRequestOutbox(EntityManager em) {
        this.em = em;
    }

    /** Adds a request; must run inside the transaction that writes its run. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void add(RunRequest request) {
        String payload;
        try {
            payload = Json.mapper().writeValueAsString(request);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("run request of run " + request.runId() + " cannot be written", e);
        }
        em.createNativeQuery("INSERT INTO run_request_outbox (run_id, job_id, action, payload, created_at) VALUES (?1, ?2, ?3, ?4, ?5)")
                .setParameter(1, request.runId())
                .setParameter(2, request.jobId())
                .setParameter(3, request.action().name())
                .setParameter(4, payload)
                .setParameter(5, Instant.now())
                .executeUpdate();
    }
}
