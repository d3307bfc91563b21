package io.sfinbound.configapi.connection;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.startsWith;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
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
import io.sfinbound.testing.TestPostgres;
import org.junit.jupiter.api.Test;

/** Connections: validation, the host allow-list, write-only secrets encrypted at rest. */
@QuarkusTest
@WithTestResource(value = KafkaTestResource.class)
@WithTestResource(value = PostgresTestResource.class, initArgs = @ResourceArg(name = "database", value = "sfinbound_config_test"))
@WithTestResource(value = GreenMailTestResource.class)
@WithTestResource(value = SimulatorTestResource.class)
class ConnectionApiTest {

    @Test
    void shouldNeverReturnSecretsAndStoreThemEncrypted() throws Exception {
        Map<String, Object> body = Api.passwordConnection("https://acme.my.salesforce.com");
        String created = Api.admin().body(body).post("/api/connections").then().statusCode(201)
                .body("secretsSet", hasItem("consumerSecret")).body("authFlowDeprecated", equalTo(true))
                .extract().asString();
        assertThat(created).doesNotContain(FakeTokenEndpoint.CLIENT_SECRET, FakeTokenEndpoint.PASSWORD, FakeTokenEndpoint.SECURITY_TOKEN);
        long id = Api.admin().body(body).post("/api/connections").then().extract().jsonPath().getLong("id");
        assertThat(Api.admin().get("/api/connections").asString()).doesNotContain(FakeTokenEndpoint.CLIENT_SECRET,
                FakeTokenEndpoint.PASSWORD, FakeTokenEndpoint.SECURITY_TOKEN);
        assertThat(Api.admin().get("/api/connections/" + id).asString()).doesNotContain(FakeTokenEndpoint.PASSWORD);
        try (Connection c = DriverManager.getConnection(TestPostgres.jdbcUrl("sfinbound_config_test"), TestPostgres.user(), TestPostgres.password());
                Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("SELECT secrets_enc FROM connection WHERE id = " + id)) {
            assertThat(rs.next()).isTrue();
            assertThat(rs.getString(1)).startsWith("v1:test2:").doesNotContain(FakeTokenEndpoint.PASSWORD);
        }
    }

    @Test
    void shouldKeepSecretsLeftOutOfAnUpdate() {
        long id = Api.createConnection(Api.passwordConnection("https://acme.my.salesforce.com"));
        Map<String, Object> update = Api.passwordConnection("https://acme.my.salesforce.com");
        update.remove("password");
        update.remove("consumerSecret");
        update.put("name", "renamed");
        Api.admin().body(update).put("/api/connections/" + id).then().statusCode(200).body("name", equalTo("renamed"))
                .body("secretsSet", hasItem("password"));
    }

    @Test
    void shouldRefuseHostsOutsideTheAllowList() {
        for (String url : new String[] {"https://evil.example.com", "http://acme.my.salesforce.com.evil.io",
                "https://10.0.0.1", "https://169.254.169.254", "ftp://login.salesforce.com", "https://login.salesforce.com/path",
                "https://user:pw@login.salesforce.com"}) {
            Api.admin().body(Api.passwordConnection(url)).post("/api/connections").then().statusCode(400)
                    .contentType("application/problem+json").body("errors[0].field", equalTo("loginUrl"));
        }
        Api.admin().body(Api.passwordConnection("https://login.salesforce.com/")).post("/api/connections").then().statusCode(201)
                .body("loginUrl", equalTo("https://login.salesforce.com"));
    }

    @Test
    void shouldNameEveryMissingFieldOfAFlow() {
        Api.admin().body(Map.of("name", "jwt", "authFlow", "JWT_BEARER", "consumerKey", "k")).post("/api/connections").then()
                .statusCode(400).body("errors.field", hasItem("username")).body("errors.field", hasItem("privateKeyPem"));
        Api.admin().body(Map.of("name", "x", "authFlow", "CLIENT_CREDENTIALS", "consumerKey", "k", "consumerSecret", "s",
                "sendExpiryNotifications", true, "daysBeforeExpiry", 101)).post("/api/connections").then().statusCode(400)
                .body("errors.field", hasItem("daysBeforeExpiry")).body("errors.field", hasItem("expirationDate"));
        Api.admin().body(Map.of("name", "x", "bogus", 1)).post("/api/connections").then().statusCode(400)
                .body("detail", startsWith("bogus"));
    }
}
