package io.sfinbound.loader;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import io.sfinbound.common.job.DataType;
import io.sfinbound.common.job.DuplicateMode;
import io.sfinbound.common.job.ExtractionApi;
import io.sfinbound.common.job.JobConfig;
import io.sfinbound.common.kafka.Json;

/**
 * Stands in for config-api (written in parallel by another engineer) with a JDK HttpServer on a free port, serving the
 * two internal endpoints the loader calls, exactly as docs/architecture.md specifies them.
 * <ul>
 * <li>{@code GET /internal/jobs/{id}/versions/{v}}: the duplicate mode follows the job id's last digit (1 SKIP,
 * 2 REPLACE, 3 UPDATE, 4: no such job, 404); others SKIP.</li>
 * <li>{@code POST /internal/auth/verify}: {@value #VIEWER_KEY} is a VIEWER, {@value #MANAGER_KEY} a JOB_MANAGER,
 * anything else 401.</li>
 * </ul>
 * Both demand the service key {@code test-service-key}.
 */
public class ConfigApiStub implements QuarkusTestResourceLifecycleManager {

    public static final String VIEWER_KEY = "viewer-key";
    public static final String MANAGER_KEY = "manager-key";
    static final String SERVICE_KEY = "test-service-key";

    private static final Pattern JOB = Pattern.compile("/internal/jobs/(\\d+)/versions/(\\d+)");

    private HttpServer server;

    /** The duplicate mode the stub gives a job. */
    public static DuplicateMode modeOf(long jobId) {
        return switch ((int) (jobId % 10)) {
            case 2 -> DuplicateMode.REPLACE;
            case 3 -> DuplicateMode.UPDATE;
            default -> DuplicateMode.SKIP;
        };
    }

    @Override
    public Map<String, String> start() {
        try {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        server.createContext("/internal/jobs/", this::job);
        server.createContext("/internal/auth/verify", this::verify);
        server.start();
        return Map.of("sfinbound.config-api.url", "http://127.0.0.1:" + server.getAddress().getPort());
    }

    @Override
    public void stop() {
        if (server != null) {
            server.stop(0);
        }
    }

    private void job(HttpExchange ex) throws IOException {
        if (!SERVICE_KEY.equals(ex.getRequestHeaders().getFirst("X-Service-Key"))) {
            respond(ex, 401, "{\"title\":\"Unauthorized\",\"status\":401}");
            return;
        }
        Matcher m = JOB.matcher(ex.getRequestURI().getPath());
        if (!"GET".equals(ex.getRequestMethod()) || !m.matches() || Long.parseLong(m.group(1)) % 10 == 4) {
            respond(ex, 404, "{\"title\":\"Not Found\",\"status\":404}");
            return;
        }
        long jobId = Long.parseLong(m.group(1));
        int version = Integer.parseInt(m.group(2));
        JobConfig job = new JobConfig(jobId, version, 1, 1, "job " + jobId, DataType.FEEDBACK, null, "62.0",
                "SELECT Id FROM Case", "CreatedDate", false, ExtractionApi.AUTO, null, null, null, modeOf(jobId),
                null, List.of(), null, null);
        respond(ex, 200, Json.mapper().writeValueAsString(job));
    }

    private void verify(HttpExchange ex) throws IOException {
        if (!SERVICE_KEY.equals(ex.getRequestHeaders().getFirst("X-Service-Key"))) {
            respond(ex, 401, "{\"title\":\"Unauthorized\",\"status\":401}");
            return;
        }
        JsonNode body;
        try (InputStream in = ex.getRequestBody()) {
            body = Json.mapper().readTree(in);
        }
        String key = body.path("apiKey").asText("");
        String role = switch (key) {
            case VIEWER_KEY -> "VIEWER";
            case MANAGER_KEY -> "JOB_MANAGER";
            default -> null;
        };
        if (role == null) {
            respond(ex, 401, "{\"title\":\"Unauthorized\",\"status\":401}");
            return;
        }
        respond(ex, 200, "{\"principal\":\"" + key + "-owner\",\"role\":\"" + role + "\"}");
    }

    private static void respond(HttpExchange ex, int status, String json) throws IOException {
        byte[] bytes = json.getBytes(StandardCharsets.UTF_8);
        ex.getResponseHeaders().set("Content-Type", status == 200 ? "application/json" : "application/problem+json");
        ex.sendResponseHeaders(status, bytes.length);
        ex.getResponseBody().write(bytes);
        ex.close();
    }
}
