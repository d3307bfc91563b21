package io.sfinbound.configapi.run;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.sfinbound.common.record.RunAction;
import io.sfinbound.common.record.RunRequest;
import io.sfinbound.common.record.RunTrigger;
import io.sfinbound.configapi.support.Api;
import io.sfinbound.configapi.support.GreenMailTestResource;
import io.sfinbound.configapi.support.KafkaTopics;
import io.sfinbound.testing.KafkaTestResource;
import io.sfinbound.testing.PostgresTestResource;
import io.sfinbound.testing.SimulatorTestResource;
import org.junit.jupiter.api.Test;

/**
 * The run request outbox: a run committed without its request being published (the process died between the commit
 * and the publish, or Kafka was down) is published by the next relay, exactly once per run even with two relays (two
 * instances) at the same moment; a START of a run that is already over is dropped.
 */
@QuarkusTest
@WithTestResource(value = KafkaTestResource.class)
@WithTestResource(value = PostgresTestResource.class, initArgs = @ResourceArg(name = "database", value = "sfinbound_config_test"))
@WithTestResource(value = GreenMailTestResource.class)
@WithTestResource(value = SimulatorTestResource.class)
class RunRequestOutboxTest {

    @Inject
    RunService runs;

    @Inject
    OutboxRelay relay;

    @Inject
    EntityManager em;

    @Test
    void shouldPublishRequestsCommittedBeforeACrashExactlyOnceWithTwoRelays() throws Exception {
        long connectionId = Api.createConnection(Api.passwordConnection("https://acme.my.salesforce.com"));
        long projectId = Api.createProject("outbox");
        List<String> runIds = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            long jobId = Api.createJob(Api.job(projectId, connectionId, "outbox " + i));
            // the scheduler's transaction, committed; the process "dies" before it relays
            runIds.add(QuarkusTransaction.requiringNew().call(() -> runs.queue(jobId, RunTrigger.MANUAL, "test")).id);
        }
        assertThat(unsent(runIds)).isEqualTo(5);

        // "restart": two instances relay at the same moment
        CyclicBarrier start = new CyclicBarrier(2);
        Callable<Integer> instance = () -> {
            start.await();
            return relay.relayPending();
        };
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            Future<Integer> a = pool.submit(instance);
            Future<Integer> b = pool.submit(instance);
            assertThat(a.get() + b.get()).isGreaterThanOrEqualTo(5);
        } finally {
            pool.shutdownNow();
        }
        assertThat(unsent(runIds)).isZero();
        relay.relayPending(); // a later tick publishes nothing again

        List<RunRequest> onTopic = KafkaTopics.allRunRequests();
        for (String runId : runIds) {
            assertThat(onTopic).as("requests of run %s", runId)
                    .filteredOn(r -> r.runId().equals(runId) && r.action() == RunAction.START).hasSize(1);
        }
    }

    @Test
    void shouldDropStartOfRunThatEndedBeforeItWasPublished() {
        long connectionId = Api.createConnection(Api.passwordConnection("https://acme.my.salesforce.com"));
        long jobId = Api.createJob(Api.job(Api.createProject("outbox late"), connectionId, "late"));
        String runId = QuarkusTransaction.requiringNew().call(() -> runs.queue(jobId, RunTrigger.MANUAL, "test")).id;
        runs.failRun(runId, "no progress from the pipeline in time; the run was abandoned"); // the queued-run sweep
        relay.relayPending();
        assertThat(unsent(List.of(runId))).isZero();
        assertThat(KafkaTopics.allRunRequests()).noneMatch(r -> r.runId().equals(runId));
    }

    private long unsent(List<String> runIds) {
        return QuarkusTransaction.requiringNew().call(() -> ((Number) em.createNativeQuery(
                "SELECT count(*) FROM run_request_outbox WHERE sent_at IS NULL AND run_id = ANY(?1)")
                .setParameter(1, runIds.toArray(new String[0])).getSingleResult()).longValue());
    }
}
