package io.sfinbound.loader;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;
import static org.awaitility.Awaitility.await;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import jakarta.inject.Inject;

import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.sfinbound.common.kafka.Json;
import io.sfinbound.common.record.DeadLetter;
import io.sfinbound.common.record.DocumentMessage;
import io.sfinbound.common.record.LoadOutcome;
import io.sfinbound.common.record.LoadResult;
import io.sfinbound.common.record.RunEvent;
import io.sfinbound.common.record.XmdDocument;
import io.sfinbound.loader.load.DocumentConsumer;
import io.sfinbound.loader.load.InboundMessage;
import io.sfinbound.loader.load.LoadService;
import io.sfinbound.testing.KafkaTestResource;
import io.sfinbound.testing.PostgresTestResource;
import org.junit.jupiter.api.Test;

/**
 * Duplicate modes against the store and inside a batch, redelivery after a crash between the database commit and the
 * offset commit, and records the loader itself must fail: all through real Kafka and PostgreSQL.
 */
@QuarkusTest
@WithTestResource(KafkaTestResource.class)
@WithTestResource(value = PostgresTestResource.class, initArgs = @ResourceArg(name = "database", value = "sfinbound_store_test"))
@WithTestResource(ConfigApiStub.class)
class LoadAccountingTest {

    private static final Instant DATE = Instant.parse("2026-02-01T08:00:00Z");

    @Inject
    LoadService loadService;

    private static XmdDocument doc(String naturalId, String text, Map<String, String> attrs) {
        return Fixtures.document(naturalId, DATE, text, attrs);
    }

    private static JsonPath stored(long project, String naturalId) {
        return given().header("X-API-Key", ConfigApiStub.VIEWER_KEY)
                .get("/api/projects/{p}/documents/{n}", project, naturalId).then().statusCode(200).extract().jsonPath();
    }

    private static long total(long project) {
        return given().header("X-API-Key", ConfigApiStub.VIEWER_KEY).get("/api/projects/{p}/documents", project)
                .then().statusCode(200).extract().jsonPath().getLong("total");
    }

    /** Loads run 1 (X and Z), then run 2: X changed, Z equal, and two records of Y in one send. */
    private static Map<String, Long> twoRuns(long project, long job, Map<String, String> x1, Map<String, String> x2,
            String run2) {
        String run1 = Fixtures.run();
        KafkaTaps.send(List.of(
                Fixtures.message(run1, job, project, "x1", doc("X", "x", x1)),
                Fixtures.message(run1, job, project, "z1", doc("Z", "z", Map.of("a", "1")))));
        Runs.awaitAccounted(run1, 2);
        KafkaTaps.send(List.of(
                Fixtures.message(run2, job, project, "x2", doc("X", "x", x2)),
                Fixtures.message(run2, job, project, "z2", doc("Z", "z", Map.of("a", "1"))),
                Fixtures.message(run2, job, project, "y1", doc("Y", "first", Map.of("a", "1"))),
                Fixtures.message(run2, job, project, "y2", doc("Y", "second", Map.of("b", "2")))));
        return Runs.awaitAccounted(run2, 4);
    }

    @Test
    void shouldKeepStoredDocumentsInSkipMode() {
        long project = Fixtures.project();
        String run2 = Fixtures.run();
        Map<String, Long> c = twoRuns(project, Fixtures.job(1), Map.of("a", "1"), Map.of("a", "9"), run2);
        assertThat(c).containsEntry("loaded", 1L).containsEntry("skippedDuplicate", 2L).containsEntry("unchanged", 1L)
                .containsEntry("updated", 0L);
        assertThat(stored(project, "X").getString("attributes.a.value")).isEqualTo("1");
        assertThat(stored(project, "Y").getString("verbatims[0].text")).isEqualTo("first");
        await().atMost(Duration.ofSeconds(30)).until(() -> Runs.results(run2).size() == 4);
        assertThat(Runs.results(run2)).extracting(LoadResult::sourceRecordId, LoadResult::outcome)
                .containsExactlyInAnyOrder(tuple("x2", LoadOutcome.SKIPPED_DUPLICATE), tuple("z2", LoadOutcome.UNCHANGED),
                        tuple("y1", LoadOutcome.LOADED), tuple("y2", LoadOutcome.SKIPPED_DUPLICATE));
        assertThat(total(project)).isEqualTo(3);
    }

    @Test
    void shouldOverwriteWholeInReplaceMode() {
        long project = Fixtures.project();
        Map<String, Long> c = twoRuns(project, Fixtures.job(2), Map.of("a", "1", "b", "2"), Map.of("a", "9"),
                Fixtures.run());
        assertThat(c).containsEntry("loaded", 1L).containsEntry("updated", 2L).containsEntry("unchanged", 1L)
                .containsEntry("skippedDuplicate", 0L);
        JsonPath x = stored(project, "X");
        assertThat(x.getString("attributes.a.value")).isEqualTo("9");
        assertThat(x.getMap("attributes")).doesNotContainKey("b");
        assertThat(x.getString("sourceRecordId")).isEqualTo("x2");
        JsonPath y = stored(project, "Y");
        assertThat(y.getString("verbatims[0].text")).isEqualTo("second");
        assertThat(y.getMap("attributes")).containsOnlyKeys("b");
        assertThat(total(project)).isEqualTo(3);
    }

