package io.sfinbound.configapi.oauth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.sfinbound.configapi.support.Api;
import io.sfinbound.configapi.support.GreenMailTestResource;
import io.sfinbound.testing.KafkaTestResource;
import io.sfinbound.testing.PostgresTestResource;
import io.sfinbound.testing.SimulatorTestResource;
import org.junit.jupiter.api.Test;

/**
 * The OAuth web server flow end to end against the Salesforce simulator, with the JDK HttpClient as the browser
 * (cookies kept, redirects followed): config-api's /authorize, the simulator's login page, its consent page (the PKCE
 * app's users self-authorize), the callback with state and PKCE, the code exchange, and the connection ACTIVE; a
 * replayed or forged state is refused.
 */
@QuarkusTest
@WithTestResource(value = KafkaTestResource.class)
@WithTestResource(value = PostgresTestResource.class, initArgs = @ResourceArg(name = "database", value = "sfinbound_config_test"))
@WithTestResource(value = GreenMailTestResource.class)
@WithTestResource(value = SimulatorTestResource.class)
class WebServerFlowSimulatorTest {

    private static final String APP = "sfinbound-pkce-key";
    private static final Pattern HIDDEN = Pattern.compile("<input type=\"hidden\" name=\"([^\"]+)\" value=\"([^\"]*)\">");

    @Test
    void shouldAuthorizeThroughLoginAndConsentPagesThenRefuseReplayedState() throws Exception {
        String sim = System.getProperty(SimulatorTestResource.URL_KEY);
        String callback = base() + "/api/oauth/callback";
        HttpClient admin = HttpClient.newHttpClient();
        HttpResponse<String> registered = admin.send(HttpRequest.newBuilder(URI.create(sim + "/admin/apps/" + APP + "/callback-urls"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"urls\":[\"" + callback + "\"]}")).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(registered.statusCode()).as(registered.body()).isBetween(200, 204);

        Map<String, Object> c = new LinkedHashMap<>();
        c.put("name", "simulator web server");
        c.put("loginUrl", sim);
        c.put("authFlow", "WEB_SERVER");
        c.put("consumerKey", APP);
        c.put("consumerSecret", "sfinbound-pkce-secret");
        c.put("usePkce", true);
        long id = Api.createConnection(c);
        Api.admin().get("/api/connections/" + id).then().body("status", equalTo("PENDING_AUTHORIZATION"));

        HttpClient browser = HttpClient.newBuilder().cookieHandler(new CookieManager())
                .followRedirects(HttpClient.Redirect.NORMAL).build();
        HttpResponse<String> login = browser.send(HttpRequest.newBuilder(URI.create(base() + "/api/connections/" + id + "/authorize"))
                .header("X-API-Key", Api.ADMIN_KEY).GET().build(), HttpResponse.BodyHandlers.ofString());
        assertThat(login.statusCode()).as(login.body()).isEqualTo(200);
        assertThat(login.uri().toString()).startsWith(sim + "/services/oauth2/authorize");
        assertThat(login.body()).contains("name=\"password\"");

        Map<String, String> form = hidden(login.body());
        form.put("username", "demo@sfinbound.example");
        form.put("password", "demo-password");
        form.put("action", "login");
        HttpResponse<String> consent = post(browser, sim + "/services/oauth2/authorize", form);
        assertThat(consent.statusCode()).as(consent.body()).isEqualTo(200);
        assertThat(consent.body()).contains("consent_id");

        Map<String, String> allow = hidden(consent.body());
        allow.put("action", "allow");
        HttpResponse<String> done = post(browser, sim + "/services/oauth2/authorize", allow);
        assertThat(done.statusCode()).as(done.body()).isEqualTo(200);
        assertThat(done.uri().getPath()).isEqualTo("/api/oauth/callback");
        assertThat(done.body()).contains("is authorized");

        Api.admin().get("/api/connections/" + id).then().body("status", equalTo("ACTIVE"))
                .body("secretsSet", hasItem("refreshToken")).body("orgId", org.hamcrest.Matchers.startsWith("00D"));
        // the token broker refreshes with the stored (rotating) refresh token
        Api.service().body(Map.of("forceRefresh", true)).post("/internal/connections/" + id + "/token").then().statusCode(200)
                .body("instanceUrl", org.hamcrest.Matchers.notNullValue());

        // the state is single use: the same callback again is refused
        HttpResponse<String> replay = browser.send(HttpRequest.newBuilder(done.uri()).GET().build(), HttpResponse.BodyHandlers.ofString());
        assertThat(replay.statusCode()).isEqualTo(400);
        // and a state config-api never issued too
        HttpResponse<String> forged = browser.send(HttpRequest.newBuilder(URI.create(callback + "?state=forged&code=x")).GET().build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(forged.statusCode()).isEqualTo(400);
        Api.admin().get("/api/connections/" + id).then().body("status", equalTo("ACTIVE"));
    }

    private static HttpResponse<String> post(HttpClient browser, String url, Map<String, String> form) throws Exception {
        String body = form.entrySet().stream()
                .map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
        return browser.send(HttpRequest.newBuilder(URI.create(url)).header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
    }

    /** The hidden fields of the page's form, HTML entities decoded. */
    private static Map<String, String> hidden(String html) {
        Map<String, String> out = new LinkedHashMap<>();
        Matcher m = HIDDEN.matcher(html);
        while (m.find()) {
            out.put(m.group(1), m.group(2).replace("&quot;", "\"").replace("&#39;", "'").replace("&lt;", "<")
                    .replace("&gt;", ">").replace("&amp;", "&"));
        }
        return out;
    }

    private static String base() {
        return "http://localhost:" + RestAssured.port;
    }
}
