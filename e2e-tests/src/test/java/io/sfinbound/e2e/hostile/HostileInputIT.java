package io.sfinbound.e2e.hostile;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.RandomAccessFile;
import java.lang.reflect.Field;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.sfinbound.e2e.Stack;
import io.sfinbound.testing.ServiceProcess;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * The bad-input corpus against the live stack: every hostile or malformed request of {@code hostile/corpus.jsonl}
 * (plus the oversized and deeply nested bodies generated here) must get a 4xx {@code application/problem+json} with
 * {@code status} and {@code detail}, naming the field where the corpus says which; afterwards every service is still
 * ready and a valid job over the simulator still runs to COMPLETED with its documents stored.
 *
 * <p>Corpus lines: {@code name, method, url} ({@code config:}, {@code loader:} or {@code transformer:} prefix; placeholders
 * {@code {projectId} {jobId} {connectionId}}; {@code {simulator}} in a body), one of {@code body} (JSON sent as is), {@code raw} (text sent verbatim),
 * {@code base} ({@code job}: a valid job with {@code set}/{@code remove} applied to its top-level fields) or {@code gen}
 * (a generator below); optional {@code contentType}, {@code auth} (admin, none, wrong, viewer, service, wrong-service,
 * injection, huge), {@code field} (expected {@code errors[].field}), {@code soqlPosition} (the soql error has line
 * and column), {@code browser} (a browser-facing page: a 4xx HTML error page is expected) and {@code knownBug} (skipped with a warning: a service bug reported to the lead).
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class HostileInputIT {

    static final String CORPUS = "hostile/corpus.jsonl";
    static final String SOQL = "SELECT Id, Body, StartTime, EndTime, Status, ChatDuration, OwnerId, CaseId, CreatedDate, "
            + "LastModifiedDate FROM LiveChatTranscript";
    static final int ONE_MB = 1024 * 1024;
    static final ObjectMapper JSON = new ObjectMapper();

    static Stack stack;
    static String adminKey;
    static String serviceKey;
    static String viewerKey;
    static ServiceProcess simulator;
    static ServiceProcess configApi;
    static ServiceProcess loader;
    static ServiceProcess transformer;
    static long projectId;
    static long connectionId;
    static long jobId;
    static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(10)).build();

    @BeforeAll
    static void startStackAndFixtures() throws Exception {
        stack = Stack.get();
        adminKey = (String) field("adminKey");
        serviceKey = (String) field("serviceKey");
        simulator = (ServiceProcess) field("simulator");
        configApi = (ServiceProcess) field("configApi");
        loader = (ServiceProcess) field("loader");
        transformer = (ServiceProcess) field("transformer");
        connectionId = ok(send("POST", configApi.url() + "/api/connections", adminHeaders(), json(connection()))).get("id").asLong();
        projectId = ok(send("POST", configApi.url() + "/api/projects", adminHeaders(),
                json(Map.of("name", "hostile corpus", "description", "bad input corpus")))).get("id").asLong();
        jobId = ok(send("POST", configApi.url() + "/api/jobs", adminHeaders(), json(validJob()))).get("id").asLong();
        viewerKey = ok(send("POST", configApi.url() + "/api/keys", adminHeaders(),
                json(Map.of("name", "hostile viewer", "role", "VIEWER")))).get("key").asText();
    }

    @Test
    @Order(1)
    void everyHostileInputGetsA4xxProblem() throws Exception {
        List<JsonNode> corpus = corpus();
        assertThat(corpus).hasSizeGreaterThanOrEqualTo(200);
        int tried = 0;
        int fourXx = 0;
        int fiveXx = 0;
        int skipped = 0;
        List<String> failures = new ArrayList<>();
        long started = System.nanoTime();
        for (JsonNode c : corpus) {
            String name = c.get("name").asText();
            if (c.hasNonNull("knownBug")) {
                skipped++;
                System.out.printf("WARNING hostile case skipped, known bug: %s: %s%n", name, c.get("knownBug").asText());
                continue;
            }
            tried++;
            ServiceProcess target = target(c.get("url").asText());
            long logOffset = Files.size(target.log());
            String url = url(c.get("url").asText());
            Outcome o;
            try {
                HttpResponse<String> r = send(c.get("method").asText(), url, headers(c), body(c));
                o = check(c, r);
            } catch (IOException e) {
                o = new Outcome(0, "no HTTP response: " + e);
            }
            if (o.status >= 400 && o.status < 500) {
                fourXx++;
            } else if (o.status >= 500) {
                fiveXx++;
            }
            if (o.failure != null) {
                String failure = String.format("%s: %s %s -> %s%n    service log: %s", name, c.get("method").asText(),
                        abbreviate(url), o.failure, abbreviate(newErrorLines(target.log(), logOffset)));
                failures.add(failure);
                System.out.println("HOSTILE FAILURE " + failure);
            }
        }
        System.out.printf("hostile input corpus: %d inputs tried, %d 4xx, %d 5xx, %d known bugs skipped, %d failures, %d s%n",
                tried, fourXx, fiveXx, skipped, failures.size(), Duration.ofNanos(System.nanoTime() - started).toSeconds());
        assertThat(failures).as("hostile inputs not answered with a 4xx problem").isEmpty();
        assertThat(fiveXx).isZero();
    }

    @Test
    @Order(2)
    @SuppressWarnings("unchecked")
    void everyServiceIsStillReady() throws Exception {
        List<ServiceProcess> services = (List<ServiceProcess>) invoke("services");
        for (ServiceProcess s : services) {
            assertThat(s.isAlive()).as("%s alive", s.name()).isTrue();
            HttpResponse<String> ready = send("GET", s.url() + "/q/health/ready", Map.of(), null);
            assertThat(ready.statusCode()).as("%s ready: %s", s.name(), ready.body()).isEqualTo(200);
        }
    }

    @Test
    @Order(3)
    void aValidJobStillRunsToCompletionAndItsRecordsArrive() throws Exception {
        long project = ok(send("POST", configApi.url() + "/api/projects", adminHeaders(),
                json(Map.of("name", "hostile corpus good run")))).get("id").asLong();
        Map<String, Object> job = validJob();
        job.put("projectId", project);
        long goodJob = ok(send("POST", configApi.url() + "/api/jobs", adminHeaders(), json(job))).get("id").asLong();
        String runId = ok(send("POST", configApi.url() + "/api/jobs/" + goodJob + "/runs", adminHeaders(), "{}")).get("id").asText();
        JsonNode[] run = new JsonNode[1];
        await().atMost(Duration.ofMinutes(3)).pollInterval(Duration.ofMillis(500)).untilAsserted(() -> {
            run[0] = ok(send("GET", configApi.url() + "/api/runs/" + runId, adminHeaders(), null));
            assertThat(run[0].get("status").asText()).as("run %s", run[0]).isIn("COMPLETED", "FAILED", "CANCELLED",
                    "COMPLETED_WITH_WARNINGS", "DEFERRED");
        });
        assertThat(run[0].get("status").asText()).as("run %s", run[0]).isEqualTo("COMPLETED");
        long extracted = run[0].at("/counters/extracted").asLong();
        assertThat(extracted).isPositive();
        assertThat(run[0].at("/counters/loaded").asLong()).isEqualTo(extracted);
        JsonNode docs = ok(send("GET", loader.url() + "/api/projects/" + project + "/documents?size=500", adminHeaders(), null));
        assertThat(docs.get("items").size()).as("documents of the good run").isEqualTo((int) extracted);
    }

    // ---- checks

    record Outcome(int status, String failure) {
    }

    private static Outcome check(JsonNode c, HttpResponse<String> r) {
        int status = r.statusCode();
        String body = r.body();
        String contentType = r.headers().firstValue("Content-Type").orElse("");
        String seen = status + " " + contentType + " " + abbreviate(body);
        if (status < 400 || status >= 500) {
            return new Outcome(status, "expected a 4xx, got " + seen);
        }
        if (c.path("browser").asBoolean(false)) {
            // a page a browser is redirected to (the OAuth callback): an HTML error page is the right answer there,
            // as long as it never reflects the input unescaped
            if (!contentType.toLowerCase(Locale.ROOT).startsWith("text/html") || body.contains("<script>")) {
                return new Outcome(status, "expected an HTML error page without reflected markup, got " + seen);
            }
            return new Outcome(status, null);
        }
        if (!contentType.toLowerCase(Locale.ROOT).startsWith("application/problem+json")) {
            return new Outcome(status, "expected application/problem+json, got " + seen);
        }
        JsonNode problem;
        try {
            problem = JSON.readTree(body);
        } catch (IOException e) {
            return new Outcome(status, "problem body is not JSON: " + seen);
        }
        if (problem == null || problem.path("status").asInt() != status || !problem.hasNonNull("detail")
                || problem.get("detail").asText().isBlank()) {
            return new Outcome(status, "problem lacks status or detail: " + seen);
        }
        boolean validation = status == 400 || status == 422;
        if (validation && c.hasNonNull("field") && !namesField(problem, c.get("field").asText())) {
            return new Outcome(status, "no errors[].field naming " + c.get("field").asText() + ": " + seen);
        }
        if (validation && c.path("soqlPosition").asBoolean() && !hasSoqlPosition(problem)) {
            return new Outcome(status, "soql error without line and column: " + seen);
        }
        return new Outcome(status, null);
    }

    /** Whether an error names the field: its path ends with the expected leaf (indexes and nesting prefixes may vary). */
    private static boolean namesField(JsonNode problem, String expected) {
        String leaf = leaf(expected);
        for (JsonNode e : problem.path("errors")) {
            String f = e.path("field").asText("");
            if (f.equalsIgnoreCase(expected) || leaf(f).equalsIgnoreCase(leaf) || f.toLowerCase(Locale.ROOT).contains(leaf.toLowerCase(Locale.ROOT))) {
                return true;
            }
        }
        return false;
    }

    private static String leaf(String path) {
        String p = path.replaceAll("\\[\\d*]", "");
        int dot = p.lastIndexOf('.');
        return dot < 0 ? p : p.substring(dot + 1);
    }

    private static boolean hasSoqlPosition(JsonNode problem) {
        for (JsonNode e : problem.path("errors")) {
            if (e.path("field").asText("").equals("soql") && e.path("line").asInt() > 0 && e.path("column").asInt() > 0) {
                return true;
            }
        }
        return false;
    }

    // ---- requests

    private static Map<String, String> headers(JsonNode c) {
        Map<String, String> h = new LinkedHashMap<>();
        String auth = c.path("auth").asText("admin");
        switch (auth) {
            case "admin" -> h.put("X-API-Key", adminKey);
            case "none" -> {
            }
            case "wrong" -> h.put("X-API-Key", "e2e-admin-wrong-" + adminKey.length());
            case "viewer" -> h.put("X-API-Key", viewerKey);
            case "service" -> h.put("X-Service-Key", serviceKey);
            case "wrong-service" -> h.put("X-Service-Key", "not-the-service-key");
            case "injection" -> h.put("X-API-Key", "' OR '1'='1' --");
            case "huge" -> h.put("X-API-Key", "k".repeat(ONE_MB));
            default -> throw new IllegalArgumentException("unknown auth " + auth);
        }
        boolean hasBody = c.has("body") || c.has("raw") || c.has("base") || c.has("gen");
        if (hasBody) {
            h.put("Content-Type", c.path("contentType").asText("application/json"));
        }
        return h;
    }

    private static Object body(JsonNode c) throws IOException {
        if (c.has("gen")) {
            return generate(c.get("gen").asText());
        }
        if (c.has("raw")) {
            return c.get("raw").asText();
        }
        if (c.has("body")) {
            return JSON.writeValueAsString(c.get("body")).replace("{simulator}", simulator.url());
        }
        if (c.has("base")) {
            ObjectNode job = JSON.valueToTree(validJob());
            c.path("remove").forEach(r -> job.remove(r.asText()));
            c.path("set").fields().forEachRemaining(e -> job.set(e.getKey(), e.getValue()));
            return JSON.writeValueAsString(job);
        }
        return null;
    }

    /** Bodies too big or too deep for a corpus line. */
    private static Object generate(String gen) throws IOException {
        return switch (gen) {
            case "project-name-1mb" -> json(Map.of("name", "n".repeat(ONE_MB)));
            case "project-description-1mb" -> json(Map.of("name", "big description", "description", "d".repeat(ONE_MB)));
            case "deep-object-10000" -> "{\"a\":".repeat(10_000) + "1" + "}".repeat(10_000);
            case "deep-array-10000" -> "[".repeat(10_000) + "]".repeat(10_000);
            case "invalid-utf8" -> bytes("{\"name\":\"", new byte[] {(byte) 0xC3, 0x28, (byte) 0xFF, (byte) 0xFE}, "\"}");
            case "overlong-utf8" -> bytes("{\"name\":\"", new byte[] {(byte) 0xC0, (byte) 0xAF, (byte) 0xE0, (byte) 0x80, (byte) 0xAF}, "\"}");
            case "invalid-utf8-job" -> bytes("{\"name\":\"", new byte[] {(byte) 0xED, (byte) 0xA0, (byte) 0x80}, "\"}");
            case "wide-object" -> {
                StringBuilder b = new StringBuilder("{\"name\":\"wide\"");
                for (int i = 0; i < 100_000; i++) {
                    b.append(",\"f").append(i).append("\":").append(i);
                }
                yield b.append('}').toString();
            }
            case "connection-name-1mb" -> {
                Map<String, Object> conn = connection();
                conn.put("name", "c".repeat(ONE_MB));
                yield json(conn);
            }
            case "job-name-1mb" -> jobWith("name", "j".repeat(ONE_MB));
            case "job-mask-1mb" -> jobWith("redaction", Map.of("mask", "m".repeat(ONE_MB)));
            case "job-soql-100001" -> {
                String prefix = "SELECT Id, LastModifiedDate FROM LiveChatTranscript WHERE Status = '";
                yield jobWith("soql", prefix + "x".repeat(100_001 - prefix.length() - 1) + "'");
            }
            case "job-soql-nested" -> jobWith("soql", "SELECT Id, LastModifiedDate FROM LiveChatTranscript WHERE " + "(".repeat(10_000) + "Id = '1'"
                    + ")".repeat(10_000));
            case "job-deep-redaction" -> {
                String job = jobWith("redaction", Map.of());
                yield job.replace("\"redaction\":{}", "\"redaction\":" + "{\"a\":".repeat(10_000) + "1" + "}".repeat(10_000));
            }
            default -> throw new IllegalArgumentException("unknown generator " + gen);
        };
    }

    private static String jobWith(String key, Object value) throws IOException {
        Map<String, Object> job = validJob();
        job.put(key, value);
        return json(job);
    }

    private static byte[] bytes(String before, byte[] middle, String after) {
        byte[] a = before.getBytes(StandardCharsets.UTF_8);
        byte[] c = after.getBytes(StandardCharsets.UTF_8);
        byte[] all = new byte[a.length + middle.length + c.length];
        System.arraycopy(a, 0, all, 0, a.length);
        System.arraycopy(middle, 0, all, a.length, middle.length);
        System.arraycopy(c, 0, all, a.length + middle.length, c.length);
        return all;
    }

    /**
     * UTF-8 cannot carry a lone surrogate (the encoder would send '?'): it travels as the JSON escape {@code \\uD83D},
     * which decodes to the lone surrogate on the server, as a hostile client would send it.
     */
    static String escapeLoneSurrogates(String text) {
        StringBuilder sb = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            boolean pairedHigh = Character.isHighSurrogate(c) && i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1));
            boolean pairedLow = Character.isLowSurrogate(c) && i > 0 && Character.isHighSurrogate(text.charAt(i - 1));
            if (Character.isSurrogate(c) && !pairedHigh && !pairedLow) {
                sb.append(String.format("\\u%04X", (int) c));
            } else {
                sb.append(c);
            }
        }
        return sb.toString();
    }

    private static HttpResponse<String> send(String method, String url, Map<String, String> headers, Object body)
            throws IOException, InterruptedException {
        HttpRequest.BodyPublisher publisher = body == null ? HttpRequest.BodyPublishers.noBody()
                : body instanceof byte[] b ? HttpRequest.BodyPublishers.ofByteArray(b)
                : HttpRequest.BodyPublishers.ofString(escapeLoneSurrogates((String) body), StandardCharsets.UTF_8);
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(60)).method(method, publisher);
        headers.forEach(b::header);
        if (body != null && !headers.containsKey("Content-Type")) {
            b.header("Content-Type", "application/json");
        }
        return HTTP.send(b.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    private static Map<String, String> adminHeaders() {
        return Map.of("X-API-Key", adminKey);
    }

    private static JsonNode ok(HttpResponse<String> r) throws IOException {
        assertThat(r.statusCode()).as("%s: %s", r.uri(), r.body()).isBetween(200, 299);
        return JSON.readTree(r.body());
    }

    private static ServiceProcess target(String url) {
        String service = url.substring(0, url.indexOf(':'));
        return switch (service) {
            case "config" -> configApi;
            case "loader" -> loader;
            case "transformer" -> transformer;
            default -> throw new IllegalArgumentException("unknown service in " + url);
        };
    }

    private static String url(String spec) {
        String path = spec.substring(spec.indexOf(':') + 1)
                .replace("{projectId}", Long.toString(projectId))
                .replace("{jobId}", Long.toString(jobId))
                .replace("{connectionId}", Long.toString(connectionId));
        return target(spec).url() + path;
    }

    // ---- fixtures

    private static Map<String, Object> connection() {
        Map<String, Object> c = new LinkedHashMap<>();
        c.put("name", "hostile simulator");
        c.put("loginUrl", simulator.url());
        c.put("authFlow", "USERNAME_PASSWORD");
        // the simulator's demo org (see SalesforceSource)
        c.put("consumerKey", "sfinbound-demo-key");
        c.put("consumerSecret", "sfinbound-demo-secret");
        c.put("username", "demo@sfinbound.example");
        c.put("password", "demo-password");
        c.put("securityToken", "DEMOTOKEN");
        return c;
    }

    private static Map<String, Object> validJob() {
        Map<String, Object> j = new LinkedHashMap<>();
        j.put("projectId", projectId);
        j.put("connectionId", connectionId);
        j.put("name", "hostile live chat");
        j.put("dataType", "LIVE_CHAT");
        j.put("apiVersion", "62.0");
        j.put("soql", SOQL);
        j.put("dateField", "LastModifiedDate");
        j.put("duplicateMode", "REPLACE");
        j.put("lookBack", Map.of("amount", 0, "unit", "HOURS"));
        j.put("schedule", Map.of("type", "MANUAL"));
        j.put("fieldMappings", List.of(
                Map.of("sourceField", "Status", "targetAttribute", "status", "dataType", "TEXT"),
                Map.of("sourceField", "ChatDuration", "targetAttribute", "chat_duration", "dataType", "NUMBER")));
        return j;
    }

    private static List<JsonNode> corpus() throws IOException {
        List<JsonNode> lines = new ArrayList<>();
        try (InputStream in = HostileInputIT.class.getClassLoader().getResourceAsStream(CORPUS)) {
            assertThat(in).as(CORPUS).isNotNull();
            BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            for (String line = r.readLine(); line != null; line = r.readLine()) {
                if (!line.isBlank()) {
                    lines.add(JSON.readTree(line));
                }
            }
        }
        return lines;
    }

    // ---- helpers

    private static String json(Object o) throws IOException {
        return JSON.writeValueAsString(o);
    }

    /** The ERROR and WARN lines a service logged since the offset, to locate the cause of a failing case. */
    private static String newErrorLines(Path log, long offset) {
        try (RandomAccessFile f = new RandomAccessFile(log.toFile(), "r")) {
            if (f.length() <= offset) {
                return "(nothing logged)";
            }
            f.seek(offset);
            byte[] b = new byte[(int) Math.min(f.length() - offset, 200_000)];
            f.readFully(b);
            StringBuilder out = new StringBuilder();
            Iterator<String> lines = new String(b, StandardCharsets.UTF_8).lines().iterator();
            while (lines.hasNext()) {
                String l = lines.next();
                if (l.contains("ERROR") || l.contains("WARN") || l.contains("Exception")) {
                    out.append(l, 0, Math.min(l.length(), 400)).append(" | ");
                }
            }
            return out.length() == 0 ? "(no error lines)" : out.toString();
        } catch (IOException e) {
            return "(log unreadable: " + e + ")";
        }
    }

    private static String abbreviate(String s) {
        return s == null ? "null" : s.length() <= 600 ? s : s.substring(0, 600) + "...(" + s.length() + " chars)";
    }

    /** {@link Stack} keeps its keys and processes package-private to {@code io.sfinbound.e2e}; this package reads them. */
    private static Object field(String name) throws ReflectiveOperationException {
        Field f = Stack.class.getDeclaredField(name);
        f.setAccessible(true);
        return f.get(stack);
    }

    private static Object invoke(String method) throws ReflectiveOperationException {
        var m = Stack.class.getDeclaredMethod(method);
        m.setAccessible(true);
        return m.invoke(stack);
    }
}
