package io.sfinbound.configapi.job;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import io.restassured.RestAssured;
import io.sfinbound.common.record.RunAction;
import io.sfinbound.common.record.RunRequest;
import io.sfinbound.common.record.RunTrigger;
import io.sfinbound.configapi.support.Api;
import io.sfinbound.configapi.support.KafkaTopics;
import io.sfinbound.testing.EmbeddedKafka;
import io.sfinbound.testing.ServiceProcess;
import io.sfinbound.testing.TestPostgres;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Two packaged config-api processes on one database, both ticking every second: every due job fires exactly once,
 * counted as run requests on the topic per job (each job is due once here). A failsafe test because it needs the
 * packaged application twice.
 */
class TwoInstancesSchedulerIT {

    private static final String DATABASE = "sfinbound_config_two_instances";
    private static final List<ServiceProcess> INSTANCES = new ArrayList<>();

    @BeforeAll
    static void start() {
        for (int i = 1; i <= 2; i++) {
            // one after the other: the second finds the bootstrap admin key the first created
            INSTANCES.add(ServiceProcess.of("config-api").name("config-api-" + i)
                    .property("kafka.bootstrap.servers", EmbeddedKafka.bootstrapServers())
                    .env("KAFKA_BOOTSTRAP_SERVERS", EmbeddedKafka.bootstrapServers())
                    .env("QUARKUS_DATASOURCE_JDBC_URL", TestPostgres.jdbcUrl(DATABASE))
                    .env("QUARKUS_DATASOURCE_USERNAME", TestPostgres.user())
                    .env("QUARKUS_DATASOURCE_PASSWORD", TestPostgres.password())
                    .property("sfinbound.scheduler.every", "1s")
                    .property("sfinbound.outbox.every", "1s")
                    .property("sfinbound.transformer.url", "http://127.0.0.1:1")
                    .env("SFINBOUND_BOOTSTRAP_ADMIN_KEY", Api.ADMIN_KEY)
                    .env("SFINBOUND_SERVICE_KEY", Api.SERVICE_KEY)
                    .env("SFINBOUND_ENCRYPTION_KEYS", "it:AAECAwQFBgcICQoLDA0ODxAREhMUFRYXGBkaGxwdHh8=")
                    .start(Duration.ofSeconds(180)));
        }
        RestAssured.baseURI = "http://127.0.0.1";
        RestAssured.port = INSTANCES.get(0).port();
    }

    @AfterAll
    static void stop() {
        INSTANCES.forEach(ServiceProcess::close);
        RestAssured.reset();
    }

    @Test
    void twoInstancesFireEachDueJobExactlyOnce() throws Exception {
        long connectionId = Api.createConnection(Api.passwordConnection("https://acme.my.salesforce.com"));
        long projectId = Api.createProject("two instances");
        List<Long> jobIds = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            Map<String, Object> body = Api.job(projectId, connectionId, "hourly " + i);
            body.put("schedule", Map.of("type", "HOURLY", "everyHours", 1, "startTime", "00:05", "timezone", "UTC",
                    "createWithoutPulling", true));
            jobIds.add(Api.createJob(body));
        }
        // all due at once, while both instances tick
        try (Connection db = DriverManager.getConnection(TestPostgres.jdbcUrl(DATABASE), TestPostgres.user(), TestPostgres.password());
                PreparedStatement due = db.prepareStatement("UPDATE job SET next_run_at = now() - interval '1 minute' WHERE id = ANY(?)")) {
            due.setArray(1, db.createArrayOf("bigint", jobIds.toArray()));
            assertThat(due.executeUpdate()).isEqualTo(jobIds.size());
        }

        await().atMost(Duration.ofSeconds(60)).until(() -> scheduledStarts(jobIds).size() == jobIds.size());
        // and it stays so over several more ticks of both instances
        await().during(Duration.ofSeconds(5)).atMost(Duration.ofSeconds(15)).until(() -> {
            Map<Long, Integer> perJob = scheduledStarts(jobIds);
            return perJob.size() == jobIds.size() && perJob.values().stream().allMatch(n -> n == 1);
        });
        assertThat(scheduledStarts(jobIds)).hasSize(jobIds.size()).allSatisfy((job, n) -> assertThat(n).as("job %d", job).isEqualTo(1));
    }

    /** START requests of scheduled runs on the topic, counted per job. */
    private static Map<Long, Integer> scheduledStarts(List<Long> jobIds) {
        Map<Long, Integer> perJob = new HashMap<>();
        for (RunRequest r : KafkaTopics.allRunRequests()) {
            if (jobIds.contains(r.jobId()) && r.action() == RunAction.START && r.trigger() == RunTrigger.SCHEDULE) {
                perJob.merge(r.jobId(), 1, Integer::sum);
            }
        }
        return perJob;
    }
}
