package io.sfinbound.loader;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.sfinbound.common.kafka.Topics;
import io.sfinbound.common.record.DocumentMessage;
import io.sfinbound.common.record.LoadOutcome;
import io.sfinbound.common.record.LoadResult;
import io.sfinbound.common.record.RunEvent;
import io.sfinbound.common.record.RunEventType;
import io.sfinbound.common.record.Stage;
import io.sfinbound.loader.KafkaTaps.Tap;
import io.sfinbound.testing.KafkaTestResource;
import io.sfinbound.testing.PostgresTestResource;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The walking skeleton through real Kafka and PostgreSQL: documents in, store, load results and absolute counters out. */
@QuarkusTest
@WithTestResource(KafkaTestResource.class)
@WithTestResource(value = PostgresTestResource.class, initArgs = @ResourceArg(name = "database", value = "sfinbound_store_test"))
@WithTestResource(ConfigApiStub.class)
class LoaderFlowTest {

    private static final Duration WAIT = Duration.ofSeconds(30);
    private static final Instant DATE = Instant.parse("2026-03-01T10:15:30Z");

    static Tap<RunEvent> events;
    static Tap<LoadResult> results;

    @BeforeAll
    static void taps() {
        KafkaTaps.ensureTopics();
        events = new Tap<>(Topics.RUN_EVENTS, RunEvent.class);
        results = new Tap<>(Topics.LOAD_RESULTS, LoadResult.class);
    }

    @AfterAll
    static void close() {
        events.close();
        results.close();
    }

    @Test
    void shouldLoadAndAccountForEveryRecordOfARun() {
        long project = Fixtures.project();
        long job = Fixtures.job(1);
        String run = Fixtures.run();
        List<DocumentMessage> batch = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            batch.add(Fixtures.message(run, job, project,
                    Fixtures.document("Salesforce;500A" + i, DATE, "great service " + i, Map.of("status", "New"))));
        }
        batch.add(Fixtures.filtered(run, job, project, "500F0"));
        batch.add(Fixtures.deadLettered(run, job, project, "500D0"));
        KafkaTaps.send(batch);

        RunEvent last = awaitCounters(run, 5);
        assertThat(last.stage()).isEqualTo(Stage.LOADER);
        assertThat(last.type()).isEqualTo(RunEventType.PROGRESS);
        assertThat(last.jobId()).isEqualTo(job);
        assertThat(last.counters()).containsEntry("loaded", 3L).containsEntry("filtered", 1L).containsEntry("failed", 1L)
                .containsEntry("updated", 0L).containsEntry("unchanged", 0L).containsEntry("skippedDuplicate", 0L)
                .containsEntry("accounted", 5L);
        await().atMost(WAIT).until(() -> results.matching(r -> run.equals(r.runId())).size() == 5);
        assertThat(results.matching(r -> run.equals(r.runId())))
                .extracting(LoadResult::sourceRecordId, LoadResult::outcome)
                .containsExactlyInAnyOrder(
                        org.assertj.core.groups.Tuple.tuple("500A0", LoadOutcome.LOADED),
                        org.assertj.core.groups.Tuple.tuple("500A1", LoadOutcome.LOADED),
                        org.assertj.core.groups.Tuple.tuple("500A2", LoadOutcome.LOADED),
                        org.assertj.core.groups.Tuple.tuple("500F0", LoadOutcome.FILTERED),
                        org.assertj.core.groups.Tuple.tuple("500D0", LoadOutcome.FAILED));

        given().header("X-API-Key", ConfigApiStub.VIEWER_KEY)
                .get("/api/projects/{p}/documents/{n}", project, "Salesforce;500A1")
                .then().statusCode(200)
                .body("naturalId", equalTo("Salesforce;500A1"))
                .body("projectId", equalTo(project))
                .body("jobId", equalTo(job))
                .body("runId", equalTo(run))
                .body("sourceRecordId", equalTo("500A1"))
                .body("documentDate", equalTo("2026-03-01T10:15:30Z"))
                .body("verbatims[0].text", equalTo("great service 1"))
                .body("attributes.status.value", equalTo("New"));
        given().header("X-API-Key", ConfigApiStub.VIEWER_KEY)
                .get("/api/projects/{p}/documents", project)
                .then().statusCode(200).body("total", equalTo(3)).body("items.size()", equalTo(3));
        given().get("/q/metrics").then().statusCode(200)
                .body(org.hamcrest.Matchers.containsString("sfinbound_loader_records_total{outcome=\"FILTERED\""));
    }

    @Test
    void shouldNeverCountTwiceWhenTheSameBatchIsDeliveredTwice() {
        long project = Fixtures.project();
        long job = Fixtures.job(1);
        String run = Fixtures.run();
        List<DocumentMessage> batch = List.of(
                Fixtures.message(run, job, project, Fixtures.document("Salesforce;500B0", DATE, "a", Map.of())),
                Fixtures.message(run, job, project, Fixtures.document("Salesforce;500B1", DATE, "b", Map.of())),
                Fixtures.filtered(run, job, project, "500BF"));
        KafkaTaps.send(batch);
        RunEvent first = awaitCounters(run, 3);
        KafkaTaps.send(batch);

        // the redelivered batch is acknowledged by a later event with a higher sequence and the same counters
        await().atMost(WAIT).until(() -> latest(run).map(e -> e.sequence() > first.sequence()).orElse(false));
        RunEvent again = latest(run).orElseThrow();
        assertThat(again.counters()).isEqualTo(first.counters());
        assertThat(again.counters()).containsEntry("loaded", 2L).containsEntry("accounted", 3L);
        given().header("X-API-Key", ConfigApiStub.VIEWER_KEY)
                .get("/api/projects/{p}/documents", project)
                .then().statusCode(200).body("total", equalTo(2));
    }

    @Test
    void shouldRejectCallsWithoutAValidApiKey() {
        given().get("/api/projects/1/documents").then().statusCode(401)
                .contentType("application/problem+json");
        given().header("X-API-Key", "nope").get("/api/projects/1/documents").then().statusCode(401);
        given().header("X-API-Key", ConfigApiStub.VIEWER_KEY).delete("/api/runs/r/documents").then().statusCode(403);
    }

    private static RunEvent awaitCounters(String run, long accounted) {
        await().atMost(WAIT).until(() -> latest(run).map(e -> e.counters().get("accounted") == accounted).orElse(false));
        return latest(run).orElseThrow();
    }

    static Optional<RunEvent> latest(String run) {
        return events.matching(e -> run.equals(e.runId()) && e.stage() == Stage.LOADER).stream()
                .max((a, b) -> Long.compare(a.sequence(), b.sequence()));
    }
}
