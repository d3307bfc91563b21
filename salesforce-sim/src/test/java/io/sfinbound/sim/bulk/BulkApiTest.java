package io.sfinbound.sim.bulk;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import jakarta.inject.Inject;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import io.sfinbound.sim.Tokens;
import io.sfinbound.sim.data.DataStore;
import io.sfinbound.sim.schema.Catalog;

/** Bulk API 2.0 query jobs: lifecycle, CSV paging by locator, errors, and job faults from the admin API. */
@QuarkusTest
class BulkApiTest {

    private static final String JOBS = "/services/data/v62.0/jobs/query";

    @Inject
    DataStore store;

    String token;

    @BeforeEach
    void login() {
        token = Tokens.demo();
    }

    @AfterEach
    void reset() {
        given().post("/admin/reset").then().statusCode(200);
    }

    private String create(String operation, String soql) {
        return given().auth().oauth2(token).contentType("application/json; charset=utf-8")
                .body("{\"operation\":\"" + operation + "\",\"query\":\"" + soql + "\"}")
                .post(JOBS).then().statusCode(200).body("state", equalTo("UploadComplete")).body("contentType", equalTo("CSV"))
                .extract().path("id");
    }

    private void awaitState(String id, String state) {
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(200)).until(() ->
                state.equals(given().auth().oauth2(token).get(JOBS + "/" + id).then().statusCode(200).extract().path("state")));
    }

    @Test
    void jobCompletesAndResultsPageByLocatorUntilNull() {
        String id = create("query", "SELECT Id, Name, Owner.Name, Rating__c FROM Feedback__c");
        awaitState(id, "JobComplete");
        int total = given().auth().oauth2(token).get(JOBS + "/" + id).then().body("jobType", equalTo("V2Query"))
                .extract().path("numberRecordsProcessed");
        assertThat(total).isEqualTo(store.space(Catalog.FEEDBACK).baseSize());
        List<String> lines = new ArrayList<>();
        String locator = null;
        int pages = 0;
        do {
            Response r = given().auth().oauth2(token).accept("text/csv").queryParam("maxRecords", 25)
                    .queryParams(locator == null ? java.util.Map.of() : java.util.Map.of("locator", locator))
                    .get(JOBS + "/" + id + "/results");
            r.then().statusCode(200).contentType(containsString("text/csv"));
            locator = r.header("Sforce-Locator");
            String[] csv = r.asString().split("\n");
            assertThat(csv[0]).isEqualTo("\"Id\",\"Name\",\"Owner.Name\",\"Rating__c\"");
            assertThat(Integer.parseInt(r.header("Sforce-NumberOfRecords"))).isEqualTo(csv.length - 1);
            lines.addAll(List.of(csv).subList(1, csv.length));
            pages++;
        } while (!"null".equals(locator));
        assertThat(pages).isEqualTo((total + 24) / 25);
        assertThat(lines).hasSize(total).allMatch(l -> l.matches("\"a0F5g\\w{13}\",\"F-\\d{6}\",\"[^\"]+\",\"\\d\\.0\""));
        given().auth().oauth2(token).get(JOBS).then().statusCode(200).body("records.id", hasItem(id));
        given().auth().oauth2(token).delete(JOBS + "/" + id).then().statusCode(204);
        given().auth().oauth2(token).get(JOBS + "/" + id).then().statusCode(404).body("[0].errorCode", equalTo("NOT_FOUND"));
    }

    private String results(String soql) {
        String id = create("query", soql);
        awaitState(id, "JobComplete");
        return given().auth().oauth2(token).get(JOBS + "/" + id + "/results").then().statusCode(200).extract().asString();
    }

    @Test
    void csvRendersEveryTypeAsSalesforceAndNullsAsEmptyFields() {
        String account = given().contentType("application/json")
                .body("{\"count\":1,\"timestamp\":\"2025-03-04T05:06:07Z\",\"fields\":{\"Name\":\"Acme, \\\"Big\\\" Co\",\"NumberOfEmployees\":1200,"
                        + "\"AnnualRevenue\":90000000,\"Industry\":null}}")
                .post("/admin/data/Account/add").then().statusCode(200).extract().path("records[0].id");
        String csv = results("SELECT Id, Name, NumberOfEmployees, AnnualRevenue, IsDeleted, CreatedDate, Industry FROM Account WHERE Id = '" + account + "'");
        assertThat(csv).isEqualTo("\"Id\",\"Name\",\"NumberOfEmployees\",\"AnnualRevenue\",\"IsDeleted\",\"CreatedDate\",\"Industry\"\n"
                + "\"" + account + "\",\"Acme, \"\"Big\"\" Co\",\"1200\",\"9.0E7\",\"false\",\"2025-03-04T05:06:07.000Z\",\n");
        String sqr = given().contentType("application/json")
                .body("{\"count\":1,\"pick\":\"OLDEST\",\"fields\":{\"DateValue\":\"2025-01-31\",\"NumberValue\":7,\"IsTrueOrFalse\":true}}")
                .post("/admin/data/SurveyQuestionResponse/update").then().statusCode(200).extract().path("records[0].id");
        csv = results("SELECT DateValue, NumberValue, IsTrueOrFalse, DateTimeValue FROM SurveyQuestionResponse WHERE Id = '" + sqr + "'");
        assertThat(csv.split("\n")[1]).matches("\"2025-01-31\",\"7\",\"true\",(\"\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\.\\d{3}Z\")?");
    }

    @Test
    void queryAllIncludesDeletedRecords() {
        String id = create("queryAll", "SELECT Id, IsDeleted FROM Case");
        awaitState(id, "JobComplete");
        String csv = given().auth().oauth2(token).get(JOBS + "/" + id + "/results").then().statusCode(200)
                .header("Sforce-Locator", "null").extract().asString();
        assertThat(csv).contains("\"true\"");
    }

    @Test
    void unsupportedQueriesAndEarlyResultsAreRefused() {
        given().auth().oauth2(token).contentType("application/json")
                .body("{\"operation\":\"query\",\"query\":\"SELECT Id, (SELECT Id FROM LiveChatTranscriptEvents) FROM LiveChatTranscript\"}")
                .post(JOBS).then().statusCode(400).body("[0].message", containsString("not supported by the Bulk API"));
        given().auth().oauth2(token).contentType("application/json").body("{\"operation\":\"upsert\",\"query\":\"SELECT Id FROM Case\"}")
                .post(JOBS).then().statusCode(400).body("[0].errorCode", equalTo("API_ERROR"));
        given().auth().oauth2(token).contentType("application/json").body("{\"operation\":\"query\",\"query\":\"SELECT Nope FROM Case\"}")
                .post(JOBS).then().statusCode(400).body("[0].errorCode", equalTo("INVALID_FIELD"));
        given().auth().oauth2(token).contentType("application/json").body("not json").post(JOBS).then().statusCode(400);
        given().contentType("application/json").body("{\"count\":1}").post("/admin/bulk/stall-next").then().statusCode(200);
        String id = create("query", "SELECT Id FROM Case");
        awaitState(id, "InProgress");
        given().auth().oauth2(token).get(JOBS + "/" + id + "/results").then().statusCode(412).body("[0].errorCode", equalTo("JOB_NOT_COMPLETE"));
        given().auth().oauth2(token).contentType("application/json").body("{\"state\":\"Aborted\"}").patch(JOBS + "/" + id)
                .then().statusCode(200).body("state", equalTo("Aborted"));
    }

    @Test
    void adminCanFailAJob() {
        String id = create("query", "SELECT Id FROM Account");
        given().contentType("application/json").body("{\"message\":\"simulated failure\"}").post("/admin/bulk/jobs/" + id + "/fail").then().statusCode(200);
        given().auth().oauth2(token).get(JOBS + "/" + id).then().body("state", equalTo("Failed")).body("errorMessage", equalTo("simulated failure"));
        given().contentType("application/json").body("{\"count\":1}").post("/admin/bulk/fail-next").then().statusCode(200);
        String next = create("query", "SELECT Id FROM Account");
        awaitState(next, "Failed");
    }
}
