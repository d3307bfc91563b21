package io.sfinbound.sim.api;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.startsWith;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.sfinbound.sim.Tokens;

/** Versions, describe, limits and version errors of the REST API. */
@QuarkusTest
class DataApiTest {

    String token;

    @BeforeEach
    void login() {
        token = Tokens.demo();
    }

    @Test
    void versionsNeedNoAuthAndAreNotCounted() {
        given().get("/services/data/").then().statusCode(200)
                .header("Sforce-Limit-Info", (String) null)
                .body("[0].version", equalTo("31.0")).body("[0].label", equalTo("Summer '14"))
                .body("version", hasItem("62.0")).body("find { it.version == '62.0' }.label", equalTo("Winter '25"))
                .body("find { it.version == '62.0' }.url", equalTo("/services/data/v62.0"));
    }

    @Test
    void retiredVersionIsGoneAndUnknownVersionIsNotFound() {
        given().auth().oauth2(token).get("/services/data/v30.0/limits").then().statusCode(410);
        given().auth().oauth2(token).get("/services/data/v99.0/limits").then().statusCode(404).body("[0].errorCode", equalTo("NOT_FOUND"));
    }

    @Test
    void describeHasFieldTypesAndFlags() {
        given().auth().oauth2(token).get("/services/data/v62.0/sobjects/LiveChatTranscript/describe").then().statusCode(200)
                .body("name", equalTo("LiveChatTranscript")).body("keyPrefix", equalTo("570"))
                .body("fields.find { it.name == 'Body' }.type", equalTo("textarea"))
                .body("fields.find { it.name == 'Body' }.length", equalTo(131072))
                .body("fields.find { it.name == 'Body' }.filterable", equalTo(false))
                .body("fields.find { it.name == 'SystemModstamp' }.type", equalTo("datetime"))
                .body("fields.find { it.name == 'SystemModstamp' }.sortable", equalTo(true))
                .body("fields.find { it.name == 'OwnerId' }.relationshipName", equalTo("Owner"))
                .body("childRelationships.relationshipName", hasItem("LiveChatTranscriptEvents"));
        given().auth().oauth2(token).get("/services/data/v62.0/sobjects/Nope/describe").then().statusCode(404)
                .body("[0].errorCode", equalTo("NOT_FOUND"));
        given().auth().oauth2(token).get("/services/data/v62.0/sobjects").then().statusCode(200)
                .body("sobjects.name", hasItem("Feedback__c")).body("sobjects", hasSize(12));
    }

    @Test
    void limitsCountCalls() {
        int before = given().auth().oauth2(token).get("/services/data/v62.0/limits").then().statusCode(200)
                .extract().path("DailyApiRequests.Remaining");
        given().auth().oauth2(token).get("/services/data/v62.0/limits").then().statusCode(200)
                .body("DailyApiRequests.Remaining", equalTo(before - 1))
                .header("Sforce-Limit-Info", startsWith("api-usage="));
    }
}
