package io.sfinbound.loader.sink;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import io.sfinbound.common.kafka.Json;

/**
 * A local XM Discover Link-style receiver in the test JVM: an OAuth 2.0 client-credentials token endpoint
 * ({@code /token}, client {@value #CLIENT_ID}), the document endpoint ({@code /documents}, bearer token, idempotency
 * keys replayed, natural ids containing {@code REJECT} rejected), and for the tests {@code POST /control?fail=N} (the
 * next N document requests answer 503) and {@code GET /stats}.
 */
public class PushReceiver implements QuarkusTestResourceLifecycleManager {

    static final String CLIENT_ID = "loader-client";
    static final String CLIENT_SECRET = "s3cret-client";

    private HttpServer server;
    private final AtomicInteger failNext = new AtomicInteger();
    private final AtomicInteger requests = new AtomicInteger();
    private final AtomicInteger failures = new AtomicInteger();
    private final AtomicInteger replays = new AtomicInteger();
    private final AtomicInteger tokens = new AtomicInteger();
    private final Map<String, String> issued = new ConcurrentHashMap<>();
    private final Map<String, String> responsesByKey = new ConcurrentHashMap<>();
    private final Map<String, JsonNode> documents = new ConcurrentHashMap<>();

    @Override
    public Map<String, String> start() {
        try {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        server.createContext("/token", this::token);
        server.createContext("/documents", this::documents);
        server.createContext("/control", this::control);
        server.createContext("/stats", this::stats);
        server.start();
        String base = "http://127.0.0.1:" + server.getAddress().getPort();
        return Map.of(
                "loader.sink.type", "http",
                "loader.sink.http.url", base + "/documents",
                "loader.sink.http.token-url", base + "/token",
                "loader.sink.http.client-id", CLIENT_ID,
                "loader.sink.http.client-secret", CLIENT_SECRET,
                "loader.sink.http.max-attempts", "3",
                "loader.sink.http.initial-backoff", "50ms",
                "loader.retry.initial-delay", "100ms",
                "loader.retry.max-delay", "500ms",
                "test.push-receiver.url", base);
    }

    @Override
    public void stop() {
        if (server != null) {
            server.stop(0);
        }
    }

    private void token(HttpExchange ex) throws IOException {
        String form = new String(ex.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
        if (!form.contains("grant_type=client_credentials") || !form.contains("client_id=" + CLIENT_ID)
                || !form.contains("client_secret=" + CLIENT_SECRET)) {
            respond(ex, 401, "{\"error\":\"invalid_client\"}");
            return;
        }
        String token = "tok-" + tokens.incrementAndGet();
        issued.put(token, CLIENT_ID);
        respond(ex, 200, "{\"access_token\":\"" + token + "\",\"token_type\":\"Bearer\",\"expires_in\":3600}");
    }

    private void documents(HttpExchange ex) throws IOException {
        requests.incrementAndGet();
        String auth = ex.getRequestHeaders().getFirst("Authorization");
        if (auth == null || !auth.startsWith("Bearer ") || !issued.containsKey(auth.substring(7))) {
            respond(ex, 401, "{\"error\":\"invalid_token\"}");
            return;
        }
        if (failNext.getAndUpdate(n -> Math.max(0, n - 1)) > 0) {
            failures.incrementAndGet();
            respond(ex, 503, "{\"error\":\"overloaded\"}");
            return;
        }
        String key = ex.getRequestHeaders().getFirst("Idempotency-Key");
        if (key != null && responsesByKey.containsKey(key)) {
            replays.incrementAndGet();
            respond(ex, 200, responsesByKey.get(key));
            return;
        }
        JsonNode body;
        try (InputStream in = ex.getRequestBody()) {
            body = Json.mapper().readTree(in);
        }
        ObjectNode answer = Json.mapper().createObjectNode();
        ArrayNode results = answer.putArray("results");
        for (JsonNode d : body.path("documents")) {
            String naturalId = d.path("naturalId").asText();
            ObjectNode r = results.addObject().put("naturalId", naturalId);
            if (naturalId.contains("REJECT")) {
                r.put("status", "REJECTED").put("reason", "attribute status: value not allowed");
            } else {
                documents.put(naturalId, d);
                r.put("status", "ACCEPTED");
            }
        }
        if (key != null) {
            responsesByKey.put(key, answer.toString());
        }
        respond(ex, 200, answer.toString());
    }

    private void control(HttpExchange ex) throws IOException {
        String query = ex.getRequestURI().getQuery();
        if (query != null && query.startsWith("fail=")) {
            failNext.set(Integer.parseInt(query.substring(5)));
        }
        respond(ex, 204, null);
    }

    private void stats(HttpExchange ex) throws IOException {
        ObjectNode s = Json.mapper().createObjectNode();
        s.put("requests", requests.get()).put("failures", failures.get()).put("replays", replays.get())
                .put("tokens", tokens.get());
        List<String> ids = new ArrayList<>(documents.keySet());
        ids.sort(null);
        ArrayNode a = s.putArray("documents");
        ids.forEach(a::add);
        respond(ex, 200, s.toString());
    }

    private static void respond(HttpExchange ex, int status, String json) throws IOException {
        if (json == null) {
            ex.sendResponseHeaders(status, -1);
            ex.close();
            return;
        }
        byte[] bytes = json.getBytes(StandardCharsets.UTF_8);
        ex.getResponseHeaders().set("Content-Type", "application/json");
        ex.sendResponseHeaders(status, bytes.length);
        ex.getResponseBody().write(bytes);
        ex.close();
    }
}
