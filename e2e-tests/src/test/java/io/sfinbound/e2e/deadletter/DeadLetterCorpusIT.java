package io.sfinbound.e2e.deadletter;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.lang.reflect.Field;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.sfinbound.common.kafka.Topics;
import io.sfinbound.e2e.Stack;
import io.sfinbound.testing.EmbeddedKafka;
import io.sfinbound.testing.ServiceProcess;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Poison records between good ones in one run: malformed transcript HTML, wrong types and invalid dates for typed
 * mappings, and an SMS conversation over 1 MB. Every bad record is a dead letter with its stage, error code and
 * reason, the run's counters account for each of them, and every good record of the same run arrives. The records
 * are planted in a simulator of this test's own (its data changes would disturb the other end-to-end tests).
 */
class DeadLetterCorpusIT {

    static final ObjectMapper JSON = new ObjectMapper();
    static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    static Stack stack;
    static ServiceProcess simulator;
    static String adminKey;
    static String configApi;
    static String loader;
    static long connectionId;

    @BeforeAll
    static void start() throws Exception {
        stack = Stack.get();
        adminKey = (String) field("adminKey");
        configApi = ((ServiceProcess) field("configApi")).url();
        loader = ((ServiceProcess) field("loader")).url();
        simulator = ServiceProcess.of("salesforce-sim").name("deadletter-salesforce-sim")
                .property("sim.data.seed", "8")
                .property("sim.data.LiveChatTranscript.count", "24")
                .property("sim.data.Feedback__c.count", "24")
                .property("sim.data.MessagingSession.count", "6")
                .property("sim.data.ConversationEntry.min-per-parent", "40")
                .property("sim.data.ConversationEntry.max-per-parent", "40")
                .start(Duration.ofSeconds(180));
        Map<String, Object> c = new LinkedHashMap<>();
        c.put("name", "dead letter simulator");
        c.put("loginUrl", simulator.url());
        c.put("authFlow", "USERNAME_PASSWORD");
        c.put("consumerKey", "sfinbound-demo-key");
        c.put("consumerSecret", "sfinbound-demo-secret");
        c.put("username", "demo@sfinbound.example");
        c.put("password", "demo-password");
        c.put("securityToken", "DEMOTOKEN");
        connectionId = api("POST", configApi + "/api/connections", c).get("id").asLong();
    }

    @AfterAll
    static void stop() {
        if (simulator != null) {
            simulator.close();
        }
    }

    @Test
    void malformedTranscriptsAreDeadLetteredAndTheGoodOnesArrive() throws Exception {
        List<String> ids = ids("SELECT Id FROM LiveChatTranscript ORDER BY Id");
        Map<String, String> poison = new LinkedHashMap<>();
        poison.put(ids.get(2), "<table><tr><td>no header and no chat line</td></tr></table>");
        poison.put(ids.get(7), "<<<p>>> </div></div><br/ &amp &#xFFFFFFFF; <script>alert(1)</script");
        poison.put(ids.get(11), "\u0000\u0001 plain text without a single chat line \uFFFD");
        poison.forEach((id, body) -> update("LiveChatTranscript", List.of(id), Map.of("Body", body)));
        // odd but not malformed: a centered (header) line in 5,000 unclosed tags is parsed, not dead-lettered
        update("LiveChatTranscript", List.of(ids.get(19)), Map.of("Body", "<p align=\"center\">" + "<b>".repeat(5_000) + "</p>"));
        runAndCheck("LIVE_CHAT", "SELECT Id, Body, Status, StartTime, LastModifiedDate FROM LiveChatTranscript",
                List.of(mapping("Status", "status", "TEXT")), ids, poison.keySet());
    }

    @Test
    void wrongTypesAndInvalidDatesAreDeadLetteredAndTheGoodOnesArrive() throws Exception {
        List<String> ids = ids("SELECT Id FROM Feedback__c ORDER BY Id");
        // good values for the typed mappings on every record first, then the poison ones
        update("Feedback__c", ids, Map.of("Comment__c", "42", "Name", "2025-03-01"));
        Map<String, Map<String, Object>> poison = new LinkedHashMap<>();
        poison.put(ids.get(1), Map.of("Comment__c", "forty-two"));
        poison.put(ids.get(4), Map.of("Comment__c", "12,5 EUR"));
        poison.put(ids.get(9), Map.of("Comment__c", "NaN"));
        poison.put(ids.get(12), Map.of("Name", "2025-13-45"));
        poison.put(ids.get(15), Map.of("Name", "yesterday"));
        poison.put(ids.get(21), Map.of("Name", "2025-02-30T25:61:00Z"));
        poison.forEach((id, fields) -> update("Feedback__c", List.of(id), fields));
        runAndCheck("FEEDBACK", "SELECT Id, Name, Comment__c, Rating__c, LastModifiedDate FROM Feedback__c",
                List.of(mapping("Comment__c", "score", "NUMBER"), mapping("Name", "submitted", "DATE")), ids, poison.keySet());
    }

