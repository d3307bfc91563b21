package io.sfinbound.e2e.chaos;

import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.math.BigDecimal;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Function;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.sfinbound.e2e.SalesforceSource;

/**
 * The chaos scenario, shared by the short form ({@code ChaosIT} in {@code mvn verify}) and the long form
 * ({@code chaos/run}): incremental jobs of each data type run while services are killed, the broker and PostgreSQL
 * restarted, and Salesforce faults and data changes injected; then the store is compared with the simulator's data
 * read over the Salesforce wire. Every difference is a mismatch; the figures are printed.
 */
final class ChaosRunner {

    static final DateTimeFormatter SF_DATETIME = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSZ");
    static final Set<String> FINAL = Set.of("COMPLETED", "COMPLETED_WITH_WARNINGS", "FAILED", "CANCELLED", "DEFERRED");
    static final String LEAKED_EMAIL = "visitor@example.com";
    private static final ObjectMapper JSON = new ObjectMapper();

    /** One job of the scenario: a data type, its SOQL, the field compared with the stored attribute. */
    record JobSpec(String name, String dataType, String object, String soql, String api, String sourceField,
                   String attribute, String attributeType, Function<Integer, Object> updatedValue) {
    }

    static final List<JobSpec> JOBS = List.of(
            new JobSpec("chaos live chat", "LIVE_CHAT", "LiveChatTranscript",
                    "SELECT Id, Body, Status, StartTime, CaseId, LastModifiedDate FROM LiveChatTranscript", "REST",
                    "Status", "status", "TEXT", round -> "Chaos-" + round),
            new JobSpec("chaos sms", "SMS_TEXT", "MessagingSession",
                    "SELECT Id, Name, ChannelType, Status, StartTime, EndTime, LastModifiedDate FROM MessagingSession", "BULK",
                    "Status", "status", "TEXT", round -> "Chaos-" + round),
            new JobSpec("chaos feedback", "FEEDBACK", "Feedback__c",
                    "SELECT Id, Name, Comment__c, Rating__c, Channel__c, LastModifiedDate FROM Feedback__c", "REST",
                    "Rating__c", "rating", "NUMBER", round -> 100.0 + round));

