package io.sfinbound.e2e;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.restassured.http.ContentType;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The walking skeleton across every running service: a live-chat job created through config-api's REST API runs
 * through the extractor, real Kafka, the transformer and the loader into PostgreSQL; the stored documents equal the
 * simulator's records field by field; a second, incremental run loads nothing new and duplicates nothing.
 */
class WalkingSkeletonIT {

    static final String SOQL = "SELECT Id, Body, StartTime, EndTime, Status, ChatDuration, OwnerId, CaseId, CreatedDate, "
            + "LastModifiedDate FROM LiveChatTranscript";
    static final DateTimeFormatter SF_DATETIME = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSZ");
    static final ObjectMapper JSON = new ObjectMapper();

    static Stack stack;

    @BeforeAll
    static void startStack() {
        stack = Stack.get();
    }

    @Test
    void shouldLoadEveryTranscriptOnceAndNothingNewOnTheIncrementalRun() throws Exception {
        long connectionId = createConnection();
        long projectId = post("/api/projects", Map.of("name", "e2e skeleton", "description", "walking skeleton")).get("id").asLong();
        long jobId = post("/api/jobs", job(projectId, connectionId)).get("id").asLong();

        JsonNode first = runToCompletion(jobId);
        List<JsonNode> source = new SalesforceSource(stack.simulator.url()).query(SOQL);
        assertThat(source).isNotEmpty();
        assertThat(first.at("/counters/extracted").asLong()).isEqualTo(source.size());
        assertThat(first.at("/counters/loaded").asLong()).isEqualTo(source.size());

        Map<String, JsonNode> stored = documents(projectId);
        assertThat(stored).hasSize(source.size());
        for (JsonNode record : source) {
            String id = record.get("Id").asText();
            JsonNode doc = stored.get("Salesforce;" + id);
            assertThat(doc).as("document of %s", id).isNotNull();
            assertThat(doc.get("feedbackProvider").asText()).isEqualTo("Salesforce");
            assertThat(doc.get("sourceValue").asText()).isEqualTo("Salesforce");
            assertThat(doc.get("feedbackType").asText()).isEqualTo("Operational reporting");
            assertThat(doc.get("jobName").asText()).isEqualTo("e2e live chat");
            assertThat(doc.get("runId").asText()).isEqualTo(first.get("id").asText());
            assertThat(doc.get("loadDate").isNull()).isFalse();
            assertThat(instant(doc.get("documentDate"))).isEqualTo(sfInstant(record.get("LastModifiedDate")));
            assertThat(text(attribute(doc, "status"))).isEqualTo(text(record.get("Status")));
            assertThat(text(attribute(doc, "case_id"))).isEqualTo(text(record.get("CaseId")));
            assertThat(attribute(doc, "chat_duration").decimalValue())
                    .isEqualByComparingTo(record.get("ChatDuration").decimalValue());
            assertThat(instant(attribute(doc, "start_time"))).isEqualTo(sfInstant(record.get("StartTime")));
            if (!record.path("Body").asText("").isBlank()) {
                assertThat(doc.at("/conversation/turns").size()).as("turns of %s", id).isPositive();
                doc.at("/conversation/turns").forEach(t -> assertThat(t.get("text").asText()).doesNotContain("<br"));
            }
        }

        JsonNode second = runToCompletion(jobId);
        assertThat(second.at("/counters/extracted").asLong()).isZero();
        Map<String, JsonNode> after = documents(projectId);
        assertThat(after.keySet()).isEqualTo(stored.keySet());
        after.forEach((naturalId, doc) -> assertThat(doc.get("runId").asText()).isEqualTo(first.get("id").asText()));

        assertNoSecretAnywhere();
    }

    /** Secrets of the connection never reach a log line of any service nor a message on any topic. */
    private void assertNoSecretAnywhere() throws Exception {
        List<String> secrets = List.of(SalesforceSource.CONSUMER_SECRET, SalesforceSource.PASSWORD + SalesforceSource.SECURITY_TOKEN,
                SalesforceSource.SECURITY_TOKEN);
        for (var service : stack.services()) {
            String log = java.nio.file.Files.readString(service.log());
            assertThat(log).as("log of %s", service.name()).isNotEmpty().doesNotContain(secrets);
        }
        try (var consumer = new org.apache.kafka.clients.consumer.KafkaConsumer<String, String>(Map.of(
                "bootstrap.servers", io.sfinbound.testing.EmbeddedKafka.bootstrapServers(),
                "group.id", "e2e-secret-scan", "auto.offset.reset", "earliest"),
                new org.apache.kafka.common.serialization.StringDeserializer(),
                new org.apache.kafka.common.serialization.StringDeserializer())) {
            consumer.subscribe(java.util.regex.Pattern.compile("sfinbound\\..*"));
            int seen = 0;
            int idle = 0;
            while (idle < 10) {
                var records = consumer.poll(Duration.ofMillis(500));
                idle = records.isEmpty() ? idle + 1 : 0;
                for (var r : records) {
                    seen++;
                    assertThat(r.value()).as("message on %s", r.topic()).doesNotContain(secrets);
                    r.headers().forEach(h -> assertThat(new String(h.value(), java.nio.charset.StandardCharsets.UTF_8))
                            .as("header %s on %s", h.key(), r.topic()).doesNotContain(secrets));
                }
            }
            assertThat(seen).as("messages scanned").isPositive();
        }
    }

