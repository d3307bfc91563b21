package io.sfinbound.sim.auth;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.startsWith;

import java.util.Map;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.sfinbound.sim.Tokens;

/** The OAuth password flow, the identity URL, userinfo, revoke and the data API's 401, against the running app. */
@QuarkusTest
class OAuthPasswordTest {

    @Test
    void passwordFlowIssuesSalesforceShapedToken() {
        Map<String, Object> t = given().formParam("grant_type", "password").formParam("client_id", Tokens.KEY)
                .formParam("client_secret", Tokens.SECRET).formParam("username", Tokens.USER).formParam("password", Tokens.PASSWORD)
                .post("/services/oauth2/token").then().statusCode(200)
                .body("token_type", equalTo("Bearer"))
                .body("access_token", startsWith("00D5g000004Demo!"))
                .body("issued_at", matchesPattern("\\d{13}"))
                .extract().as(Map.class);
        assertThat(t).doesNotContainKey("refresh_token");
        String instance = (String) t.get("instance_url");
        assertThat(instance).isEqualTo("http://localhost:" + RestAssured.port).doesNotEndWith("/");
        assertThat((String) t.get("id")).startsWith(instance + "/id/00D5g000004DemoEAA/005");
        given().auth().oauth2((String) t.get("access_token")).get(((String) t.get("id")).substring(instance.length()))
                .then().statusCode(200).body("username", equalTo(Tokens.USER)).body("organization_id", equalTo("00D5g000004DemoEAA"));
        given().auth().oauth2((String) t.get("access_token")).get("/services/oauth2/userinfo")
                .then().statusCode(200).body("preferred_username", equalTo(Tokens.USER));
    }

    @Test
    void wrongPasswordMissingTokenAndBlockedOrgAreAuthenticationFailures() {
        for (String[] up : new String[][] {{Tokens.USER, "demo-password"}, {Tokens.USER, "nope"}, {"nobody@x", "y"},
            {"demo@sfinbound-blocked.example", "demo-passwordBLOCKTOKEN"}}) {
            given().formParam("grant_type", "password").formParam("client_id", Tokens.KEY).formParam("client_secret", Tokens.SECRET)
                    .formParam("username", up[0]).formParam("password", up[1])
                    .post("/services/oauth2/token").then().statusCode(400)
                    .body("error", equalTo("invalid_grant")).body("error_description", equalTo("authentication failure"));
        }
    }

    @Test
    void clientErrors() {
        given().formParam("grant_type", "password").formParam("client_id", "unknown").formParam("client_secret", "x")
                .formParam("username", Tokens.USER).formParam("password", Tokens.PASSWORD)
                .post("/services/oauth2/token").then().statusCode(400).body("error", equalTo("invalid_client_id"));
        given().formParam("grant_type", "password").formParam("client_id", Tokens.KEY).formParam("client_secret", "wrong")
                .formParam("username", Tokens.USER).formParam("password", Tokens.PASSWORD)
                .post("/services/oauth2/token").then().statusCode(400).body("error", equalTo("invalid_client"));
        given().formParam("grant_type", "magic").post("/services/oauth2/token").then().statusCode(400).body("error", equalTo("unsupported_grant_type"));
        given().formParam("client_id", Tokens.KEY).post("/services/oauth2/token").then().statusCode(400).body("error", equalTo("invalid_request"));
    }

    @Test
    void dataApiNeedsALiveTokenAndRevokeKillsIt() {
        given().get("/services/data/v62.0/limits").then().statusCode(401)
                .body("[0].errorCode", equalTo("INVALID_SESSION_ID")).body("[0].message", equalTo("Session expired or invalid"));
        String token = Tokens.demo();
        given().auth().oauth2(token).get("/services/data/v62.0/limits").then().statusCode(200)
                .header("Sforce-Limit-Info", matchesPattern("api-usage=\\d+/100000"))
                .body("DailyApiRequests.Max", equalTo(100000));
        given().formParam("token", token).post("/services/oauth2/revoke").then().statusCode(200);
        given().auth().oauth2(token).get("/services/data/v62.0/limits").then().statusCode(401);
        given().formParam("token", token).post("/services/oauth2/revoke").then().statusCode(400).body("error", equalTo("invalid_token"));
    }
}
