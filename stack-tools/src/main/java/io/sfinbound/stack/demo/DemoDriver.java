package io.sfinbound.stack.demo;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.sfinbound.stack.Console;

/**
 * The local stack's demo: through config-api's public API it creates a connection to the Salesforce simulator (OAuth
 * username-password flow), a project and a live-chat job (or reuses the ones of an earlier demo, remembered in a state
 * file), runs the job, follows the run until it ends, and reads the loaded documents back from the loader.
 */
public final class DemoDriver {

    /** Run statuses after which a run never changes (docs/architecture.md, run lifecycle). */
    public static final Set<String> TERMINAL = Set.of("COMPLETED", "COMPLETED_WITH_WARNINGS", "FAILED", "CANCELLED", "DEFERRED");
    /** Statuses of a run that did its work. */
    public static final Set<String> SUCCESS = Set.of("COMPLETED", "COMPLETED_WITH_WARNINGS");

    static final String SOQL = "SELECT Id, Body, StartTime, EndTime, Status, ChatDuration, OwnerId, CaseId, CreatedDate, "
            + "LastModifiedDate FROM LiveChatTranscript";

    private static final ObjectMapper JSON = new ObjectMapper();

    private final ApiClient configApi;
    private final ApiClient loader;
    private final DemoSettings settings;

    public DemoDriver(ApiClient configApi, ApiClient loader, DemoSettings settings) {
        this.configApi = configApi;
        this.loader = loader;
        this.settings = settings;
    }

    /** What the demo did: the ids it used and the run's outcome. */
    public record Outcome(String connectionId, String projectId, String jobId, boolean reused, JsonNode run,
            Duration runTime, long documentsOfRun, long documentsOfProject, List<JsonNode> sample) {

        /** The run's status. */
        public String status() {
            return run.path("status").asText();
        }

        /** Whether the run ended successfully. */
        public boolean succeeded() {
            return SUCCESS.contains(status());
        }
    }

    /**
     * Runs the demo.
     *
     * @throws UnexpectedAnswerException when a service answers something the contracts do not allow
     * @throws DemoTimeoutException      when the run does not end in time
     */
    public Outcome run() throws IOException, InterruptedException {
        Ids ids = reusableIds();
        boolean reused = ids != null;
        if (ids == null) {
            ids = create();
            saveState(ids);
        }
        Console.out("demo: connection " + ids.connectionId + ", project " + ids.projectId + ", job " + ids.jobId
                + (reused ? " (from the previous demo; this run is incremental)" : " (created)"));

        JsonNode queued = configApi.post("/api/jobs/" + ids.jobId + "/runs", null, 202, 201, 200);
        String runId = requiredText(queued, "id", "POST /api/jobs/" + ids.jobId + "/runs");
        Console.out("demo: run " + runId + " " + queued.path("status").asText("QUEUED"));

        Instant start = Instant.now();
        JsonNode run = follow(runId, start);
        Duration took = Duration.between(start, Instant.now());

        long ofRun = -1;
        long ofProject = -1;
        List<JsonNode> sample = new ArrayList<>();
        if (SUCCESS.contains(run.path("status").asText())) {
            JsonNode page = loader.get("/api/projects/" + ids.projectId + "/documents?runId=" + runId + "&size=3");
            ofRun = page.path("total").asLong(-1);
            page.path("items").forEach(sample::add);
            ofProject = loader.get("/api/projects/" + ids.projectId + "/documents?size=1").path("total").asLong(-1);
        }
        return new Outcome(ids.connectionId, ids.projectId, ids.jobId, reused, run, took, ofRun, ofProject, sample);
    }

    private JsonNode follow(String runId, Instant start) throws InterruptedException {
        Instant deadline = start.plus(settings.runTimeout());
        String last = "";
        while (true) {
            JsonNode run = configApi.get("/api/runs/" + runId);
            String status = run.path("status").asText();
            String progress = status + " " + counters(run.path("counters"));
            if (!progress.equals(last)) {
                Console.out(String.format("demo: %5.1f s  %s", Duration.between(start, Instant.now()).toMillis() / 1000.0, progress));
                last = progress;
            }
            if (TERMINAL.contains(status)) {
                return run;
            }
            if (Instant.now().isAfter(deadline)) {
                throw new DemoTimeoutException("run " + runId + " is still " + status + " after " + settings.runTimeout().toSeconds()
                        + " s; its counters: " + counters(run.path("counters")));
            }
            Thread.sleep(settings.pollInterval().toMillis());
        }
    }

    /** Counters as {@code name=value} pairs, in the service's order. */
    public static String counters(JsonNode counters) {
        if (counters == null || !counters.isObject() || counters.isEmpty()) {
            return "(no counters yet)";
        }
        StringBuilder sb = new StringBuilder();
        counters.fields().forEachRemaining(e -> sb.append(sb.length() == 0 ? "" : " ").append(e.getKey()).append('=').append(e.getValue().asText()));
        return sb.toString();
    }

