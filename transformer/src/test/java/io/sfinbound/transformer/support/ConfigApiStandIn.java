package io.sfinbound.transformer.support;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import io.sfinbound.common.job.JobConfig;
import io.sfinbound.common.kafka.Json;

/**
 * Stands in for config-api (written in parallel) with a JDK {@link HttpServer} on a free port: serves
 * {@code GET /internal/jobs/{id}/versions/{v}} from {@link #JOBS}, 404 problem for unknown versions, 401 without the
 * test service key. Counts fetches so tests can check that a version is fetched once.
 */
public class ConfigApiStandIn implements QuarkusTestResourceLifecycleManager {

    /** The service key of the test profile. */
    public static final String SERVICE_KEY = "test-service-key";
    /** Job versions served, by {@code jobId/version}. */
    public static final Map<String, JobConfig> JOBS = new ConcurrentHashMap<>();
    /** Fetches by {@code jobId/version}. */
    public static final Map<String, AtomicInteger> FETCHES = new ConcurrentHashMap<>();

    private static final Pattern PATH = Pattern.compile("/internal/jobs/(\\d+)/versions/(\\d+)");

    private HttpServer server;

    /** Serves a job version. */
    public static void serve(JobConfig job) {
        JOBS.put(job.jobId() + "/" + job.version(), job);
    }

    @Override
    public Map<String, String> start() {
        try {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        server.createContext("/internal/jobs/", this::handle);
        server.start();
        return Map.of("quarkus.rest-client.config-api.url", "http://127.0.0.1:" + server.getAddress().getPort());
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            if (!SERVICE_KEY.equals(exchange.getRequestHeaders().getFirst("X-Service-Key"))) {
                respond(exchange, 401, "{\"title\":\"Unauthorized\",\"status\":401}");
                return;
            }
            Matcher m = PATH.matcher(exchange.getRequestURI().getPath());
            if (!m.matches()) {
                respond(exchange, 404, "{\"title\":\"Not Found\",\"status\":404}");
                return;
            }
            String key = m.group(1) + "/" + m.group(2);
            FETCHES.computeIfAbsent(key, k -> new AtomicInteger()).incrementAndGet();
            JobConfig job = JOBS.get(key);
            if (job == null) {
                respond(exchange, 404, "{\"title\":\"Not Found\",\"status\":404,\"detail\":\"job version not found\"}");
                return;
            }
            respond(exchange, 200, Json.mapper().writeValueAsString(job));
        }
    }

    private static void respond(HttpExchange exchange, int status, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", status == 200 ? "application/json" : "application/problem+json");
        exchange.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    @Override
    public void stop() {
        if (server != null) {
            server.stop(0);
        }
    }
}
