package io.sfinbound.loader.sink;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;

import java.sql.Connection;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import jakarta.inject.Inject;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.path.json.JsonPath;
import io.sfinbound.common.kafka.Json;
import io.sfinbound.common.kafka.Topics;
import io.sfinbound.common.record.DeadLetter;
import io.sfinbound.common.record.RunEvent;
import io.sfinbound.common.record.Stage;
import io.sfinbound.loader.ConfigApiStub;
import io.sfinbound.loader.Fixtures;
import io.sfinbound.loader.KafkaTaps;
import io.sfinbound.loader.KafkaTaps.Tap;
import io.sfinbound.loader.store.DocumentStore;
import io.sfinbound.loader.store.DocumentWrite;
import io.sfinbound.testing.KafkaTestResource;
import io.sfinbound.testing.PostgresTestResource;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

/** The HTTP push sink against a local receiver: OAuth client credentials, failing then recovering, rejections to the DLQ. */
@QuarkusTest
@TestProfile(HttpSinkProfile.class)
@WithTestResource(KafkaTestResource.class)
@WithTestResource(value = PostgresTestResource.class, initArgs = @ResourceArg(name = "database", value = "sfinbound_store_test"))
@WithTestResource(ConfigApiStub.class)
class HttpPushSinkTest {

    @ConfigProperty(name = "test.push-receiver.url")
    String receiver;

    @Test
    void shouldRetryAFailingReceiverUntilItRecoversAndDeadLetterRejections() {
        KafkaTaps.ensureTopics();
        long project = Fixtures.project();
        long job = Fixtures.job(1);
        String run = Fixtures.run();
        Instant date = Instant.parse("2026-05-01T00:00:00Z");
        // more failures than the sink's 3 attempts: the batch itself is retried, then the receiver recovers
        given().post(receiver + "/control?fail=5").then().statusCode(204);
        KafkaTaps.send(List.of(
                Fixtures.message(run, job, project, Fixtures.document("Salesforce;H1", date, "one", Map.of())),
                Fixtures.message(run, job, project, Fixtures.document("Salesforce;H2", date, "two", Map.of())),
                Fixtures.message(run, job, project, Fixtures.document("Salesforce;H3REJECT", date, "three", Map.of()))));

        try (Tap<RunEvent> events = new Tap<>(Topics.RUN_EVENTS, RunEvent.class);
                Tap<DeadLetter> dlq = new Tap<>(Topics.DOCUMENTS_DLQ, DeadLetter.class)) {
            await().atMost(Duration.ofSeconds(60)).until(() -> latest(events, run)
                    .map(e -> e.counters().get("accounted") == 3).orElse(false));
            assertThat(latest(events, run).orElseThrow().counters())
                    .containsEntry("loaded", 2L).containsEntry("failed", 1L);
            await().atMost(Duration.ofSeconds(30)).until(() -> !dlq.matching(d -> run.equals(d.runId())).isEmpty());
            DeadLetter dead = dlq.matching(d -> run.equals(d.runId())).get(0);
            assertThat(dead.stage()).isEqualTo(Stage.LOADER);
            assertThat(dead.error()).isEqualTo("SINK_REJECTED");
            assertThat(dead.sourceRecordId()).isEqualTo("H3REJECT");
            assertThat(dead.reason()).contains("value not allowed");
            assertThat(dead.payload().path("document").path("naturalId").asText()).isEqualTo("Salesforce;H3REJECT");
        }

        JsonPath stats = given().get(receiver + "/stats").then().statusCode(200).extract().jsonPath();
        assertThat(stats.getList("documents", String.class)).contains("Salesforce;H1", "Salesforce;H2")
                .doesNotContain("Salesforce;H3REJECT");
        assertThat(stats.getInt("failures")).isEqualTo(5);
        assertThat(stats.getInt("requests")).isGreaterThanOrEqualTo(6);
        assertThat(stats.getInt("tokens")).isEqualTo(1);
        // the natural-id index stays in PostgreSQL: the accepted documents are readable, the rejected one is not
        given().header("X-API-Key", ConfigApiStub.VIEWER_KEY).get("/api/projects/{p}/documents", project)
                .then().statusCode(200).body("total", equalTo(2))
                .body("items.naturalId", org.hamcrest.Matchers.containsInAnyOrder("Salesforce;H1", "Salesforce;H2"));
    }

    @Inject
    DocumentSink sink;

    @Inject
    DocumentStore store;

    @Test
    void shouldResendTheSameIdempotencyKeyWhenTheDatabaseCommitFailedAfterThePush() throws Exception {
        long project = Fixtures.project();
        ObjectNode body = Json.mapper().valueToTree(
                Fixtures.document("Salesforce;K1", Instant.parse("2026-05-02T00:00:00Z"), "k", Map.of()));
        List<DocumentWrite> writes = List.of(new DocumentWrite(project, "Salesforce;K1", 12, 1, "run-k", "K1",
                Instant.parse("2026-05-02T00:00:00Z"), body, "k", true));
        int replaysBefore = given().get(receiver + "/stats").then().extract().path("replays");
        try (Connection c = store.begin()) {
            assertThat(sink.write(c, writes, Instant.now())).isEmpty();
            c.rollback(); // the push went through, the database commit did not
        }
        try (Connection c = store.begin()) {
            assertThat(sink.write(c, writes, Instant.now())).isEmpty();
            c.commit();
        }
        JsonPath stats = given().get(receiver + "/stats").then().statusCode(200).extract().jsonPath();
        assertThat(stats.getInt("replays")).isEqualTo(replaysBefore + 1);
        assertThat(stats.getList("documents", String.class)).contains("Salesforce;K1");
        given().header("X-API-Key", ConfigApiStub.VIEWER_KEY).get("/api/projects/{p}/documents", project)
                .then().statusCode(200).body("items.naturalId", contains("Salesforce;K1"));
    }

    private static Optional<RunEvent> latest(Tap<RunEvent> events, String run) {
        return events.matching(e -> run.equals(e.runId()) && e.stage() == Stage.LOADER).stream()
                .max((a, b) -> Long.compare(a.sequence(), b.sequence()));
    }
}