    private Ids create() {
        Map<String, Object> connection = new LinkedHashMap<>();
        connection.put("name", "Salesforce simulator (demo)");
        connection.put("loginUrl", settings.loginUrl());
        connection.put("authFlow", "USERNAME_PASSWORD");
        connection.put("consumerKey", DemoSettings.CONSUMER_KEY);
        connection.put("consumerSecret", DemoSettings.CONSUMER_SECRET);
        connection.put("username", DemoSettings.USERNAME);
        connection.put("password", DemoSettings.PASSWORD);
        connection.put("securityToken", DemoSettings.SECURITY_TOKEN);
        connection.put("sandbox", false);
        JsonNode c = createNamed("/api/connections", connection);
        String connectionId = requiredText(c, "id", "POST /api/connections");
        String leaked = leakedSecret(c);
        if (leaked != null) {
            Console.err("demo: WARNING config-api returned the connection's " + leaked + " in its answer; secrets must never be returned");
        }

        Map<String, Object> project = new LinkedHashMap<>();
        project.put("name", "sfinbound demo");
        project.put("description", "Live-chat transcripts from the Salesforce simulator, loaded by bin/sfinbound demo");
        String projectId = requiredText(createNamed("/api/projects", project), "id", "POST /api/projects");

        Map<String, Object> job = new LinkedHashMap<>();
        job.put("projectId", idValue(projectId));
        job.put("connectionId", idValue(connectionId));
        job.put("name", "Demo live-chat transcripts");
        job.put("dataType", "LIVE_CHAT");
        job.put("apiVersion", "62.0");
        job.put("soql", SOQL);
        job.put("dateField", "LastModifiedDate");
        job.put("schedule", Map.of("type", "MANUAL"));
        String jobId = requiredText(createNamed("/api/jobs", job), "id", "POST /api/jobs");
        return new Ids(connectionId, projectId, jobId);
    }

    /** Creates a named resource; when the name is taken (409, an earlier demo whose state file is gone) a suffixed one. */
    private JsonNode createNamed(String path, Map<String, Object> body) {
        ApiClient.Answer a = configApi.call("POST", path, body);
        if (a.status() == 409) {
            body.put("name", body.get("name") + " " + Instant.now().toString().substring(0, 19));
            a = configApi.call("POST", path, body);
        }
        if ((a.status() == 201 || a.status() == 200) && a.body() != null && a.body().isObject()) {
            return a.body();
        }
        throw configApi.unexpected("POST", path, a);
    }

    /** The ids of the previous demo when the job still exists in config-api. */
    private Ids reusableIds() throws IOException {
        Path state = settings.stateFile();
        if (state == null || !Files.isRegularFile(state)) {
            return null;
        }
        JsonNode s;
        try {
            s = JSON.readTree(state.toFile());
        } catch (IOException e) {
            Console.err("demo: ignoring unreadable " + state + " (" + e.getMessage() + ")");
            return null;
        }
        Ids ids = new Ids(s.path("connectionId").asText(""), s.path("projectId").asText(""), s.path("jobId").asText(""));
        if (ids.connectionId.isEmpty() || ids.projectId.isEmpty() || ids.jobId.isEmpty()) {
            return null;
        }
        ApiClient.Answer a = configApi.call("GET", "/api/jobs/" + ids.jobId, null);
        if (a.status() == 200 && a.body() != null && ids.projectId.equals(a.body().path("projectId").asText(ids.projectId))) {
            return ids;
        }
        if (a.status() / 100 == 5 || a.status() == 401 || a.status() == 403) {
            throw configApi.unexpected("GET", "/api/jobs/" + ids.jobId, a);
        }
        return null; // gone (a fresh database) or not readable: start over
    }

    private void saveState(Ids ids) throws IOException {
        Path state = settings.stateFile();
        if (state == null) {
            return;
        }
        ObjectNode n = JSON.createObjectNode();
        n.put("connectionId", ids.connectionId);
        n.put("projectId", ids.projectId);
        n.put("jobId", ids.jobId);
        Files.createDirectories(state.toAbsolutePath().getParent());
        Files.writeString(state, JSON.writerWithDefaultPrettyPrinter().writeValueAsString(n));
    }

    private static String requiredText(JsonNode n, String field, String call) {
        JsonNode v = n.get(field);
        if (v == null || v.isNull() || v.asText().isEmpty()) {
            throw new UnexpectedAnswerException("the answer to " + call + " has no \"" + field + "\": " + n, 0);
        }
        return v.asText();
    }

    /** Numeric ids go back as numbers, others as strings, so the demo works whatever id type config-api uses. */
    static Object idValue(String id) {
        return id.matches("\\d{1,18}") ? (Object) Long.valueOf(id) : id;
    }

    /** The name of the first secret field that appears in a connection's answer, or null. */
    static String leakedSecret(JsonNode connection) {
        Map<String, String> secrets = Map.of(
                "consumerSecret", DemoSettings.CONSUMER_SECRET,
                "password", DemoSettings.PASSWORD,
                "securityToken", DemoSettings.SECURITY_TOKEN);
        String text = connection.toString();
        for (Map.Entry<String, String> e : secrets.entrySet()) {
            if (text.contains(e.getValue())) {
                return e.getKey();
            }
        }
        return null;
    }

    private record Ids(String connectionId, String projectId, String jobId) {
    }

    /** The run did not end within the configured time. */
    public static final class DemoTimeoutException extends RuntimeException {
        private static final long serialVersionUID = 1L;

        public DemoTimeoutException(String message) {
            super(message);
        }
    }
}
