package io.sfinbound.extractor.support;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import io.sfinbound.common.job.JobConfig;
import io.sfinbound.common.kafka.Json;
import io.sfinbound.testing.SimulatorTestResource;

/**
 * Stands in for config-api's internal endpoints (config-api is another service): serves the job versions a test
 * registers, and tokens obtained for real from the Salesforce simulator's OAuth token endpoint (password grant with
 * the simulator's demo credentials). Checks the {@code X-Service-Key} header like config-api.
 */
public class ConfigApiStub implements QuarkusTestResourceLifecycleManager {

    public static final String SERVICE_KEY = "test-service-key";
    private static final Pattern JOB = Pattern.compile("/internal/jobs/(\\d+)/versions/(\\d+)");
    private static final Pattern TOKEN = Pattern.compile("/internal/connections/(\\d+)/token");

    private static final Map<String, JobConfig> JOBS = new ConcurrentHashMap<>();
    /** Connections whose credentials are "revoked": the token endpoint answers 409. */
    private static final Map<Long, Boolean> REVOKED = new ConcurrentHashMap<>();
    private static final AtomicInteger FORCED_REFRESHES = new AtomicInteger();
    private static final AtomicInteger TOKENS_ISSUED = new AtomicInteger();
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    private HttpServer server;
    private java.util.concurrent.ExecutorService executor;

    /** Registers a job version. */
    public static void putJob(JobConfig job) {
        JOBS.put(job.jobId() + "/" + job.version(), job);
    }

    public static void revoke(long connectionId, boolean revoked) {
        REVOKED.put(connectionId, revoked);
    }

    /** Token requests with {@code forceRefresh: true} so far. */
    public static int forcedRefreshes() {
        return FORCED_REFRESHES.get();
    }

    public static int tokensIssued() {
        return TOKENS_ISSUED.get();
    }

    @Override
    public Map<String, String> start() {
        try {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        executor = Executors.newFixedThreadPool(4, r -> {
            Thread t = new Thread(r, "config-api-stub");
            t.setDaemon(true);
            return t;
        });
        server.setExecutor(executor);
        server.createContext("/internal/", this::handle);
        server.start();
        return Map.of("quarkus.rest-client.config-api.url", "http://127.0.0.1:" + server.getAddress().getPort(),
                "sfinbound.service-key", SERVICE_KEY);
    }

    @Override
    public void stop() {
        if (server != null) {
            server.stop(0);
        }
        if (executor != null) {
            executor.shutdownNow();
        }
    }

    private void handle(HttpExchange ex) throws IOException {
        try (ex) {
            if (!SERVICE_KEY.equals(ex.getRequestHeaders().getFirst("X-Service-Key"))) {
                send(ex, 401, "{\"title\":\"Unauthorized\"}");
                return;
            }
            String path = ex.getRequestURI().getPath();
            Matcher job = JOB.matcher(path);
            Matcher token = TOKEN.matcher(path);
            if ("GET".equals(ex.getRequestMethod()) && job.matches()) {
                JobConfig j = JOBS.get(job.group(1) + "/" + job.group(2));
                if (j == null) {
                    send(ex, 404, "{\"title\":\"Not Found\",\"detail\":\"job version not found\"}");
                } else {
                    send(ex, 200, Json.mapper().writeValueAsString(j));
                }
            } else if ("POST".equals(ex.getRequestMethod()) && token.matches()) {
                long connectionId = Long.parseLong(token.group(1));
                JsonNode body;
                try (InputStream in = ex.getRequestBody()) {
                    body = Json.mapper().readTree(in);
                }
                if (body != null && body.path("forceRefresh").asBoolean(false)) {
                    FORCED_REFRESHES.incrementAndGet();
                }
                if (REVOKED.getOrDefault(connectionId, false)) {
                    send(ex, 409, "{\"type\":\"https://sfinbound.io/problems/credentials-invalid\",\"title\":\"Conflict\","
                            + "\"detail\":\"credentials of connection " + connectionId + " are revoked\"}");
                    return;
                }
                send(ex, 200, Json.mapper().writeValueAsString(simulatorToken()));
            } else {
                send(ex, 404, "{\"title\":\"Not Found\"}");
            }
        } catch (RuntimeException e) {
            send(ex, 500, "{\"title\":\"" + e.getClass().getSimpleName() + "\"}");
        }
    }

    /** A real token from the simulator's OAuth endpoint, in config-api's answer shape. */
    public static ObjectNode simulatorToken() throws IOException {
        String sim = System.getProperty(SimulatorTestResource.URL_KEY);
        String form = "grant_type=password&client_id=" + enc("sfinbound-demo-key") + "&client_secret=" + enc("sfinbound-demo-secret")
                + "&username=" + enc("demo@sfinbound.example") + "&password=" + enc("demo-passwordDEMOTOKEN");
        HttpResponse<String> r;
        try {
            r = HTTP.send(HttpRequest.newBuilder(URI.create(sim + "/services/oauth2/token"))
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.ofString());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException(e);
        }
        if (r.statusCode() != 200) {
            throw new IOException("simulator token endpoint answered " + r.statusCode() + ": " + r.body());
        }
        JsonNode t = Json.mapper().readTree(r.body());
        String id = t.path("id").asText();
        int at = id.indexOf("/id/");
        String orgId = at < 0 ? "00D000000000000AAA" : id.substring(at + 4, id.indexOf('/', at + 4));
        ObjectNode out = Json.mapper().createObjectNode();
        out.put("accessToken", t.path("access_token").asText());
        out.put("instanceUrl", t.path("instance_url").asText());
        out.put("orgId", orgId);
        out.put("expiresAt", Instant.now().plusSeconds(7200).toString());
        TOKENS_ISSUED.incrementAndGet();
        return out;
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }

    private static void send(HttpExchange ex, int status, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        ex.getResponseHeaders().set("Content-Type", status >= 400 ? "application/problem+json" : "application/json");
        ex.sendResponseHeaders(status, bytes.length);
        ex.getResponseBody().write(bytes);
    }
}