    @Test
    void aConversationOverOneMegabyteIsDeadLetteredAndTheOthersArrive() throws Exception {
        List<String> ids = ids("SELECT Id FROM MessagingSession ORDER BY Id");
        String big = ids.get(3);
        List<String> entries = ids("SELECT Id FROM ConversationEntry WHERE ConversationId = '" + big + "'");
        assertThat(entries).hasSize(40);
        // 40 entries of 32,000 characters: a conversation of 1.28 MB
        update("ConversationEntry", entries, Map.of("Message", "Long message. ".repeat(2_285)));
        update("MessagingSession", List.of(big), Map.of("Status", "Ended"));
        runAndCheck("SMS_TEXT", "SELECT Id, Name, ChannelType, Status, StartTime, EndTime, LastModifiedDate FROM MessagingSession",
                List.of(mapping("Status", "status", "TEXT")), ids, Set.of(big));
    }

    // ---- the run and its checks

    private void runAndCheck(String dataType, String soql, List<Map<String, Object>> mappings, List<String> all,
                             Set<String> poison) throws Exception {
        long project = api("POST", configApi + "/api/projects", Map.of("name", "dead letters " + dataType)).get("id").asLong();
        Map<String, Object> job = new LinkedHashMap<>();
        job.put("projectId", project);
        job.put("connectionId", connectionId);
        job.put("name", "dead letters " + dataType);
        job.put("dataType", dataType);
        job.put("apiVersion", "62.0");
        job.put("soql", soql);
        job.put("dateField", "LastModifiedDate");
        job.put("duplicateMode", "REPLACE");
        job.put("schedule", Map.of("type", "MANUAL"));
        job.put("fieldMappings", mappings);
        long jobId = api("POST", configApi + "/api/jobs", job).get("id").asLong();
        String runId = api("POST", configApi + "/api/jobs/" + jobId + "/runs", Map.of()).get("id").asText();
        JsonNode[] run = new JsonNode[1];
        await().atMost(Duration.ofMinutes(3)).pollInterval(Duration.ofMillis(500)).untilAsserted(() -> {
            run[0] = api("GET", configApi + "/api/runs/" + runId, null);
            assertThat(run[0].get("status").asText()).as("run %s", run[0])
                    .isIn("COMPLETED", "COMPLETED_WITH_WARNINGS", "FAILED", "CANCELLED", "DEFERRED");
        });
        System.out.printf("dead letters %s: run %s%n", dataType, run[0]);
        assertThat(run[0].get("status").asText()).as("run %s", run[0]).isEqualTo("COMPLETED_WITH_WARNINGS");
        JsonNode counters = run[0].get("counters");
        assertThat(counters.get("extracted").asLong()).as("extracted").isEqualTo(all.size());
        assertThat(counters.get("failed").asLong()).as("failed: every poison record").isEqualTo(poison.size());
        assertThat(counters.get("loaded").asLong()).as("loaded: every good record").isEqualTo(all.size() - poison.size());
        assertThat(counters.get("accounted").asLong()).isEqualTo(all.size());

        Set<String> stored = new HashSet<>();
        for (JsonNode d : api("GET", loader + "/api/projects/" + project + "/documents?size=500", null).get("items")) {
            stored.add(d.get("sourceRecordId").asText());
        }
        Set<String> good = new HashSet<>(all);
        good.removeAll(poison);
        assertThat(stored).as("stored documents").isEqualTo(good);

        Map<String, JsonNode> letters = deadLetters(runId, poison.size());
        assertThat(letters.keySet()).as("dead letters of run %s", runId).isEqualTo(poison);
        letters.forEach((id, dl) -> {
            assertThat(dl.path("stage").asText()).as("stage of %s", id).isNotBlank();
            assertThat(dl.path("error").asText()).as("error of %s", id).isNotBlank();
            assertThat(dl.path("reason").asText()).as("reason of %s", id).isNotBlank();
            assertThat(dl.path("jobId").asLong()).isEqualTo(jobId);
        });
        System.out.printf("dead letters %s: %d good records stored, %d dead letters: %s%n", dataType, stored.size(), letters.size(),
                letters.values().stream().map(d -> d.path("stage").asText() + "/" + d.path("error").asText()).toList());
    }

