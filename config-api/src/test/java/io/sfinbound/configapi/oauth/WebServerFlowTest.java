package io.sfinbound.configapi.oauth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

import java.net.CookieManager;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.HashMap;
import java.util.Map;

import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.sfinbound.configapi.support.Api;
import io.sfinbound.configapi.support.FakeTokenEndpoint;
import io.sfinbound.configapi.support.GreenMailTestResource;
import io.sfinbound.testing.KafkaTestResource;
import io.sfinbound.testing.PostgresTestResource;
import io.sfinbound.testing.SimulatorTestResource;
import io.restassured.RestAssured;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The OAuth web server flow end to end with a real HTTP client that follows the redirects and keeps cookies, as a
 * browser: config-api's authorize redirect, Salesforce's authorize endpoint (a stand-in that approves at once), the
 * callback with state and PKCE, then refresh-token grants through the token broker.
 */
@QuarkusTest
@WithTestResource(value = KafkaTestResource.class)
@WithTestResource(value = PostgresTestResource.class, initArgs = @ResourceArg(name = "database", value = "sfinbound_config_test"))
@WithTestResource(value = GreenMailTestResource.class)
@WithTestResource(value = SimulatorTestResource.class)
class WebServerFlowTest {

    static FakeTokenEndpoint salesforce;

    @BeforeAll
    static void start() throws Exception {
        salesforce = new FakeTokenEndpoint();
    }

    @AfterAll
    static void stop() {
        if (salesforce != null) {
            salesforce.close();
        }
    }

    @Test
    void shouldAuthorizeWithStateAndPkceThenRefresh() throws Exception {
        long id = Api.createConnection(webServerConnection());
        Api.admin().get("/api/connections/" + id).then().body("status", equalTo("PENDING_AUTHORIZATION"));
        Api.service().body(Map.of()).post("/internal/connections/" + id + "/token").then().statusCode(409);

        HttpClient browser = HttpClient.newBuilder().cookieHandler(new CookieManager())
                .followRedirects(HttpClient.Redirect.NORMAL).build();
        HttpResponse<String> page = browser.send(HttpRequest.newBuilder(URI.create(base() + "/api/connections/" + id + "/authorize"))
                .header("X-API-Key", Api.ADMIN_KEY).GET().build(), HttpResponse.BodyHandlers.ofString());
        assertThat(page.statusCode()).as(page.body()).isEqualTo(200);
        assertThat(page.body()).contains("is authorized");
        assertThat(page.uri().getPath()).isEqualTo("/api/oauth/callback");

        Api.admin().get("/api/connections/" + id).then().body("status", equalTo("ACTIVE"))
                .body("secretsSet", hasItem("refreshToken")).body("orgId", equalTo(FakeTokenEndpoint.ORG_ID));
        assertThat(Api.admin().get("/api/connections/" + id).asString()).doesNotContain("RT");
        Api.service().body(Map.of("forceRefresh", true)).post("/internal/connections/" + id + "/token").then().statusCode(200);
        assertThat(salesforce.lastGrantType()).isEqualTo("refresh_token");

        // the state is single use: replaying the callback fails
        HttpResponse<String> replay = browser.send(HttpRequest.newBuilder(page.uri()).GET().build(), HttpResponse.BodyHandlers.ofString());
        assertThat(replay.statusCode()).isEqualTo(400);
    }

    @Test
    void shouldRefuseCallbackFromAnotherBrowser() throws Exception {
        long id = Api.createConnection(webServerConnection());
        String url = Api.admin().post("/api/connections/" + id + "/authorize").then().statusCode(200)
                .extract().path("authorizationUrl");
        assertThat(url).contains("code_challenge=").contains("code_challenge_method=S256").contains("state=");
        // a browser without the binding cookie follows the authorization URL
        HttpClient other = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NORMAL).build();
        HttpResponse<String> page = other.send(HttpRequest.newBuilder(URI.create(url)).GET().build(), HttpResponse.BodyHandlers.ofString());
        assertThat(page.statusCode()).isEqualTo(400);
        assertThat(page.body()).contains("another browser");
        Api.admin().get("/api/connections/" + id).then().body("status", equalTo("PENDING_AUTHORIZATION"));
        RestAssured.given().queryParam("state", "forged").queryParam("code", "x").get("/api/oauth/callback").then().statusCode(400);
    }

    private static Map<String, Object> webServerConnection() {
        Map<String, Object> c = new HashMap<>();
        c.put("name", "web server org");
        c.put("loginUrl", salesforce.url());
        c.put("authFlow", "WEB_SERVER");
        c.put("consumerKey", FakeTokenEndpoint.CLIENT_ID);
        c.put("consumerSecret", FakeTokenEndpoint.CLIENT_SECRET);
        c.put("usePkce", true);
        return c;
    }

    private static String base() {
        return "http://localhost:" + RestAssured.port;
    }
}
