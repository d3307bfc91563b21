package io.sfinbound.configapi.salesforce;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

import jakarta.enterprise.context.ApplicationScoped;

import com.fasterxml.jackson.databind.JsonNode;
import io.sfinbound.common.kafka.Json;
import io.sfinbound.configapi.oauth.AccessToken;
import io.sfinbound.configapi.oauth.TokenBroker;

/**
 * The few Salesforce REST calls config-api makes for the wizard (versions, describe, explain, a sample query), with the
 * token broker's token; one forced refresh on {@code 401 INVALID_SESSION_ID}.
 */
@ApplicationScoped
public class SalesforceDataClient {

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(15))
            .followRedirects(HttpClient.Redirect.NEVER).build();
    private final TokenBroker broker;

    public SalesforceDataClient(TokenBroker broker) {
        this.broker = broker;
    }

    /** {@code GET /services/data/} of the connection's instance: the API versions the org offers. */
    public JsonNode versions(long connectionId) {
        return get(connectionId, "/services/data/");
    }

    /** Describe of an object. */
    public JsonNode describe(long connectionId, String apiVersion, String object) {
        return get(connectionId, "/services/data/v" + apiVersion + "/sobjects/" + enc(object) + "/describe");
    }

    /** The query plan of a query. */
    public JsonNode explain(long connectionId, String apiVersion, String soql) {
        return get(connectionId, "/services/data/v" + apiVersion + "/query?explain=" + enc(soql));
    }

    /** The first page of a query. */
    public JsonNode query(long connectionId, String apiVersion, String soql) {
        return get(connectionId, "/services/data/v" + apiVersion + "/query?q=" + enc(soql));
    }

    private JsonNode get(long connectionId, String path) {
        AccessToken token = broker.token(connectionId, false);
        HttpResponse<String> r = send(token, path);
        if (r.statusCode() == 401) {
            token = broker.token(connectionId, true);
            r = send(token, path);
        }
        JsonNode body;
        try {
            body = r.body() == null || r.body().isEmpty() ? null : Json.mapper().readTree(r.body());
        } catch (IOException e) {
            throw new SalesforceApiException(r.statusCode(), "UNKNOWN_EXCEPTION", "Salesforce answered something that is not JSON");
        }
        if (r.statusCode() / 100 != 2) {
            JsonNode first = body != null && body.isArray() && body.size() > 0 ? body.get(0) : body;
            String code = first == null ? "UNKNOWN_EXCEPTION" : first.path("errorCode").asText("UNKNOWN_EXCEPTION");
            String message = first == null ? "HTTP " + r.statusCode() : first.path("message").asText("HTTP " + r.statusCode());
            throw new SalesforceApiException(r.statusCode(), code, message);
        }
        return body;
    }

    private HttpResponse<String> send(AccessToken token, String path) {
        HttpRequest request = HttpRequest.newBuilder(URI.create(token.instanceUrl() + path))
                .timeout(Duration.ofSeconds(60))
                .header("Authorization", "Bearer " + token.accessToken())
                .header("Accept", "application/json")
                .GET().build();
        try {
            return http.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new SalesforceApiException(503, "UNAVAILABLE", "Salesforce unreachable: " + e.getClass().getSimpleName());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new SalesforceApiException(503, "UNAVAILABLE", "interrupted");
        }
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }
}
