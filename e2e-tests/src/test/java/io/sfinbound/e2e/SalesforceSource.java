package io.sfinbound.e2e;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Reads the source records straight from the simulator over the Salesforce wire (OAuth password grant, REST query or
 * queryAll, nextRecordsUrl), independently of the extractor, so the end-to-end tests compare the store with the truth.
 * The constants are the simulator's demo org and connected app.
 */
public final class SalesforceSource {

    public static final String CONSUMER_KEY = "sfinbound-demo-key";
    public static final String CONSUMER_SECRET = "sfinbound-demo-secret";
    public static final String USERNAME = "demo@sfinbound.example";
    public static final String PASSWORD = "demo-password";
    public static final String SECURITY_TOKEN = "DEMOTOKEN";
    public static final String API_VERSION = "62.0";
    /** Values that must never appear in a log, an API response or a Kafka message. */
    public static final List<String> SECRETS = List.of(CONSUMER_SECRET, PASSWORD + SECURITY_TOKEN, SECURITY_TOKEN);

    private static final ObjectMapper JSON = new ObjectMapper();
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    private final String loginUrl;
    private String token;
    private String instanceUrl;

    public SalesforceSource(String loginUrl) {
        this.loginUrl = loginUrl;
    }

    /** Every record of a query, across pages, as the REST API returns them. */
    public List<JsonNode> query(String soql) throws IOException, InterruptedException {
        return query(soql, false);
    }

    /** Every record of a query across pages; with {@code all}, queryAll (soft-deleted records too). */
    public List<JsonNode> query(String soql, boolean all) throws IOException, InterruptedException {
        login();
        List<JsonNode> out = new ArrayList<>();
        String next = "/services/data/v" + API_VERSION + (all ? "/queryAll" : "/query") + "?q="
                + URLEncoder.encode(soql, StandardCharsets.UTF_8);
        while (next != null) {
            HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(instanceUrl + next))
                    .header("Authorization", "Bearer " + token).GET().build(), HttpResponse.BodyHandlers.ofString());
            if (r.statusCode() != 200) {
                throw new IllegalStateException("query failed: " + r.statusCode() + " " + r.body());
            }
            JsonNode page = JSON.readTree(r.body());
            page.get("records").forEach(out::add);
            next = page.path("done").asBoolean(true) ? null : page.get("nextRecordsUrl").asText();
        }
        return out;
    }

    private void login() throws IOException, InterruptedException {
        if (token != null) {
            return;
        }
        String form = "grant_type=password"
                + "&username=" + enc(USERNAME)
                + "&password=" + enc(PASSWORD + SECURITY_TOKEN)
                + "&client_id=" + enc(CONSUMER_KEY)
                + "&client_secret=" + enc(CONSUMER_SECRET);
        HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(loginUrl + "/services/oauth2/token"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.ofString());
        if (r.statusCode() != 200) {
            throw new IllegalStateException("login failed: " + r.statusCode() + " " + r.body());
        }
        JsonNode t = JSON.readTree(r.body());
        token = t.get("access_token").asText();
        instanceUrl = t.get("instance_url").asText();
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }
}
