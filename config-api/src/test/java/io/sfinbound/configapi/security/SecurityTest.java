package io.sfinbound.configapi.security;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import java.util.Map;

import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.sfinbound.configapi.support.Api;
import io.sfinbound.configapi.support.GreenMailTestResource;
import io.sfinbound.testing.KafkaTestResource;
import io.sfinbound.testing.PostgresTestResource;
import io.sfinbound.testing.SimulatorTestResource;
import org.junit.jupiter.api.Test;

/** API keys, roles and the service key of the internal endpoints. */
@QuarkusTest
@WithTestResource(value = KafkaTestResource.class)
@WithTestResource(value = PostgresTestResource.class, initArgs = @ResourceArg(name = "database", value = "sfinbound_config_test"))
@WithTestResource(value = GreenMailTestResource.class)
@WithTestResource(value = SimulatorTestResource.class)
class SecurityTest {

    @Test
    void shouldRefuseApiCallsWithoutValidKey() {
        given().get("/api/projects").then().statusCode(401).contentType("application/problem+json")
                .header("WWW-Authenticate", "ApiKey");
        given().header("X-API-Key", "wrong").get("/api/projects").then().statusCode(401);
        given().header("X-Service-Key", Api.SERVICE_KEY).get("/api/projects").then().statusCode(401);
    }

    @Test
    void shouldApplyRolesViewerJobManagerAdmin() {
        String viewer = Api.issueKey("VIEWER");
        String manager = Api.issueKey("JOB_MANAGER");
        Api.as(viewer).get("/api/projects").then().statusCode(200);
        Api.as(viewer).body(Map.of("name", "x")).post("/api/projects").then().statusCode(403).contentType("application/problem+json");
        Api.as(manager).body(Map.of("name", "by manager")).post("/api/projects").then().statusCode(201);
        Api.as(manager).get("/api/keys").then().statusCode(403);
        Api.as(viewer).get("/api/keys").then().statusCode(403);
        Api.admin().get("/api/keys").then().statusCode(200);
    }

    @Test
    void shouldStoreOnlyHashesAndRevokeKeys() {
        String key = Api.issueKey("VIEWER");
        String listed = Api.admin().get("/api/keys").asString();
        assertThat(listed).doesNotContain(key).doesNotContain(ApiKeyService.hash(key));
        long id = Api.admin().get("/api/keys").jsonPath().getLong("find { it.prefix == '" + key.substring(0, 8) + "' }.id");
        Api.as(key).get("/api/projects").then().statusCode(200);
        Api.admin().delete("/api/keys/" + id).then().statusCode(200).body("revokedAt", org.hamcrest.Matchers.notNullValue());
        Api.as(key).get("/api/projects").then().statusCode(401);
    }

    @Test
    void shouldRequireServiceKeyOnInternalEndpoints() {
        given().get("/internal/jobs/1/versions/1").then().statusCode(401);
        given().header("X-Service-Key", "nope").get("/internal/jobs/1/versions/1").then().statusCode(401);
        given().header("X-API-Key", Api.ADMIN_KEY).get("/internal/jobs/1/versions/1").then().statusCode(401);
        Api.service().get("/internal/jobs/999999/versions/1").then().statusCode(404).contentType("application/problem+json");
    }

    @Test
    void shouldVerifyKeysForOtherServices() {
        String manager = Api.issueKey("JOB_MANAGER");
        Api.service().body(Map.of("apiKey", manager)).post("/internal/auth/verify").then().statusCode(200)
                .body("role", equalTo("JOB_MANAGER"));
        Api.service().body(Map.of("apiKey", "unknown")).post("/internal/auth/verify").then().statusCode(401);
        given().contentType(ContentType.JSON).body(Map.of("apiKey", manager)).post("/internal/auth/verify").then().statusCode(401);
    }
}
