package io.sfinbound.configapi.security;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;

import java.time.Instant;
import java.util.Map;

import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;
import io.sfinbound.configapi.support.Api;
import io.sfinbound.configapi.support.GreenMailTestResource;
import io.sfinbound.configapi.support.JwksTestResource;
import io.sfinbound.testing.KafkaTestResource;
import io.sfinbound.testing.PostgresTestResource;
import io.sfinbound.testing.SimulatorTestResource;
import org.jose4j.jwk.RsaJsonWebKey;
import org.jose4j.jwt.JwtClaims;
import org.jose4j.jwt.NumericDate;
import org.junit.jupiter.api.Test;

/** JWT bearer tokens next to API keys, against a JWKS served by a JDK HttpServer in the test JVM. */
@QuarkusTest
@WithTestResource(value = KafkaTestResource.class)
@WithTestResource(value = PostgresTestResource.class, initArgs = @ResourceArg(name = "database", value = "sfinbound_config_test"))
@WithTestResource(value = GreenMailTestResource.class)
@WithTestResource(value = SimulatorTestResource.class)
@WithTestResource(value = JwksTestResource.class)
class JwtAuthenticationTest {

    @Test
    void shouldAuthorizeByTheRoleClaimOfAValidToken() {
        String manager = JwksTestResource.sign(JwksTestResource.claims("alice", "offline_access", "job-manager"),
                JwksTestResource.publishedKey());
        long id = bearer(manager).body(Map.of("name", "made with a JWT")).post("/api/projects").then().statusCode(201)
                .extract().jsonPath().getLong("id");
        bearer(manager).get("/api/projects/" + id).then().statusCode(200);
        // a job manager is not an admin
        problem(bearer(manager).get("/api/keys").then(), 403);
        String viewer = JwksTestResource.sign(JwksTestResource.claims("bob", "viewer"), JwksTestResource.publishedKey());
        bearer(viewer).get("/api/projects/" + id).then().statusCode(200);
        problem(bearer(viewer).body(Map.of("name", "x")).post("/api/projects").then(), 403);
        // API keys still work
        Api.admin().get("/api/projects/" + id).then().statusCode(200);
    }

    @Test
    void shouldRefuseTokensSignedWithAnotherKey() {
        RsaJsonWebKey stranger = JwksTestResource.newKey("key-1"); // same kid, another key
        problem(bearer(JwksTestResource.sign(JwksTestResource.claims("eve", "admin"), stranger)).get("/api/projects").then(), 401);
        RsaJsonWebKey unknown = JwksTestResource.newKey("unpublished");
        problem(bearer(JwksTestResource.sign(JwksTestResource.claims("eve", "admin"), unknown)).get("/api/projects").then(), 401);
        problem(bearer("not.a.jwt").get("/api/projects").then(), 401);
    }

    @Test
    void shouldRefuseExpiredNotYetValidAndWrongIssuerOrAudience() {
        RsaJsonWebKey key = JwksTestResource.publishedKey();
        JwtClaims expired = JwksTestResource.claims("carol", "admin");
        expired.setExpirationTime(NumericDate.fromSeconds(Instant.now().minusSeconds(120).getEpochSecond()));
        problem(bearer(JwksTestResource.sign(expired, key)).get("/api/projects").then(), 401);

        JwtClaims notYet = JwksTestResource.claims("carol", "admin");
        notYet.setNotBefore(NumericDate.fromSeconds(Instant.now().plusSeconds(600).getEpochSecond()));
        problem(bearer(JwksTestResource.sign(notYet, key)).get("/api/projects").then(), 401);

        JwtClaims audience = JwksTestResource.claims("carol", "admin");
        audience.setAudience("another-service");
        problem(bearer(JwksTestResource.sign(audience, key)).get("/api/projects").then(), 401);

        JwtClaims issuer = JwksTestResource.claims("carol", "admin");
        issuer.setIssuer("https://evil.test");
        problem(bearer(JwksTestResource.sign(issuer, key)).get("/api/projects").then(), 401);

        JwtClaims noExpiry = JwksTestResource.claims("carol", "admin");
        noExpiry.unsetClaim("exp");
        problem(bearer(JwksTestResource.sign(noExpiry, key)).get("/api/projects").then(), 401);
    }

    @Test
    void shouldForbidAValidTokenWithoutARole() {
        String token = JwksTestResource.sign(JwksTestResource.claims("dave", "offline_access"), JwksTestResource.publishedKey());
        problem(bearer(token).get("/api/projects").then(), 403).body("detail", containsString("role"));
    }

    @Test
    void shouldFetchTheJwksAgainForAKeyIdItDoesNotKnow() {
        bearer(JwksTestResource.sign(JwksTestResource.claims("frank", "viewer"), JwksTestResource.publishedKey()))
                .get("/api/projects").then().statusCode(200);
        int before = JwksTestResource.fetches();
        RsaJsonWebKey rotated = JwksTestResource.newKey("key-rotated-" + System.nanoTime());
        JwksTestResource.publish(rotated);
        bearer(JwksTestResource.sign(JwksTestResource.claims("frank", "viewer"), rotated)).get("/api/projects").then().statusCode(200);
        assertThat(JwksTestResource.fetches()).isGreaterThan(before);
    }

    private static io.restassured.specification.RequestSpecification bearer(String token) {
        return given().header("Authorization", "Bearer " + token).contentType("application/json");
    }

    private static ValidatableResponse problem(ValidatableResponse r, int status) {
        return r.statusCode(status).contentType(startsWith("application/problem+json")).body("status", equalTo(status));
    }
}