    @Test
    void shouldMergeChangedAttributesInUpdateMode() {
        long project = Fixtures.project();
        long job = Fixtures.job(3);
        Map<String, Long> c = twoRuns(project, job, Map.of("a", "1", "b", "2"), Map.of("a", "9", "c", "3"),
                Fixtures.run());
        assertThat(c).containsEntry("loaded", 1L).containsEntry("updated", 2L).containsEntry("unchanged", 1L);
        JsonPath x = stored(project, "X");
        assertThat(x.getMap("attributes")).containsOnlyKeys("a", "b", "c");
        assertThat(x.getString("attributes.a.value")).isEqualTo("9");
        assertThat(x.getString("attributes.b.value")).isEqualTo("2");
        JsonPath y = stored(project, "Y");
        assertThat(y.getMap("attributes")).containsOnlyKeys("a", "b");
        assertThat(y.getString("verbatims[0].text")).isEqualTo("second");

        // a third run sending a subset that is already stored changes nothing
        String run3 = Fixtures.run();
        KafkaTaps.send(List.of(Fixtures.message(run3, job, project, "x3", doc("X", "x", Map.of("a", "9")))));
        assertThat(Runs.awaitAccounted(run3, 1)).containsEntry("unchanged", 1L);
    }

    @Test
    void shouldNeitherDuplicateNorCountTwiceAfterACrashBetweenTheDatabaseCommitAndTheOffsetCommit() {
        long project = Fixtures.project();
        long job = Fixtures.job(1);
        String run = Fixtures.run();
        List<DocumentMessage> batch = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            batch.add(Fixtures.message(run, job, project, doc("Salesforce;K" + i, "text " + i, Map.of())));
        }
        batch.add(Fixtures.filtered(run, job, project, "KF"));
        // the first delivery: the database commits, then the loader dies: no results, no event, no offset commit
        List<InboundMessage> inbound = batch.stream()
                .map(m -> DocumentConsumer.parse("k", Json.mapper().valueToTree(m).toString().getBytes(StandardCharsets.UTF_8), null))
                .toList();
        loadService.load(inbound);
        assertThat(Runs.latest(run)).isEmpty();
        assertThat(total(project)).isEqualTo(20);

        // the redelivery after the restart
        KafkaTaps.send(batch);
        Map<String, Long> c = Runs.awaitAccounted(run, 21);
        RunEvent event = Runs.latest(run).orElseThrow();
        assertThat(event.sequence()).isGreaterThan(1);
        assertThat(c).containsEntry("loaded", 20L).containsEntry("filtered", 1L).containsEntry("unchanged", 0L)
                .containsEntry("accounted", 21L);
        assertThat(total(project)).isEqualTo(20);
        // the outcomes decided before the crash are published on redelivery, once per record, as first decided
        await().atMost(Duration.ofSeconds(30)).until(() -> Runs.results(run).size() == 21);
        assertThat(Runs.results(run)).extracting(LoadResult::outcome).containsOnly(LoadOutcome.LOADED, LoadOutcome.FILTERED);
    }

    @Test
    void shouldAccountForMalformedMessagesAndUnknownJobVersionsAndGoOn() {
        long project = Fixtures.project();
        long job = Fixtures.job(1);
        String run = Fixtures.run();
        KafkaTaps.sendRaw("garbage", "this is not JSON".getBytes(StandardCharsets.UTF_8));
        String badKind = "{\"runId\":\"" + run + "\",\"jobId\":" + job + ",\"jobVersion\":1,\"projectId\":" + project
                + ",\"sourceRecordId\":\"bad1\",\"kind\":\"BOGUS\"}";
        KafkaTaps.sendRaw(project + "/bad1", badKind.getBytes(StandardCharsets.UTF_8));
        KafkaTaps.send(List.of(
                Fixtures.message(run, job, project, doc("Salesforce;G1", "good", Map.of())),
                new DocumentMessage(run, Fixtures.job(4), 1, project, "nojob", io.sfinbound.common.record.DocumentKind.DOCUMENT,
                        null, doc("Salesforce;NJ", "no job", Map.of())),
                new DocumentMessage(run, job, 1, project, "nodoc", io.sfinbound.common.record.DocumentKind.DOCUMENT,
                        null, null)));
        Map<String, Long> c = Runs.awaitAccounted(run, 4);
        assertThat(c).containsEntry("loaded", 1L).containsEntry("failed", 3L);
        await().atMost(Duration.ofSeconds(30)).until(() -> Runs.deadLetters(run).size() == 3);
        assertThat(Runs.deadLetters(run)).extracting(DeadLetter::sourceRecordId, DeadLetter::error)
                .containsExactlyInAnyOrder(tuple("bad1", "MALFORMED_MESSAGE"), tuple("nojob", "UNKNOWN_JOB_VERSION"),
                        tuple("nodoc", "INVALID_DOCUMENT"));
        await().atMost(Duration.ofSeconds(30)).until(() -> Runs.deadLetters(null).stream()
                .anyMatch(d -> d.payload() != null && "this is not JSON".equals(d.payload().asText())));
        assertThat(Runs.results(run)).filteredOn(r -> r.outcome() == LoadOutcome.FAILED).extracting(LoadResult::reason)
                .allMatch(r -> r != null && !r.isBlank());
    }
}
