package io.sfinbound.sim.admin;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.sfinbound.sim.Tokens;

/** Poison records planted with raw field values: served verbatim over REST and Bulk, whatever the field type. */
@QuarkusTest
class PoisonRecordsTest {

    private static final String JOBS = "/services/data/v62.0/jobs/query";

    @AfterEach
    void reset() {
        given().post("/admin/reset").then().statusCode(200);
    }

    @Test
    void rawValuesAreServedAsGiven() {
        String huge = "<p>" + "x".repeat(1_100_000) + "</p>";
        Map<String, Object> fields = new HashMap<>();
        fields.put("Body", huge);
        fields.put("StartTime", "not-a-date");
        fields.put("Browser", 42);
        fields.put("ChatDuration", "seven");
        fields.put("Status", null);
        // checked without raw: the invalid date is refused, naming the field
        given().contentType("application/json").body(Map.of("count", 1, "fields", Map.of("StartTime", "not-a-date")))
                .post("/admin/data/LiveChatTranscript/add").then().statusCode(400).body(containsString("fields.StartTime"));
        String big = given().contentType("application/json").body(Map.of("count", 1, "raw", true, "fields", fields))
                .post("/admin/data/LiveChatTranscript/add").then().statusCode(200).extract().path("records[0].id");
        String malformed = given().contentType("application/json")
                .body(Map.of("count", 1, "raw", true, "fields", Map.of("Body", "<div class=\"chat\"><p align=\"center\">Chat Started: <b>never closed")))
                .post("/admin/data/LiveChatTranscript/add").then().statusCode(200).extract().path("records[0].id");
        // update takes raw values too
        given().contentType("application/json").body(Map.of("ids", List.of(malformed), "raw", true, "fields", Map.of("EndTime", "2025-13-45T99:00:00Z")))
                .post("/admin/data/LiveChatTranscript/update").then().statusCode(200);
        given().contentType("application/json").body(Map.of("count", 1, "raw", true, "fields", Map.of("Body", Map.of("a", 1))))
                .post("/admin/data/LiveChatTranscript/add").then().statusCode(400).body(containsString("fields.Body"));

        String token = Tokens.demo();
        JsonPath rest = given().auth().oauth2(token)
                .queryParam("q", "SELECT Id, Body, StartTime, EndTime, Browser, ChatDuration, Status FROM LiveChatTranscript WHERE Id IN ('"
                        + big + "','" + malformed + "')")
                .get("/services/data/v62.0/query").then().statusCode(200).extract().jsonPath();
        assertThat(rest.getList("records.Id")).containsExactlyInAnyOrder(big, malformed);
        Map<String, Object> b = rest.getMap("records.find { it.Id == '" + big + "' }");
        assertThat((String) b.get("Body")).hasSize(huge.length());
        assertThat(b).containsEntry("StartTime", "not-a-date").containsEntry("Browser", 42).containsEntry("ChatDuration", "seven")
                .containsEntry("Status", null);
        Map<String, Object> m = rest.getMap("records.find { it.Id == '" + malformed + "' }");
        assertThat(m).containsEntry("Body", "<div class=\"chat\"><p align=\"center\">Chat Started: <b>never closed")
                .containsEntry("EndTime", "2025-13-45T99:00:00Z");

        String job = given().auth().oauth2(token).contentType("application/json")
                .body("{\"operation\":\"query\",\"query\":\"SELECT Id, StartTime, Browser, ChatDuration FROM LiveChatTranscript WHERE Id = '" + big + "'\"}")
                .post(JOBS).then().statusCode(200).extract().path("id");
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(200)).until(() ->
                "JobComplete".equals(given().auth().oauth2(token).get(JOBS + "/" + job).then().extract().path("state")));
        String csv = given().auth().oauth2(token).get(JOBS + "/" + job + "/results").then().statusCode(200).extract().asString();
        assertThat(csv.split("\n")[1]).isEqualTo("\"" + big + "\",\"not-a-date\",\"42\",\"seven\"");
    }
}
