package io.sfinbound.extractor.support;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.sfinbound.common.kafka.Json;
import io.sfinbound.testing.SimulatorTestResource;

/** Direct calls to the simulator: the source of truth of a test (REST query with paging) and its admin endpoints. */
public final class SimulatorApi {

    private static final HttpClient HTTP = HttpClient.newHttpClient();

    private SimulatorApi() {
    }

    public static String url() {
        return System.getProperty(SimulatorTestResource.URL_KEY);
    }

    /** Every record of a SOQL query (all pages), without {@code attributes}, via queryAll when {@code all}. */
    public static List<ObjectNode> query(String soql, boolean all) {
        try {
            JsonNode token = ConfigApiStub.simulatorToken();
            String base = token.path("instanceUrl").asText();
            String bearer = token.path("accessToken").asText();
            List<ObjectNode> out = new ArrayList<>();
            JsonNode page = get(base + "/services/data/v62.0/" + (all ? "queryAll" : "query") + "?q="
                    + URLEncoder.encode(soql, StandardCharsets.UTF_8), bearer);
            while (true) {
                page.path("records").forEach(r -> out.add(strip(r)));
                if (page.path("done").asBoolean(true)) {
                    return out;
                }
                page = get(base + page.path("nextRecordsUrl").asText(), bearer);
            }
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** GET of a data API path ({@code /services/data/v62.0/...}) with a fresh token. */
    public static JsonNode get(String path) {
        try {
            JsonNode token = ConfigApiStub.simulatorToken();
            return get(token.path("instanceUrl").asText() + path, token.path("accessToken").asText());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** POSTs JSON to a simulator admin endpoint and returns the answer body. */
    public static JsonNode admin(String path, Object body) {
        try {
            HttpResponse<String> r = HTTP.send(HttpRequest.newBuilder(URI.create(url() + path))
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(body == null ? "{}" : Json.mapper().writeValueAsString(body)))
                    .build(), HttpResponse.BodyHandlers.ofString());
            if (r.statusCode() >= 300) {
                throw new IllegalStateException("simulator " + path + " answered " + r.statusCode() + ": " + r.body());
            }
            return r.body().isBlank() ? Json.mapper().nullNode() : Json.mapper().readTree(r.body());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** DELETE on a simulator admin endpoint. */
    public static void adminDelete(String path) {
        try {
            HttpResponse<String> r = HTTP.send(HttpRequest.newBuilder(URI.create(url() + path)).DELETE().build(),
                    HttpResponse.BodyHandlers.ofString());
            if (r.statusCode() >= 300) {
                throw new IllegalStateException("simulator " + path + " answered " + r.statusCode() + ": " + r.body());
            }
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static JsonNode get(String url, String bearer) throws IOException {
        try {
            HttpResponse<String> r = HTTP.send(HttpRequest.newBuilder(URI.create(url)).header("Authorization", "Bearer " + bearer).GET().build(),
                    HttpResponse.BodyHandlers.ofString());
            if (r.statusCode() != 200) {
                throw new IOException("simulator answered " + r.statusCode() + ": " + r.body());
            }
            return Json.mapper().readTree(r.body());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException(e);
        }
    }

    /** A record without its {@code attributes}, recursively (the normalized JSON of ExtractedRecord's javadoc). */
    public static ObjectNode strip(JsonNode record) {
        ObjectNode out = Json.mapper().createObjectNode();
        Iterator<Map.Entry<String, JsonNode>> it = record.fields();
        while (it.hasNext()) {
            Map.Entry<String, JsonNode> e = it.next();
            if (e.getKey().equals("attributes")) {
                continue;
            }
            JsonNode v = e.getValue();
            if (v.isObject() && v.has("records")) {
                ObjectNode child = Json.mapper().createObjectNode();
                child.set("totalSize", v.get("totalSize"));
                child.set("done", v.get("done"));
                var arr = child.putArray("records");
                v.get("records").forEach(r -> arr.add(strip(r)));
                out.set(e.getKey(), child);
            } else {
                out.set(e.getKey(), v.isObject() ? strip(v) : v);
            }
        }
        return out;
    }
}
