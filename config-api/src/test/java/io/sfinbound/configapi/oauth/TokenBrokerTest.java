package io.sfinbound.configapi.oauth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.sfinbound.configapi.support.Api;
import io.sfinbound.configapi.support.FakeTokenEndpoint;
import io.sfinbound.configapi.support.GreenMailTestResource;
import io.sfinbound.testing.KafkaTestResource;
import io.sfinbound.testing.PostgresTestResource;
import io.sfinbound.testing.SimulatorTestResource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The internal token broker: caching, single-flight refresh, force refresh, refused credentials. */
@QuarkusTest
@WithTestResource(value = KafkaTestResource.class)
@WithTestResource(value = PostgresTestResource.class, initArgs = @ResourceArg(name = "database", value = "sfinbound_config_test"))
@WithTestResource(value = GreenMailTestResource.class)
@WithTestResource(value = SimulatorTestResource.class)
class TokenBrokerTest {

    @jakarta.inject.Inject
    TokenBroker broker;

    FakeTokenEndpoint salesforce;

    @BeforeEach
    void start() throws Exception {
        salesforce = new FakeTokenEndpoint();
    }

    @AfterEach
    void stop() {
        salesforce.release();
        salesforce.close();
    }

    @Test
    void shouldCacheTokenAndRefreshOnlyWhenForced() {
        long id = Api.createConnection(Api.passwordConnection(salesforce.url()));
        String first = token(id, false);
        assertThat(first).startsWith("00D000000000001!AT");
        assertThat(token(id, false)).isEqualTo(first);
        assertThat(salesforce.calls()).isEqualTo(1);
        assertThat(salesforce.lastGrantType()).isEqualTo("password");
        String second = token(id, true);
        assertThat(second).isNotEqualTo(first);
        assertThat(salesforce.calls()).isEqualTo(2);
        Api.service().body(Map.of("forceRefresh", false)).post("/internal/connections/" + id + "/token").then()
                .body("instanceUrl", equalTo(salesforce.url())).body("orgId", equalTo(FakeTokenEndpoint.ORG_ID))
                .body("expiresAt", org.hamcrest.Matchers.notNullValue());
        Api.admin().get("/api/connections/" + id).then().body("orgId", equalTo(FakeTokenEndpoint.ORG_ID))
                .body("status", equalTo("ACTIVE"));
    }

    @Test
    void shouldRefreshSingleFlightUnderConcurrentCalls() throws Exception {
        long id = Api.createConnection(Api.passwordConnection(salesforce.url()));
        salesforce.hold();
        long joinedBefore = broker.joinedRefreshes();
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Future<String>> futures = new ArrayList<>();
            for (int i = 0; i < 8; i++) {
                futures.add(pool.submit(() -> token(id, true)));
            }
            // the first caller is held at Salesforce; the seven others must join its refresh
            org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(30))
                    .until(() -> broker.joinedRefreshes() - joinedBefore == 7);
            salesforce.release();
            List<String> tokens = new ArrayList<>();
            for (Future<String> f : futures) {
                tokens.add(f.get());
            }
            assertThat(salesforce.calls()).isEqualTo(1);
            assertThat(tokens).hasSize(8).containsOnly(tokens.get(0));
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void shouldAnswerCredentialsInvalidWhenSalesforceRefusesThem() {
        long id = Api.createConnection(Api.passwordConnection(salesforce.url()));
        salesforce.revoke(true);
        Api.service().body(Map.of("forceRefresh", true)).post("/internal/connections/" + id + "/token").then()
                .statusCode(409).contentType("application/problem+json")
                .body("type", equalTo(CredentialsProblems.CREDENTIALS_INVALID));
        Api.admin().get("/api/connections/" + id).then().body("status", equalTo("INVALID"));
        int calls = salesforce.calls();
        // an invalid connection is not hammered: no call until it is updated
        Api.service().body(Map.of()).post("/internal/connections/" + id + "/token").then().statusCode(409);
        assertThat(salesforce.calls()).isEqualTo(calls);
    }

    @Test
    void shouldUseClientCredentialsGrant() {
        Map<String, Object> c = Api.passwordConnection(salesforce.url());
        c.put("authFlow", "CLIENT_CREDENTIALS");
        c.remove("username");
        c.remove("password");
        c.remove("securityToken");
        long id = Api.createConnection(c);
        assertThat(token(id, false)).startsWith("00D000000000001!AT");
        assertThat(salesforce.lastGrantType()).isEqualTo("client_credentials");
    }

    @Test
    void shouldKeepSecretsOutOfTheServiceLog() throws Exception {
        String secret = "unique-secret-" + System.nanoTime();
        Map<String, Object> c = Api.passwordConnection(salesforce.url());
        c.put("consumerSecret", secret);
        c.put("password", secret + "-pw");
        c.put("securityToken", secret + "-tok");
        long id = Api.createConnection(c);
        // refused credentials, a token call, an update and an invalid request all log something
        Api.service().body(Map.of("forceRefresh", true)).post("/internal/connections/" + id + "/token").then().statusCode(409);
        Map<String, Object> update = new java.util.HashMap<>(c);
        update.put("loginUrl", "https://evil.example.com");
        Api.admin().body(update).put("/api/connections/" + id).then().statusCode(400);
        long good = Api.createConnection(Api.passwordConnection(salesforce.url()));
        String accessToken = token(good, true);
        java.nio.file.Path log = java.nio.file.Path.of("target/config-api-test.log");
        assertThat(log).exists();
        String text = java.nio.file.Files.readString(log);
        assertThat(text).doesNotContain(secret, FakeTokenEndpoint.CLIENT_SECRET, FakeTokenEndpoint.PASSWORD,
                FakeTokenEndpoint.SECURITY_TOKEN, accessToken, Api.ADMIN_KEY, Api.SERVICE_KEY);
    }

    @Test
    void shouldAnswer404ForUnknownConnection() {
        Api.service().body(Map.of()).post("/internal/connections/987654/token").then().statusCode(404);
    }

    private static String token(long id, boolean force) {
        return Api.service().body(Map.of("forceRefresh", force)).post("/internal/connections/" + id + "/token").then()
                .statusCode(200).extract().path("accessToken");
    }
}