    private long createConnection() {
        Map<String, Object> c = new HashMap<>();
        c.put("name", "e2e simulator");
        c.put("loginUrl", stack.simulator.url());
        c.put("authFlow", "USERNAME_PASSWORD");
        c.put("consumerKey", SalesforceSource.CONSUMER_KEY);
        c.put("consumerSecret", SalesforceSource.CONSUMER_SECRET);
        c.put("username", SalesforceSource.USERNAME);
        c.put("password", SalesforceSource.PASSWORD);
        c.put("securityToken", SalesforceSource.SECURITY_TOKEN);
        JsonNode created = post("/api/connections", c);
        assertThat(created.toString()).doesNotContain(SalesforceSource.CONSUMER_SECRET, SalesforceSource.PASSWORD,
                SalesforceSource.SECURITY_TOKEN);
        return created.get("id").asLong();
    }

    private static Map<String, Object> job(long projectId, long connectionId) {
        Map<String, Object> j = new HashMap<>();
        j.put("projectId", projectId);
        j.put("connectionId", connectionId);
        j.put("name", "e2e live chat");
        j.put("dataType", "LIVE_CHAT");
        j.put("apiVersion", SalesforceSource.API_VERSION);
        j.put("soql", SOQL);
        j.put("dateField", "LastModifiedDate");
        j.put("duplicateMode", "REPLACE");
        j.put("lookBack", Map.of("amount", 0, "unit", "HOURS"));
        j.put("schedule", Map.of("type", "MANUAL"));
        j.put("fieldMappings", List.of(
                mapping("Status", "status", "TEXT"),
                mapping("CaseId", "case_id", "TEXT"),
                mapping("ChatDuration", "chat_duration", "NUMBER"),
                mapping("StartTime", "start_time", "DATE")));
        return j;
    }

    private static Map<String, Object> mapping(String source, String target, String type) {
        return Map.of("sourceField", source, "targetAttribute", target, "dataType", type);
    }

    private JsonNode runToCompletion(long jobId) {
        String runId = post("/api/jobs/" + jobId + "/runs", Map.of()).get("id").asText();
        JsonNode[] last = new JsonNode[1];
        await().atMost(Duration.ofMinutes(3)).pollInterval(Duration.ofMillis(500)).untilAsserted(() -> {
            last[0] = get(stack.configApi.url() + "/api/runs/" + runId);
            assertThat(last[0].get("status").asText()).as("run %s: %s", runId, last[0]).isIn("COMPLETED", "FAILED",
                    "CANCELLED", "COMPLETED_WITH_WARNINGS", "DEFERRED");
        });
        assertThat(last[0].get("status").asText()).as("run %s", last[0]).isEqualTo("COMPLETED");
        return last[0];
    }

    private Map<String, JsonNode> documents(long projectId) {
        Map<String, JsonNode> byNaturalId = new HashMap<>();
        Set<String> seen = new HashSet<>();
        int page = 0;
        while (true) {
            JsonNode body = get(stack.loader.url() + "/api/projects/" + projectId + "/documents?size=100&page=" + page);
            JsonNode items = body.get("items");
            for (JsonNode d : items) {
                String naturalId = d.get("naturalId").asText();
                assertThat(seen.add(naturalId)).as("duplicate document %s", naturalId).isTrue();
                byNaturalId.put(naturalId, d);
            }
            if (items.size() < 100) {
                return byNaturalId;
            }
            page++;
        }
    }

    private static JsonNode attribute(JsonNode doc, String name) {
        JsonNode a = doc.at("/attributes/" + name + "/value");
        assertThat(a.isMissingNode()).as("attribute %s in %s", name, doc).isFalse();
        return a;
    }

    /** A text value, or null for a JSON null: a null source field must stay null in the store. */
    private static String text(JsonNode n) {
        return n == null || n.isNull() ? null : n.asText();
    }

    private static Instant instant(JsonNode iso) {
        return OffsetDateTime.parse(iso.asText()).toInstant();
    }

    private static Instant sfInstant(JsonNode sf) {
        return OffsetDateTime.parse(sf.asText(), SF_DATETIME).toInstant();
    }

    private JsonNode post(String path, Object body) {
        String response = given().header("X-API-Key", stack.adminKey).contentType(ContentType.JSON).body(body)
                .when().post(stack.configApi.url() + path)
                .then().log().ifValidationFails().statusCode(org.hamcrest.Matchers.oneOf(200, 201, 202))
                .extract().asString();
        return read(response);
    }

    private JsonNode get(String url) {
        String response = given().header("X-API-Key", stack.adminKey).when().get(url)
                .then().log().ifValidationFails().statusCode(200).extract().asString();
        return read(response);
    }

    private static JsonNode read(String s) {
        try {
            return JSON.readTree(s);
        } catch (java.io.IOException e) {
            throw new IllegalStateException(s, e);
        }
    }
}
