package io.sfinbound.stack.demo;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * A small JSON client of one sfinbound service's public API ({@code X-API-Key}), with {@code java.net.http} so that
 * the demo needs neither curl nor a REST client library. Every unexpected answer becomes an
 * {@link UnexpectedAnswerException} that says which call failed, how, and which log to read.
 */
public final class ApiClient {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int EXCERPT = 400;

    private final String service;
    private final String baseUrl;
    private final String apiKey;
    private final String logHint;
    private final HttpClient http;

    /**
     * @param service  the service's name, for messages
     * @param baseUrl  for example {@code http://127.0.0.1:8081}
     * @param apiKey   the {@code X-API-Key} value
     * @param logHint  where the service's log is, for messages
     */
    public ApiClient(String service, String baseUrl, String apiKey, String logHint) {
        this.service = service;
        this.baseUrl = baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl;
        this.apiKey = apiKey;
        this.logHint = logHint;
        this.http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(3)).build();
    }

    /** The answer of a call: its status and JSON body ({@code null} when empty). */
    public record Answer(int status, JsonNode body) {
    }

    /** POSTs {@code body} as JSON and expects one of {@code expected} statuses with a JSON object. */
    public JsonNode post(String path, Object body, int... expected) {
        Answer a = call("POST", path, body);
        return expect("POST", path, a, expected);
    }

    /** GETs {@code path} and expects 200 with a JSON object. */
    public JsonNode get(String path) {
        return expect("GET", path, call("GET", path, null), 200);
    }

    /** Calls the service and returns whatever it answered; only a failure to connect throws. */
    public Answer call(String method, String path, Object body) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(baseUrl + path))
                .timeout(Duration.ofSeconds(30))
                .header("Accept", "application/json")
                .header("X-API-Key", apiKey);
        if (body == null) {
            b.method(method, HttpRequest.BodyPublishers.noBody());
        } else {
            try {
                b.header("Content-Type", "application/json")
                        .method(method, HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body)));
            } catch (JsonProcessingException e) {
                throw new IllegalArgumentException("cannot serialize the request body", e);
            }
        }
        HttpResponse<String> r;
        try {
            r = http.send(b.build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UnexpectedAnswerException(service + " did not answer " + method + " " + baseUrl + path + " ("
                    + e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage()) + "); is it running? see " + logHint, -1);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new UnexpectedAnswerException("interrupted while calling " + service, -1);
        }
        return new Answer(r.statusCode(), parse(method, path, r));
    }

    private JsonNode parse(String method, String path, HttpResponse<String> r) {
        String text = r.body();
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            return JSON.readTree(text);
        } catch (JsonProcessingException e) {
            if (r.statusCode() / 100 != 2) {
                return JSON.getNodeFactory().textNode(text); // an error page: keep it for the message
            }
            throw new UnexpectedAnswerException(service + " answered " + method + " " + path + " with " + r.statusCode()
                    + " but a body that is not JSON: " + excerpt(text) + "; see " + logHint, r.statusCode());
        }
    }

    private JsonNode expect(String method, String path, Answer a, int... expected) {
        for (int s : expected) {
            if (a.status() == s) {
                if (a.body() == null || !a.body().isContainerNode()) {
                    throw new UnexpectedAnswerException(service + " answered " + method + " " + path + " with " + a.status()
                            + " but no JSON object; see " + logHint, a.status());
                }
                return a.body();
            }
        }
        throw unexpected(method, path, a);
    }

    /** The exception describing an answer the demo cannot use. */
    public UnexpectedAnswerException unexpected(String method, String path, Answer a) {
        String detail = a.body() == null ? "(empty body)"
                : a.body().hasNonNull("detail") ? a.body().get("detail").asText()
                : excerpt(a.body().isTextual() ? a.body().asText() : a.body().toString());
        String why = switch (a.status()) {
            case 401, 403 -> " (the API key was refused: is SFINBOUND_BOOTSTRAP_ADMIN_KEY the one config-api started with?)";
            case 404, 405 -> " (the endpoint is missing: is this version of " + service + " complete?)";
            default -> "";
        };
        return new UnexpectedAnswerException(service + " answered " + method + " " + path + " with " + a.status() + why
                + ": " + detail + "; see " + logHint, a.status());
    }

    private static String excerpt(String s) {
        String flat = s.replaceAll("\\s+", " ").trim();
        return flat.length() <= EXCERPT ? flat : flat.substring(0, EXCERPT) + "...";
    }

    public String service() {
        return service;
    }

    public String baseUrl() {
        return baseUrl;
    }
}
