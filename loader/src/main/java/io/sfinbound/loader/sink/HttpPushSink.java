package io.sfinbound.loader.sink;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quarkus.logging.Log;
import io.sfinbound.common.kafka.Json;
import io.sfinbound.loader.config.LoaderConfig;
import io.sfinbound.loader.config.TransientException;
import io.sfinbound.loader.store.DocumentStore;
import io.sfinbound.loader.store.DocumentWrite;
import io.smallrye.faulttolerance.api.Guard;

/**
 * An XM Discover Link-style push sink: POSTs the batch's documents as JSON to a configured endpoint, in chunks of
 * {@code loader.sink.http.batch-size}, authenticated by a bearer API token or an OAuth 2.0 client-credentials token.
 * <p>
 * Request: {@code POST <url>}, header {@code Idempotency-Key} (SHA-256 of the chunk's project, natural ids and
 * bodies, so a redelivered batch sends the same key and the receiver can drop the repeat), body
 * {@code {"documents": [{...XmdDocument, "projectId", "jobId", "runId"}]}}. Response 2xx:
 * {@code {"results": [{"naturalId", "status": "ACCEPTED"|"REJECTED", "reason"}]}}.
 * <p>
 * Connection errors, 408, 429 and 5xx are transient: retried with exponential backoff (SmallRye Fault Tolerance), then
 * the whole batch is retried by the consumer. A 401 renews the OAuth token once. Any other 4xx rejects every document
 * of the chunk permanently, as does a REJECTED status for one document. Accepted documents are written to the
 * PostgreSQL store too, which keeps the natural-id index and the bodies that duplicate handling compares.
 */
public class HttpPushSink implements DocumentSink {

    private final LoaderConfig.Http config;
    private final DocumentStore store;
    private final HttpClient http;
    private final Guard retry;
    private volatile String token;
    private volatile Instant tokenExpiry = Instant.EPOCH;

    public HttpPushSink(LoaderConfig.Http config, DocumentStore store) {
        this.config = config;
        this.store = store;
        if (config.url().isEmpty()) {
            throw new IllegalStateException("loader.sink.http.url is required with loader.sink.type=http");
        }
        if (config.apiToken().isEmpty() && (config.tokenUrl().isEmpty() || config.clientId().isEmpty()
                || config.clientSecret().isEmpty())) {
            throw new IllegalStateException("the HTTP sink needs loader.sink.http.api-token or token-url, client-id and "
                    + "client-secret");
        }
        this.http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
        this.retry = Guard.create().withDescription("http-push-sink")
                .withRetry()
                .maxRetries(Math.max(0, config.maxAttempts() - 1))
                .delay(config.initialBackoff().toMillis(), ChronoUnit.MILLIS)
                .maxDuration(0, ChronoUnit.MILLIS)
                .jitter(config.initialBackoff().toMillis() / 4, ChronoUnit.MILLIS)
                .retryOn(TransientException.class)
                .withExponentialBackoff().maxDelay(config.maxBackoff().toMillis(), ChronoUnit.MILLIS).done()
                .done()
                .build();
    }

    @Override
    public Map<Integer, String> write(Connection tx, List<DocumentWrite> writes, Instant loadDate) throws SQLException {
        Map<Integer, String> rejected = new HashMap<>();
        for (int from = 0; from < writes.size(); from += config.batchSize()) {
            int to = Math.min(writes.size(), from + config.batchSize());
            List<DocumentWrite> chunk = writes.subList(from, to);
            @SuppressWarnings("unchecked")
            Map<Integer, String> chunkRejected = retry.get(() -> post(chunk), Map.class);
            for (Map.Entry<Integer, String> r : chunkRejected.entrySet()) {
                rejected.put(from + r.getKey(), r.getValue());
            }
        }
        List<DocumentWrite> accepted = new ArrayList<>();
        for (int i = 0; i < writes.size(); i++) {
            if (!rejected.containsKey(i)) {
                accepted.add(writes.get(i));
            }
        }
        store.writeDocuments(tx, accepted, loadDate);
        return rejected;
    }

