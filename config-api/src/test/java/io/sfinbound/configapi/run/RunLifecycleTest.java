package io.sfinbound.configapi.run;

import static io.sfinbound.configapi.support.KafkaTopics.event;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.sfinbound.common.kafka.LineageHeaders;
import io.sfinbound.common.record.RunAction;
import io.sfinbound.common.record.RunEventType;
import io.sfinbound.common.record.RunRequest;
import io.sfinbound.common.record.RunTrigger;
import io.sfinbound.common.record.Stage;
import io.sfinbound.common.record.Watermark;
import io.sfinbound.configapi.support.Api;
import io.sfinbound.configapi.support.FakeTokenEndpoint;
import io.sfinbound.configapi.support.KafkaTopics;
import io.sfinbound.configapi.support.GreenMailTestResource;
import io.sfinbound.testing.KafkaTestResource;
import io.sfinbound.testing.PostgresTestResource;
import io.sfinbound.testing.SimulatorTestResource;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The walking-skeleton part of config-api: a job's run is queued, its request goes to Kafka keyed by job id with the
 * job's watermark, and run events from the "extractor" and "loader" (played by this test over the real broker) move
 * it to its final status with exact counters, storing the watermark only on completion.
 */
@QuarkusTest
@WithTestResource(value = KafkaTestResource.class)
@WithTestResource(value = PostgresTestResource.class, initArgs = @ResourceArg(name = "database", value = "sfinbound_config_test"))
@WithTestResource(value = GreenMailTestResource.class)
@WithTestResource(value = SimulatorTestResource.class)
class RunLifecycleTest {

    static FakeTokenEndpoint salesforce;

    @BeforeAll
    static void start() throws Exception {
        salesforce = new FakeTokenEndpoint();
    }

    @AfterAll
    static void stop() {
        if (salesforce != null) {
            salesforce.close();
        }
    }

    @Test
    void shouldCompleteRunWhenLoaderAccountedForEveryExtractedRecordAndThenStoreWatermark() {
        long jobId = newJob("lifecycle");
        RunRequest first = startRun(jobId);
        assertThat(first.watermark()).isNull();
        assertThat(first.trigger()).isEqualTo(RunTrigger.MANUAL);
        String runId = first.runId();

        Watermark wm = new Watermark(Instant.parse("2026-11-28T10:15:30Z"), "0Mx000000000003AAA");
        KafkaTopics.publish(
                event(runId, jobId, Stage.EXTRACTOR, RunEventType.STARTED, 1, Map.of(), null, null),
                event(runId, jobId, Stage.EXTRACTOR, RunEventType.PROGRESS, 2, Map.of("extracted", 2L, "apiCalls", 1L), null, null),
                event(runId, jobId, Stage.LOADER, RunEventType.PROGRESS, 5, Map.of("loaded", 2L, "accounted", 2L), null, null),
                event(runId, jobId, Stage.EXTRACTOR, RunEventType.EXTRACTION_COMPLETED, 3,
                        Map.of("extracted", 3L, "apiCalls", 2L, "pages", 2L), wm, null),
                // a redelivered, older loader event must not move the counters back
                event(runId, jobId, Stage.LOADER, RunEventType.PROGRESS, 4, Map.of("loaded", 1L, "accounted", 1L), null, null));

        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> Api.admin().get("/api/runs/" + runId).then()
                .statusCode(200).body("status", equalTo("RUNNING")).body("counters.extracted", equalTo(3))
                .body("counters.accounted", equalTo(2)));
        assertThat(Api.admin().get("/api/jobs/" + jobId).jsonPath().getString("watermark")).isNull();