    /** The dead letters of a run on both dead-letter topics, by source record id. */
    private static Map<String, JsonNode> deadLetters(String runId, int expected) {
        Map<String, JsonNode> byRecord = new HashMap<>();
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(Map.of(
                "bootstrap.servers", EmbeddedKafka.bootstrapServers(),
                "group.id", "e2e-dead-letters-" + UUID.randomUUID(), "auto.offset.reset", "earliest",
                "max.partition.fetch.bytes", "16777216", "fetch.max.bytes", "67108864"),
                new StringDeserializer(), new StringDeserializer())) {
            consumer.subscribe(List.of(Topics.RECORDS_DLQ, Topics.DOCUMENTS_DLQ));
            await().atMost(Duration.ofSeconds(60)).until(() -> {
                for (var r : consumer.poll(Duration.ofMillis(500))) {
                    JsonNode dl = JSON.readTree(r.value());
                    if (runId.equals(dl.path("runId").asText())) {
                        assertThat(byRecord.put(dl.path("sourceRecordId").asText(), dl)).as("one dead letter per record").isNull();
                    }
                }
                return byRecord.size() >= expected;
            });
        }
        return byRecord;
    }

    // ---- simulator and API calls

    private static List<String> ids(String soql) throws Exception {
        JsonNode t = JSON.readTree(HTTP.send(HttpRequest.newBuilder(URI.create(simulator.url() + "/services/oauth2/token"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("grant_type=password&username=demo%40sfinbound.example"
                        + "&password=demo-passwordDEMOTOKEN&client_id=sfinbound-demo-key&client_secret=sfinbound-demo-secret"))
                .build(), HttpResponse.BodyHandlers.ofString()).body());
        List<String> ids = new ArrayList<>();
        String next = "/services/data/v62.0/query?q=" + URLEncoder.encode(soql, StandardCharsets.UTF_8);
        while (next != null) {
            JsonNode page = JSON.readTree(HTTP.send(HttpRequest.newBuilder(URI.create(simulator.url() + next))
                    .header("Authorization", "Bearer " + t.get("access_token").asText()).build(), HttpResponse.BodyHandlers.ofString()).body());
            page.get("records").forEach(r -> ids.add(r.get("Id").asText()));
            next = page.path("done").asBoolean(true) ? null : page.get("nextRecordsUrl").asText();
        }
        return ids;
    }

    private static void update(String object, List<String> ids, Map<String, Object> fields) {
        try {
            HttpResponse<String> r = HTTP.send(HttpRequest.newBuilder(URI.create(simulator.url() + "/admin/data/" + object + "/update"))
                    .header("Content-Type", "application/json")
                    // stamped in the past: a change stamped now lies beyond the extractor's window end (now - safety margin)
                    .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(Map.of("ids", ids, "fields", fields,
                            "timestamp", java.time.Instant.now().minusSeconds(300).toString()))))
                    .build(), HttpResponse.BodyHandlers.ofString());
            assertThat(r.statusCode()).as("update %s: %s", object, r.body()).isEqualTo(200);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static Map<String, Object> mapping(String source, String target, String type) {
        return Map.of("sourceField", source, "targetAttribute", target, "dataType", type);
    }

    private static JsonNode api(String method, String url, Object body) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(url)).header("X-API-Key", adminKey).timeout(Duration.ofSeconds(60));
        if (body != null) {
            b.header("Content-Type", "application/json").method(method, HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body)));
        } else {
            b.method(method, HttpRequest.BodyPublishers.noBody());
        }
        HttpResponse<String> r = HTTP.send(b.build(), HttpResponse.BodyHandlers.ofString());
        assertThat(r.statusCode()).as("%s %s: %s", method, url, r.body()).isBetween(200, 299);
        return JSON.readTree(r.body());
    }

    /** {@link Stack} keeps its keys and processes package-private to {@code io.sfinbound.e2e}; this package reads them. */
    private static Object field(String name) throws ReflectiveOperationException {
        Field f = Stack.class.getDeclaredField(name);
        f.setAccessible(true);
        return f.get(stack);
    }
}