    private final ChaosCluster cluster;
    private final Duration runTimeout;
    private final int cycles;
    private final int changesPerRound;
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(10)).build();

    final Map<String, Integer> faults = new TreeMap<>();
    final Map<String, Integer> restarts = new TreeMap<>();
    final Map<String, Integer> runStatuses = new TreeMap<>();
    final List<String> mismatches = new ArrayList<>();
    long records;
    long documents;
    final Map<String, Long> jobIds = new LinkedHashMap<>();
    final Map<String, List<String>> runsByJob = new HashMap<>();
    /** Records soft-deleted after their load: their documents keep the content from before the delete. */
    final Set<String> deleted = new java.util.HashSet<>();
    /** Runs that did not complete, with their status and message. */
    final List<String> notCompleted = new ArrayList<>();
    long projectId;
    private int round;

    ChaosRunner(ChaosCluster cluster, Duration runTimeout, int cycles, int changesPerRound) {
        this.cluster = cluster;
        this.runTimeout = runTimeout;
        this.cycles = cycles;
        this.changesPerRound = changesPerRound;
    }

    // ---- scenario

    void run() throws Exception {
        setUp();
        // round 0, the initial load of every record: crash every service in turn and restart the broker
        // (and PostgreSQL when allowed) while the runs are in progress
        round(() -> {
            for (String service : ChaosCluster.SERVICES) {
                awaitSomeRunActive();
                restart(service, () -> cluster.crash(service));
            }
            awaitSomeRunActive();
            restart("kafka", cluster::restartBroker);
            if (cluster.canRestartPostgres()) {
                awaitSomeRunActive();
                restart("postgres", cluster::restartPostgres);
            }
        }, null);
        for (int c = 0; c < cycles; c++) {
            // Salesforce faults while the incremental runs read changed, deleted and late records
            round(() -> {
                fault("503 burst", "/admin/faults/fail", Map.of("count", 4, "status", 503));
                awaitSomeRunActive();
                fault("401 storm", "/admin/sessions/expire", Map.of());
                fault("401 storm", "/admin/faults/fail", Map.of("count", 3, "status", 401));
                fault("slow responses", "/admin/faults/latency", Map.of("millis", 300, "path", "/query"));
                awaitSomeRunActive();
                restart("extractor", () -> cluster.crash("extractor"));
            }, null);
            sim("DELETE", "/admin/faults", null);
            sim("POST", "/admin/faults/latency", Map.of("millis", 0, "path", "/query"));
            fault("failed Bulk job", "/admin/bulk/fail-next", Map.of("count", 1, "message", "chaos: bulk job failed"));
            round(() -> {
                awaitSomeRunActive();
                fault("locator expiry", "/admin/locators/expire", Map.of());
                restart("loader", () -> cluster.crash("loader"));
                restart("kafka", cluster::restartBroker);
            }, null);
            // a spent daily quota defers every run, with nothing loaded and the watermark kept
            fault("quota exhaustion", "/admin/limits", Map.of("org", "demo", "used", 100_000, "max", 100_000));
            round(() -> { }, "DEFERRED");
            sim("POST", "/admin/limits", Map.of("org", "demo", "used", 0, "max", 100_000));
            // the extractor trusts its last quota reading for minutes (extractor.quota.reading-ttl); a crash forgets it
            restart("extractor", () -> cluster.crash("extractor"));
        }
        sim("DELETE", "/admin/faults", null);
        // the closing runs, without faults, must complete
        for (JobSpec j : JOBS) {
            String runId = startRun(j);
            JsonNode end = awaitRun(runId);
            count(runStatuses, end.path("status").asText());
            if (!end.path("status").asText().equals("COMPLETED")) {
                mismatch("closing run of %s ended %s: %s", j.name(), end.path("status").asText(), end.path("message").asText());
            }
        }
        verify();
    }

    /** Changes the data (from the second round), starts a run of every job, disrupts, and awaits the runs. */
    private void round(ThrowingRunnable disruption, String expectedStatus) throws Exception {
        if (round > 0 && expectedStatus == null) {
            changeData();
        }
        List<String> runs = new ArrayList<>();
        for (JobSpec j : JOBS) {
            runs.add(startRun(j));
        }
        disruption.run();
        for (String runId : runs) {
            JsonNode end = awaitRun(runId);
            String status = end.path("status").asText();
            count(runStatuses, status);
            if (!status.equals("COMPLETED")) {
                notCompleted.add(runId + " " + status + ": " + end.path("message").asText());
            }
            if (expectedStatus == null && !status.equals("COMPLETED") && !status.equals("FAILED")) {
                mismatch("run %s ended %s: %s", runId, status, end.path("message").asText());
            }
            if (expectedStatus == null && status.equals("FAILED") && end.path("message").asText().isBlank()) {
                mismatch("run %s FAILED without a reason", runId);
            }
            if (expectedStatus != null && !status.equals(expectedStatus)) {
                mismatch("run %s ended %s, expected %s: %s", runId, status, expectedStatus, end.path("message").asText());
            }
            checkRunCounters(end);
        }
        round++;
    }

    /** Updates, soft deletes, late and new records of every object, stamped in the past so no window misses them. */
    private void changeData() throws Exception {
        Instant stamp = Instant.now().minusSeconds(180);
        for (JobSpec j : JOBS) {
            List<JsonNode> source = source(j, false);
            source.sort(Comparator.comparing(r -> r.get("Id").asText()));
            int n = Math.min(changesPerRound, source.size() / 10);
            List<String> update = new ArrayList<>();
            List<String> delete = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                // ids spread over the data set; a deleted record is never updated afterwards
                update.add(source.get((round * 7919 + i * 37) % source.size()).get("Id").asText());
            }
            for (int i = 0; i < Math.max(1, n / 4); i++) {
                String id = source.get((round * 104_729 + i * 53 + 11) % source.size()).get("Id").asText();
                if (!update.contains(id)) {
                    delete.add(id);
                }
            }
            Map<String, Object> fields = new HashMap<>();
            fields.put(j.sourceField(), j.updatedValue().apply(round));
            sim("POST", "/admin/data/" + j.object() + "/update", Map.of("ids", update, "fields", fields, "timestamp", stamp.toString()));
            count(faults, "records updated", update.size());
            sim("POST", "/admin/data/" + j.object() + "/delete", Map.of("ids", delete, "timestamp", stamp.toString()));
            deleted.addAll(delete);
            count(faults, "records deleted", delete.size());
            // late: committed now, stamped before the job's watermark but inside its one-hour look-back
            JsonNode wm = get(cluster.configApi() + "/api/jobs/" + jobIds.get(j.name())).path("watermark");
            if (wm.hasNonNull("timestamp")) {
                Instant late = Instant.parse(wm.get("timestamp").asText()).minusSeconds(600);
                sim("POST", "/admin/data/" + j.object() + "/add", Map.of("count", Math.max(1, n / 4), "timestamp", late.toString()));
                count(faults, "records arriving late", Math.max(1, n / 4));
            }
            sim("POST", "/admin/data/" + j.object() + "/add", Map.of("count", Math.max(1, n / 2), "timestamp", stamp.toString()));
        }
    }

    // ---- verification

    void verify() throws Exception {
        Map<String, JsonNode> stored = new HashMap<>();
        for (JsonNode d : documents()) {
            if (stored.put(d.get("naturalId").asText(), d) != null) {
                mismatch("duplicate document %s", d.get("naturalId").asText());
            }
        }
        documents = stored.size();
        int redacted = 0;
        for (JobSpec j : JOBS) {
            long jobId = jobIds.get(j.name());
            // every record ever created, deleted ones included: a record deleted after its load stays in the store
            List<JsonNode> all = source(j, true);
            records += all.size();
            long jobDocs = 0;
            for (JsonNode r : all) {
                String naturalId = "Salesforce;" + r.get("Id").asText();
                JsonNode doc = stored.remove(naturalId);
                if (doc == null) {
                    mismatch("missing document %s (%s)", naturalId, j.name());
                    continue;
                }
                jobDocs++;
                if (doc.toString().contains(LEAKED_EMAIL)) {
                    mismatch("document %s holds an unredacted e-mail address", naturalId);
                }
                redacted += doc.path("redactions").asInt() > 0 ? 1 : 0;
                if (deleted.contains(r.get("Id").asText())) {
                    continue;
                }
                if (doc.path("jobId").asLong() != jobId) {
                    mismatch("document %s has job %s, expected %s", naturalId, doc.path("jobId").asText(), jobId);
                }
                if (!OffsetDateTime.parse(doc.path("documentDate").asText()).toInstant().equals(sfInstant(r.get("LastModifiedDate")))) {
                    mismatch("document %s date %s, source %s", naturalId, doc.path("documentDate").asText(), r.get("LastModifiedDate").asText());
                }
                JsonNode value = doc.at("/attributes/" + j.attribute() + "/value");
                JsonNode expected = r.get(j.sourceField());
                boolean same = j.attributeType().equals("NUMBER")
                        ? (expected == null || expected.isNull()) ? value.isMissingNode() || value.isNull()
                        : value.isNumber() && value.decimalValue().compareTo(new BigDecimal(expected.asText())) == 0
                        : (expected == null || expected.isNull()) ? value.isMissingNode() || value.isNull() : expected.asText().equals(value.asText());
                if (!same) {
                    mismatch("document %s %s = %s, source %s = %s", naturalId, j.attribute(), value, j.sourceField(), expected);
                }
            }
            checkLoadedSum(j, jobDocs);
            checkWatermark(j);
        }
        stored.keySet().forEach(id -> mismatch("unexpected document %s", id));
        if (redacted == 0) {
            mismatch("no document was redacted, though the transcripts hold e-mail addresses");
        }
        documents -= stored.size();
    }

    /** Every run loads a record at most once as LOADED: over all runs of a job, loaded == its documents. */
    private void checkLoadedSum(JobSpec j, long jobDocs) throws Exception {
        long loaded = 0;
        for (String runId : runsByJob.getOrDefault(j.name(), List.of())) {
            loaded += get(cluster.configApi() + "/api/runs/" + runId).at("/counters/loaded").asLong();
        }
        if (loaded != jobDocs) {
            mismatch("%s: loaded summed over its runs is %d, documents %d", j.name(), loaded, jobDocs);
        }
    }

    /** A completed run accounts for every record it extracted, each in exactly one outcome. */
    private void checkRunCounters(JsonNode run) {
        if (!run.path("status").asText().startsWith("COMPLETED")) {
            return;
        }
        JsonNode c = run.path("counters");
        long extracted = c.path("extracted").asLong();
        long outcomes = c.path("loaded").asLong() + c.path("updated").asLong() + c.path("unchanged").asLong()
                + c.path("skippedDuplicate").asLong() + c.path("filtered").asLong() + c.path("failed").asLong();
        if (c.path("accounted").asLong() != extracted || outcomes != extracted) {
            mismatch("run %s counters do not add up: %s", run.path("id").asText(), c);
        }
        if (run.path("status").asText().equals("COMPLETED_WITH_WARNINGS")) {
            mismatch("run %s completed with warnings: %s", run.path("id").asText(), c);
        }
    }

    /** The job's watermark is the (date, Id) of the last live record in the order of its windows. */
    private void checkWatermark(JobSpec j) throws Exception {
        List<JsonNode> live = source(j, false);
        JsonNode last = live.stream().max(Comparator.<JsonNode, Instant>comparing(r -> sfInstant(r.get("LastModifiedDate")))
                .thenComparing(r -> r.get("Id").asText())).orElseThrow();
        JsonNode wm = get(cluster.configApi() + "/api/jobs/" + jobIds.get(j.name())).path("watermark");
        if (!wm.hasNonNull("timestamp") || !Instant.parse(wm.get("timestamp").asText()).equals(sfInstant(last.get("LastModifiedDate")))
                || !wm.path("id").asText().equals(last.get("Id").asText())) {
            mismatch("%s watermark %s, expected %s %s", j.name(), wm, last.get("LastModifiedDate").asText(), last.get("Id").asText());
        }
    }

    // ---- API calls

    private void setUp() throws Exception {
        Map<String, Object> c = new LinkedHashMap<>();
        c.put("name", "chaos simulator");
        c.put("loginUrl", cluster.simulator());
        c.put("authFlow", "USERNAME_PASSWORD");
        c.put("consumerKey", SalesforceSource.CONSUMER_KEY);
        c.put("consumerSecret", SalesforceSource.CONSUMER_SECRET);
        c.put("username", SalesforceSource.USERNAME);
        c.put("password", SalesforceSource.PASSWORD);
        c.put("securityToken", SalesforceSource.SECURITY_TOKEN);
        long connectionId = post(cluster.configApi() + "/api/connections", c).get("id").asLong();
        projectId = post(cluster.configApi() + "/api/projects", Map.of("name", "chaos " + Instant.now())).get("id").asLong();
        for (JobSpec j : JOBS) {
            Map<String, Object> job = new LinkedHashMap<>();
            job.put("projectId", projectId);
            job.put("connectionId", connectionId);
            job.put("name", j.name());
            job.put("dataType", j.dataType());
            job.put("apiVersion", SalesforceSource.API_VERSION);
            job.put("soql", j.soql());
            job.put("dateField", "LastModifiedDate");
            job.put("api", j.api());
            job.put("duplicateMode", "REPLACE");
            job.put("lookBack", Map.of("amount", 1, "unit", "HOURS"));
            job.put("schedule", Map.of("type", "MANUAL"));
            job.put("fieldMappings", List.of(Map.of("sourceField", j.sourceField(), "targetAttribute", j.attribute(), "dataType", j.attributeType())));
            job.put("redaction", Map.of("detectors", List.of("EMAIL", "PHONE")));
            jobIds.put(j.name(), post(cluster.configApi() + "/api/jobs", job).get("id").asLong());
        }
    }

    private String startRun(JobSpec j) throws Exception {
        long jobId = jobIds.get(j.name());
        JsonNode[] run = new JsonNode[1];
        // config-api refuses a second active run of a job (409): a restarted service may still be finishing one
        await().atMost(runTimeout).pollInterval(Duration.ofSeconds(1)).ignoreExceptions().until(() -> {
            run[0] = post(cluster.configApi() + "/api/jobs/" + jobId + "/runs", Map.of());
            return true;
        });
        String id = run[0].get("id").asText();
        runsByJob.computeIfAbsent(j.name(), k -> new ArrayList<>()).add(id);
        return id;
    }

    private JsonNode awaitRun(String runId) {
        JsonNode[] last = new JsonNode[1];
        try {
            await().atMost(runTimeout).pollInterval(Duration.ofMillis(500)).ignoreExceptions().until(() -> {
                last[0] = get(cluster.configApi() + "/api/runs/" + runId);
                return FINAL.contains(last[0].path("status").asText());
            });
        } catch (org.awaitility.core.ConditionTimeoutException e) {
            mismatch("run %s did not end within %s: %s", runId, runTimeout, last[0]);
            return last[0] == null ? JSON.createObjectNode() : last[0];
        }
        return last[0];
    }

    /** Waits (bounded) until a run of the round is in progress, so a disruption hits work in flight. */
    private void awaitSomeRunActive() {
        try {
            await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(200)).ignoreExceptions().until(() -> {
                for (List<String> runs : runsByJob.values()) {
                    String runId = runs.get(runs.size() - 1);
                    if (get(cluster.configApi() + "/api/runs/" + runId).path("status").asText().equals("RUNNING")) {
                        return true;
                    }
                }
                return false;
            });
        } catch (org.awaitility.core.ConditionTimeoutException e) {
            // every run already ended: the disruption then hits an idle pipeline, which is allowed too
        }
    }

    private List<JsonNode> documents() throws Exception {
        List<JsonNode> out = new ArrayList<>();
        for (int page = 0; ; page++) {
            JsonNode body = get(cluster.loader() + "/api/projects/" + projectId + "/documents?size=500&page=" + page);
            body.get("items").forEach(out::add);
            if (body.get("items").size() < 500) {
                return out;
            }
        }
    }

    private List<JsonNode> source(JobSpec j, boolean all) throws IOException, InterruptedException {
        return new SalesforceSource(cluster.simulator()).query(j.soql(), all);
    }

    private void fault(String name, String path, Object body) throws Exception {
        sim("POST", path, body);
        count(faults, name);
    }

    private void restart(String component, ThrowingRunnable r) throws Exception {
        long t = System.nanoTime();
        r.run();
        count(restarts, component);
        System.out.printf("chaos: restarted %s in %d s%n", component, Duration.ofNanos(System.nanoTime() - t).toSeconds());
    }

    private JsonNode sim(String method, String path, Object body) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(cluster.simulator() + path)).timeout(Duration.ofSeconds(60))
                .header("Content-Type", "application/json")
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body)));
        HttpResponse<String> r = http.send(b.build(), HttpResponse.BodyHandlers.ofString());
        if (r.statusCode() >= 300) {
            throw new IllegalStateException("simulator " + method + " " + path + ": " + r.statusCode() + " " + r.body());
        }
        return r.body().isBlank() ? JSON.createObjectNode() : JSON.readTree(r.body());
    }

    JsonNode get(String url) throws Exception {
        HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(60))
                .header("X-API-Key", cluster.adminKey()).GET().build(), HttpResponse.BodyHandlers.ofString());
        if (r.statusCode() != 200) {
            throw new IllegalStateException("GET " + url + ": " + r.statusCode() + " " + r.body());
        }
        return JSON.readTree(r.body());
    }

    JsonNode post(String url, Object body) throws Exception {
        HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(60))
                .header("X-API-Key", cluster.adminKey()).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body))).build(), HttpResponse.BodyHandlers.ofString());
        if (r.statusCode() >= 300) {
            throw new IllegalStateException("POST " + url + ": " + r.statusCode() + " " + r.body());
        }
        return JSON.readTree(r.body());
    }

    // ---- figures

    private void mismatch(String format, Object... args) {
        String m = String.format(format, args);
        mismatches.add(m);
        System.out.println("CHAOS MISMATCH " + m);
    }

    private static void count(Map<String, Integer> m, String key) {
        count(m, key, 1);
    }

    private static void count(Map<String, Integer> m, String key, int n) {
        m.merge(key, n, Integer::sum);
    }

    String figures() {
        int faultCount = faults.values().stream().mapToInt(Integer::intValue).sum();
        int restartCount = restarts.values().stream().mapToInt(Integer::intValue).sum();
        StringBuilder b = new StringBuilder();
        notCompleted.forEach(r -> b.append("chaos: run not completed (then re-run): ").append(r).append('\n'));
        return b + String.format("chaos: faults injected %d %s, restarts %d %s, records %d, documents %d, runs %s, mismatches %d",
                faultCount, faults, restartCount, restarts, records, documents, runStatuses, mismatches.size());
    }

    /** Secrets of the connection never appear in a service log. */
    void scanLogs(List<Path> logs) throws IOException {
        for (Path log : logs) {
            if (Files.exists(log)) {
                String text = Files.readString(log);
                for (String secret : SalesforceSource.SECRETS) {
                    if (text.contains(secret)) {
                        mismatch("log %s contains a connection secret", log.getFileName());
                    }
                }
            }
        }
    }

    static Instant sfInstant(JsonNode sf) {
        return OffsetDateTime.parse(sf.asText(), SF_DATETIME).toInstant();
    }

    static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }

    @FunctionalInterface
    interface ThrowingRunnable {
        void run() throws Exception;
    }
}
