package io.sfinbound.configapi.job;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import jakarta.inject.Inject;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.sfinbound.common.record.RunTrigger;
import io.sfinbound.configapi.run.Run;
import io.sfinbound.configapi.run.RunStatus;
import io.sfinbound.configapi.support.Api;
import io.sfinbound.configapi.support.GreenMailTestResource;
import io.sfinbound.testing.KafkaTestResource;
import io.sfinbound.testing.PostgresTestResource;
import io.sfinbound.testing.SimulatorTestResource;
import org.junit.jupiter.api.Test;

/**
 * The scheduler tick. Two claimers run the tick at the same moment on the same database, as two config-api instances
 * would (each in its own transaction and connection): every due job must fire exactly once.
 */
@QuarkusTest
@WithTestResource(value = KafkaTestResource.class)
@WithTestResource(value = PostgresTestResource.class, initArgs = @ResourceArg(name = "database", value = "sfinbound_config_test"))
@WithTestResource(value = GreenMailTestResource.class)
@WithTestResource(value = SimulatorTestResource.class)
class JobSchedulerTest {

    @Inject
    JobScheduler scheduler;

    @Test
    void shouldFireEachDueJobExactlyOnceWithTwoConcurrentClaimers() throws Exception {
        long connectionId = Api.createConnection(Api.passwordConnection("https://acme.my.salesforce.com"));
        long projectId = Api.createProject("scheduled");
        List<Long> jobIds = new ArrayList<>();
        for (int i = 0; i < 30; i++) {
            Map<String, Object> body = Api.job(projectId, connectionId, "hourly " + i);
            body.put("schedule", Map.of("type", "HOURLY", "everyHours", 1, "startTime", "00:05", "timezone", "UTC",
                    "createWithoutPulling", true));
            jobIds.add(Api.createJob(body));
        }
        Instant now = Instant.now();
        Instant due = now.minus(2, ChronoUnit.MINUTES);
        QuarkusTransaction.requiringNew().run(() -> Job.update("nextRunAt = ?1 where id in ?2", due, jobIds));

        CyclicBarrier start = new CyclicBarrier(2);
        Callable<List<Run>> claimer = () -> {
            start.await();
            return scheduler.fireDue(now);
        };
        ExecutorService pool = Executors.newFixedThreadPool(2);
        List<Run> fired = new ArrayList<>();
        try {
            Future<List<Run>> a = pool.submit(claimer);
            Future<List<Run>> b = pool.submit(claimer);
            fired.addAll(a.get());
            fired.addAll(b.get());
        } finally {
            pool.shutdownNow();
        }
        Map<Long, Integer> perJob = new HashMap<>();
        fired.stream().filter(r -> jobIds.contains(r.jobId)).forEach(r -> perJob.merge(r.jobId, 1, Integer::sum));
        assertThat(perJob).hasSize(30).allSatisfy((job, count) -> assertThat(count).as("runs of job %d", job).isEqualTo(1));
        long stored = QuarkusTransaction.requiringNew().call(() -> Run.count("jobId in ?1 and trigger = ?2", jobIds, RunTrigger.SCHEDULE));
        assertThat(stored).isEqualTo(30);

        // each job's next run moved to the next hour on the start minute; a second tick at the same moment fires nothing
        List<Job> jobs = QuarkusTransaction.requiringNew().call(() -> Job.<Job>list("id in ?1", jobIds));
        assertThat(jobs).allSatisfy(j -> {
            assertThat(j.nextRunAt).isAfter(now);
            assertThat(j.nextRunAt.atZone(java.time.ZoneOffset.UTC).getMinute()).isEqualTo(5);
        });
        assertThat(scheduler.fireDue(now)).noneMatch(r -> jobIds.contains(r.jobId));
    }

    @Test
    void shouldSkipOccurrenceWhileRunIsActiveAndFailForgottenRuns() {
        long connectionId = Api.createConnection(Api.passwordConnection("https://acme.my.salesforce.com"));
        long projectId = Api.createProject("busy");
        Map<String, Object> body = Api.job(projectId, connectionId, "busy daily");
        body.put("schedule", Map.of("type", "DAILY", "startTime", "03:00", "timezone", "Europe/Paris", "createWithoutPulling", true));
        long jobId = Api.createJob(body);
        Api.admin().post("/api/jobs/" + jobId + "/runs").then().statusCode(202);
        Instant now = Instant.now();
        QuarkusTransaction.requiringNew().run(() -> Job.update("nextRunAt = ?1 where id = ?2", now.minusSeconds(60), jobId));
        assertThat(scheduler.fireDue(now)).noneMatch(r -> r.jobId == jobId);
        Job job = QuarkusTransaction.requiringNew().call(() -> Job.<Job>findById(jobId));
        assertThat(job.nextRunAt).isAfter(now);

        // the manual run never started: after the queued timeout it is failed and the job is free again
        assertThat(scheduler.failStaleRuns(now.plus(java.time.Duration.ofHours(1)))).isGreaterThanOrEqualTo(1);
        Api.admin().get("/api/jobs/" + jobId + "/runs").then().statusCode(200)
                .body("[0].status", org.hamcrest.Matchers.equalTo(RunStatus.FAILED.name()));
    }
}