        KafkaTopics.publish(event(runId, jobId, Stage.LOADER, RunEventType.PROGRESS, 6,
                Map.of("loaded", 2L, "unchanged", 1L, "accounted", 3L), null, null));
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> Api.admin().get("/api/runs/" + runId).then()
                .statusCode(200).body("status", equalTo("COMPLETED")));
        JsonPath run = Api.admin().get("/api/runs/" + runId).jsonPath();
        assertThat(run.getMap("counters")).containsEntry("extracted", 3).containsEntry("loaded", 2).containsEntry("unchanged", 1)
                .containsEntry("accounted", 3).containsEntry("pages", 2);
        assertThat(run.getString("watermark.id")).isEqualTo(wm.id());
        assertThat(run.getString("finishedAt")).isNotNull();
        assertThat(Api.admin().get("/api/jobs/" + jobId).jsonPath().getString("watermark.id")).isEqualTo(wm.id());

        RunRequest second = startRun(jobId);
        assertThat(second.watermark()).isEqualTo(wm);
    }

    @Test
    void shouldEndWithWarningsWhenRecordsFailed() {
        long jobId = newJob("warnings");
        String runId = startRun(jobId).runId();
        KafkaTopics.publish(
                event(runId, jobId, Stage.EXTRACTOR, RunEventType.EXTRACTION_COMPLETED, 1, Map.of("extracted", 2L), null, null),
                event(runId, jobId, Stage.LOADER, RunEventType.PROGRESS, 1, Map.of("loaded", 1L, "failed", 1L, "accounted", 2L), null, null));
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> Api.admin().get("/api/runs/" + runId).then()
                .body("status", equalTo("COMPLETED_WITH_WARNINGS")));
    }

    @Test
    void shouldFailRunAndKeepWatermarkWhenExtractorFails() {
        long jobId = newJob("failing");
        String runId = startRun(jobId).runId();
        KafkaTopics.publishRaw(runId, "{not json".getBytes(StandardCharsets.UTF_8));
        KafkaTopics.publish(event(runId, jobId, Stage.EXTRACTOR, RunEventType.FAILED, 1, Map.of(), null, "MALFORMED_QUERY: bad"));
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> Api.admin().get("/api/runs/" + runId).then()
                .body("status", equalTo("FAILED")).body("message", equalTo("MALFORMED_QUERY: bad")));
        assertThat(Api.admin().get("/api/jobs/" + jobId).jsonPath().getString("watermark")).isNull();
        // the job can run again once the previous run is over
        startRun(jobId);
    }

    @Test
    void shouldRefuseSecondRunWhileOneIsActiveAndCancelQueuedRun() {
        long jobId = newJob("single");
        String runId = startRun(jobId).runId();
        Api.admin().post("/api/jobs/" + jobId + "/runs").then().statusCode(409)
                .contentType("application/problem+json");
        Api.admin().post("/api/runs/" + runId + "/cancel").then().statusCode(202).body("status", equalTo("CANCELLED"));
        List<ConsumerRecord<String, RunRequest>> seen = KafkaTopics.runRequests(
                r -> r.runId().equals(runId) && r.action() == RunAction.CANCEL, Duration.ofSeconds(20));
        assertThat(seen.get(seen.size() - 1).key()).isEqualTo(String.valueOf(jobId));
        Api.admin().post("/api/runs/" + runId + "/cancel").then().statusCode(409);
    }

    @Test
    void shouldListRunHistoryWithFilters() {
        long jobId = newJob("history");
        String runId = startRun(jobId).runId();
        KafkaTopics.publish(event(runId, jobId, Stage.EXTRACTOR, RunEventType.DEFERRED, 1, Map.of(), null, "REQUEST_LIMIT_EXCEEDED"));
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> Api.admin().get("/api/runs/" + runId).then()
                .body("status", equalTo("DEFERRED")));
        assertThat(Api.admin().queryParam("status", "DEFERRED").get("/api/jobs/" + jobId + "/runs").jsonPath().getList("id"))
                .containsExactly(runId);
        assertThat(Api.admin().queryParam("status", "COMPLETED").get("/api/jobs/" + jobId + "/runs").jsonPath().getList("id"))
                .isEmpty();
        Api.admin().queryParam("size", 0).get("/api/runs").then().statusCode(400);
    }

    private static long newJob(String name) {
        long connectionId = Api.createConnection(Api.passwordConnection(salesforce.url()));
        long projectId = Api.createProject("project " + name);
        return Api.createJob(Api.job(projectId, connectionId, "job " + name));
    }

    private static RunRequest startRun(long jobId) {
        String runId = Api.admin().post("/api/jobs/" + jobId + "/runs").then().statusCode(202)
                .body("status", equalTo("QUEUED")).extract().path("id");
        List<ConsumerRecord<String, RunRequest>> seen = KafkaTopics.runRequests(
                r -> r.runId().equals(runId) && r.action() == RunAction.START, Duration.ofSeconds(20));
        ConsumerRecord<String, RunRequest> rec = seen.get(seen.size() - 1);
        assertThat(rec.key()).isEqualTo(String.valueOf(jobId));
        assertThat(new String(rec.headers().lastHeader(LineageHeaders.RUN_ID).value(), StandardCharsets.UTF_8)).isEqualTo(runId);
        assertThat(rec.value().jobVersion()).isEqualTo(1);
        return rec.value();
    }
}