    /** One POST; returns the rejected documents by index in the chunk. */
    private Map<Integer, String> post(List<DocumentWrite> chunk) {
        ObjectNode envelope = Json.mapper().createObjectNode();
        ArrayNode docs = envelope.putArray("documents");
        for (DocumentWrite w : chunk) {
            ObjectNode d = w.body().deepCopy();
            d.put("projectId", w.projectId());
            d.put("jobId", w.jobId());
            d.put("runId", w.runId());
            docs.add(d);
        }
        String key = idempotencyKey(chunk);
        HttpResponse<String> response = send(envelope.toString(), key, false);
        int status = response.statusCode();
        if (status == 401) {
            response = send(envelope.toString(), key, true);
            status = response.statusCode();
        }
        if (status == 408 || status == 429 || status >= 500 || status == 401) {
            throw new TransientException("HTTP sink answered " + status);
        }
        Map<Integer, String> rejected = new HashMap<>();
        if (status >= 400) {
            String reason = "HTTP " + status + ": " + excerpt(response.body());
            for (int i = 0; i < chunk.size(); i++) {
                rejected.put(i, reason);
            }
            Log.warnf("[post] - HTTP sink rejected a chunk of %d documents: %s", chunk.size(), reason);
            return rejected;
        }
        Map<String, JsonNode> byNaturalId = new HashMap<>();
        try {
            for (JsonNode r : Json.mapper().readTree(response.body()).path("results")) {
                byNaturalId.put(r.path("naturalId").asText(), r);
            }
        } catch (IOException e) {
            throw new TransientException("HTTP sink answered " + status + " with a body that is not JSON", e);
        }
        for (int i = 0; i < chunk.size(); i++) {
            JsonNode r = byNaturalId.get(chunk.get(i).naturalId());
            if (r == null) {
                throw new TransientException("HTTP sink gave no status for document " + chunk.get(i).naturalId());
            }
            if ("REJECTED".equalsIgnoreCase(r.path("status").asText())) {
                rejected.put(i, r.path("reason").asText("rejected"));
            }
        }
        return rejected;
    }

    private HttpResponse<String> send(String body, String idempotencyKey, boolean renewToken) {
        HttpRequest request = HttpRequest.newBuilder(URI.create(config.url().get()))
                .timeout(config.requestTimeout())
                .header("Content-Type", "application/json")
                .header("Accept", "application/json")
                .header("Idempotency-Key", idempotencyKey)
                .header("Authorization", "Bearer " + bearer(renewToken))
                .POST(HttpRequest.BodyPublishers.ofString(body))
                .build();
        try {
            return http.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new TransientException("HTTP sink unreachable: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new TransientException("interrupted", e);
        }
    }

    /** The static API token, or a client-credentials token cached until shortly before it expires. */
    private synchronized String bearer(boolean renew) {
        if (config.apiToken().isPresent()) {
            return config.apiToken().get();
        }
        if (!renew && token != null && Instant.now().isBefore(tokenExpiry)) {
            return token;
        }
        StringBuilder form = new StringBuilder("grant_type=client_credentials")
                .append("&client_id=").append(enc(config.clientId().get()))
                .append("&client_secret=").append(enc(config.clientSecret().get()));
        config.scope().ifPresent(s -> form.append("&scope=").append(enc(s)));
        HttpRequest request = HttpRequest.newBuilder(URI.create(config.tokenUrl().get()))
                .timeout(config.requestTimeout())
                .header("Content-Type", "application/x-www-form-urlencoded")
                .header("Accept", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(form.toString()))
                .build();
        try {
            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 200) {
                // the body may echo credentials; only the status is reported
                throw new TransientException("OAuth token endpoint answered " + response.statusCode());
            }
            JsonNode json = Json.mapper().readTree(response.body());
            String accessToken = json.path("access_token").asText(null);
            if (accessToken == null) {
                throw new TransientException("OAuth token endpoint answered without access_token");
            }
            long expiresIn = json.path("expires_in").asLong(300);
            token = accessToken;
            tokenExpiry = Instant.now().plusSeconds(Math.max(0, expiresIn - 30));
            return token;
        } catch (IOException e) {
            throw new TransientException("OAuth token endpoint unreachable: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new TransientException("interrupted", e);
        }
    }

    static String idempotencyKey(List<DocumentWrite> chunk) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            for (DocumentWrite w : chunk) {
                sha.update((w.projectId() + "\n" + w.naturalId() + "\n" + w.body() + "\n").getBytes(StandardCharsets.UTF_8));
            }
            return HexFormat.of().formatHex(sha.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }

    private static String excerpt(String body) {
        if (body == null) {
            return "";
        }
        String oneLine = body.replaceAll("\\s+", " ").trim();
        return oneLine.length() > 300 ? oneLine.substring(0, 300) + "..." : oneLine;
    }
}
