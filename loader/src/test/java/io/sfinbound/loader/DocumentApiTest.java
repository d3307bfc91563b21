package io.sfinbound.loader;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.specification.RequestSpecification;
import io.sfinbound.common.record.DocumentMessage;
import io.sfinbound.testing.KafkaTestResource;
import io.sfinbound.testing.PostgresTestResource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The read API over documents loaded through Kafka: paging, every filter, the run report and purge. */
@QuarkusTest
@WithTestResource(KafkaTestResource.class)
@WithTestResource(value = PostgresTestResource.class, initArgs = @ResourceArg(name = "database", value = "sfinbound_store_test"))
@WithTestResource(ConfigApiStub.class)
class DocumentApiTest {

    static final long PROJECT = Fixtures.project();
    static final long JOB_A = Fixtures.job(1);
    static final long JOB_B = Fixtures.job(2);
    static final String RUN_A = Fixtures.run();
    static final String RUN_B = Fixtures.run();

    /** 12 documents of job A, run A, one per day of March 2026; 3 chats of job B, run B; one filtered record. */
    static boolean loaded;

    // not @BeforeAll: rest-assured learns the app's random port only before each test
    @BeforeEach
    void load() {
        if (loaded) {
            return;
        }
        loaded = true;
        KafkaTaps.ensureTopics();
        List<DocumentMessage> a = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            Instant date = Instant.parse("2026-03-01T12:00:00Z").plus(Duration.ofDays(i));
            a.add(Fixtures.message(RUN_A, JOB_A, PROJECT,
                    Fixtures.document("Salesforce;A" + String.format("%02d", i), date, "feedback number " + i, Map.of())));
        }
        a.add(Fixtures.filtered(RUN_A, JOB_A, PROJECT, "AF"));
        List<DocumentMessage> b = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            b.add(Fixtures.message(RUN_B, JOB_B, PROJECT, Fixtures.chat("Salesforce;B" + i,
                    Instant.parse("2026-04-01T00:00:00Z"), "my ROUTER is broken " + i, "have you tried 100% power?")));
        }
        KafkaTaps.send(a);
        KafkaTaps.send(b);
        await().atMost(Duration.ofSeconds(60)).until(() -> total(given()) == 15);
    }

    private static RequestSpecification api() {
        return given().header("X-API-Key", ConfigApiStub.VIEWER_KEY);
    }

    private static int total(RequestSpecification spec) {
        return spec.header("X-API-Key", ConfigApiStub.VIEWER_KEY).get("/api/projects/{p}/documents", PROJECT)
                .then().statusCode(200).extract().path("total");
    }

    @Test
    void shouldPageWithoutGapsOrOverlaps() {
        List<String> seen = new ArrayList<>();
        for (int page = 0; page < 3; page++) {
            List<String> ids = api().queryParam("jobId", JOB_A).queryParam("size", 5).queryParam("page", page)
                    .get("/api/projects/{p}/documents", PROJECT).then().statusCode(200)
                    .body("total", equalTo(12)).body("page", equalTo(page)).body("size", equalTo(5))
                    .extract().path("items.naturalId");
            org.assertj.core.api.Assertions.assertThat(ids).hasSize(page < 2 ? 5 : 2);
            seen.addAll(ids);
        }
        org.assertj.core.api.Assertions.assertThat(seen).doesNotHaveDuplicates().hasSize(12)
                .allMatch(id -> id.startsWith("Salesforce;A"));
        api().queryParam("jobId", JOB_A).queryParam("size", 5).queryParam("page", 3)
                .get("/api/projects/{p}/documents", PROJECT).then().statusCode(200)
                .body("items", hasSize(0)).body("total", equalTo(12));
    }

    @Test
    void shouldFilterByDateRangeJobRunNaturalIdAndText() {
        api().queryParam("from", "2026-03-03").queryParam("to", "2026-03-05T12:00:00Z")
                .get("/api/projects/{p}/documents", PROJECT).then().statusCode(200)
                .body("items.naturalId", containsInAnyOrder("Salesforce;A02", "Salesforce;A03"));
        api().queryParam("runId", RUN_B).get("/api/projects/{p}/documents", PROJECT).then().statusCode(200)
                .body("total", equalTo(3));
        api().queryParam("jobId", JOB_B).queryParam("naturalId", "Salesforce;B1")
                .get("/api/projects/{p}/documents", PROJECT).then().statusCode(200)
                .body("items.naturalId", contains("Salesforce;B1"));
        // case-insensitive, in conversation turns, and % is a literal
        api().queryParam("q", "router is BROKEN 2").get("/api/projects/{p}/documents", PROJECT).then().statusCode(200)
                .body("items.naturalId", contains("Salesforce;B2"));
        api().queryParam("q", "100% power").get("/api/projects/{p}/documents", PROJECT).then().statusCode(200)
                .body("total", equalTo(3));
        api().queryParam("q", "10_%").get("/api/projects/{p}/documents", PROJECT).then().statusCode(200)
                .body("total", equalTo(0));
        api().queryParam("q", "number 1").queryParam("jobId", JOB_A).get("/api/projects/{p}/documents", PROJECT)
                .then().statusCode(200).body("total", equalTo(3)); // 1, 10, 11
    }

    @Test
    void shouldReturnOneDocumentWithItsConversation() {
        api().get("/api/projects/{p}/documents/{n}", PROJECT, "Salesforce;B0").then().statusCode(200)
                .body("conversation.turns", hasSize(2))
                .body("conversation.turns[0].text", equalTo("my ROUTER is broken 0"))
                .body("conversation.participants[1].type", equalTo("AGENT"))
                .body("runId", equalTo(RUN_B));
        api().get("/api/projects/{p}/documents/{n}", PROJECT, "Salesforce;nope").then().statusCode(404)
                .contentType("application/problem+json");
    }

    @Test
    void shouldAnswerBadFiltersWithAProblemNamingTheField() {
        api().queryParam("from", "yesterday").get("/api/projects/{p}/documents", PROJECT).then().statusCode(400)
                .contentType("application/problem+json").body("errors[0].field", equalTo("from"));
        api().queryParam("size", 0).get("/api/projects/{p}/documents", PROJECT).then().statusCode(400)
                .body("errors[0].field", equalTo("size"));
        api().queryParam("page", -1).get("/api/projects/{p}/documents", PROJECT).then().statusCode(400)
                .body("errors[0].field", equalTo("page"));
        api().get("/api/projects/{p}/documents", -5).then().statusCode(400)
                .contentType("application/problem+json").body("errors[0].field", equalTo("projectId"));
        api().get("/api/projects/{p}/documents/{n}", 0, "Salesforce;x").then().statusCode(400)
                .body("errors[0].field", equalTo("projectId"));
        api().queryParam("jobId", -1).get("/api/projects/{p}/documents", PROJECT).then().statusCode(400)
                .body("errors[0].field", equalTo("jobId"));
    }

    @Test
    void shouldReportEveryAccountedRecordOfARunAsCsv() {
        String csv = api().get("/api/runs/{r}/report.csv", RUN_A).then().statusCode(200)
                .contentType(containsString("text/csv")).extract().asString();
        List<String> lines = csv.lines().toList();
        org.assertj.core.api.Assertions.assertThat(lines).hasSize(14);
        org.assertj.core.api.Assertions.assertThat(lines.get(0))
                .isEqualTo("run_id,job_id,project_id,source_record_id,natural_id,outcome,reason,decided_at");
        org.assertj.core.api.Assertions.assertThat(lines).anyMatch(l -> l.contains(",A05,Salesforce;A05,LOADED,"));
        org.assertj.core.api.Assertions.assertThat(lines).anyMatch(l -> l.contains(",AF,,FILTERED,rule Status = Closed,"));
        api().get("/api/runs/{r}/report.csv", "no-such-run").then().statusCode(404);
    }

    @Test
    void shouldPurgeTheDocumentsOfOneRun() {
        long project = Fixtures.project();
        long job = Fixtures.job(1);
        String run = Fixtures.run();
        String other = Fixtures.run();
        KafkaTaps.send(List.of(
                Fixtures.message(run, job, project, Fixtures.document("Salesforce;P0", Instant.now(), "x", Map.of())),
                Fixtures.message(run, job, project, Fixtures.document("Salesforce;P1", Instant.now(), "x", Map.of())),
                Fixtures.message(other, job, project, Fixtures.document("Salesforce;P2", Instant.now(), "x", Map.of()))));
        await().atMost(Duration.ofSeconds(30)).until(() -> given().header("X-API-Key", ConfigApiStub.VIEWER_KEY)
                .get("/api/projects/{p}/documents", project).then().extract().<Integer>path("total") == 3);
        given().header("X-API-Key", ConfigApiStub.MANAGER_KEY).delete("/api/runs/{r}/documents", run)
                .then().statusCode(200).body("deleted", equalTo(2));
        api().get("/api/projects/{p}/documents", project).then().statusCode(200)
                .body("items.naturalId", contains("Salesforce;P2"));
    }
}
