package io.sfinbound.sim.query;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.nullValue;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;

import jakarta.inject.Inject;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.sfinbound.sim.Tokens;
import io.sfinbound.sim.data.DataStore;
import io.sfinbound.sim.data.SimRecord;
import io.sfinbound.sim.schema.Catalog;

/** REST query, queryAll and query-more against the generated data, with Salesforce's shapes and errors. */
@QuarkusTest
class QueryApiTest {

    @Inject
    DataStore store;

    String token;

    @BeforeEach
    void login() {
        token = Tokens.demo();
    }

    private List<String> generatedIds(String object) {
        List<String> ids = new ArrayList<>();
        Iterator<SimRecord> it = store.scanByStamp(Catalog.get().require(object), null, null, null, false);
        it.forEachRemaining(r -> ids.add(r.id()));
        return ids;
    }

    private JsonPath page(String url, String batch) {
        var req = given().auth().oauth2(token);
        if (batch != null) {
            req = req.header("Sforce-Query-Options", "batchSize=" + batch);
        }
        return req.get(url).then().statusCode(200).extract().jsonPath();
    }

    @Test
    void cursorPagesOverTheSnapshotTakenWhenTheQueryRan() {
        given().post("/admin/data/reset").then().statusCode(200);
        String soql = "SELECT Id, Status, SystemModstamp FROM MessagingSession ORDER BY SystemModstamp, Id";
        String url = "/services/data/v62.0/query?q=" + soql;
        JsonPath all = page(url, null);
        List<String> ids = all.getList("records.Id");
        List<String> statuses = all.getList("records.Status");
        assertThat(ids).hasSize(300);
        JsonPath first = page(url, "200");
        assertThat(first.getList("records.Id")).isEqualTo(ids.subList(0, 200));
        String firstStamp = all.getString("records[0].SystemModstamp");
        try {
            // between the two pages: a page-1 record updated (it moves to the end), page-2 records updated, soft- and
            // hard-deleted, and late records committed with a timestamp inside page 1
            update("MessagingSession", ids.get(10), "Poisoned-10");
            update("MessagingSession", ids.get(250), "Poisoned-250");
            given().contentType("application/json").body(java.util.Map.of("ids", List.of(ids.get(260))))
                    .post("/admin/data/MessagingSession/delete").then().statusCode(200);
            given().contentType("application/json").body(java.util.Map.of("ids", List.of(ids.get(270)), "hard", true))
                    .post("/admin/data/MessagingSession/delete").then().statusCode(200);
            given().contentType("application/json").body(java.util.Map.of("count", 2, "timestamp", "2024-06-01T00:00:00Z"))
                    .post("/admin/data/MessagingSession/add").then().statusCode(200);
            JsonPath second = page(first.getString("nextRecordsUrl"), null);
            assertThat(second.getInt("totalSize")).isEqualTo(300);
            assertThat(second.getBoolean("done")).isTrue();
            assertThat(second.getList("records.Id")).isEqualTo(ids.subList(200, 300));
            assertThat(second.getList("records.Status")).isEqualTo(statuses.subList(200, 300));
            // a new query sees the changes
            JsonPath now = page(url, null);
            List<String> nowIds = now.getList("records.Id");
            assertThat(now.getInt("totalSize")).isEqualTo(300);
            assertThat(nowIds).doesNotContain(ids.get(260), ids.get(270));
            assertThat(nowIds.subList(298, 300)).containsExactly(ids.get(10), ids.get(250));
            assertThat(now.getList("records.Status").subList(298, 300)).containsExactly("Poisoned-10", "Poisoned-250");
            assertThat(now.getString("records[0].SystemModstamp")).startsWith("2024-06-01T00:00:00.000").isNotEqualTo(firstStamp);
            // queryAll over a snapshot too: the soft-deleted record is there, the purged one gone
            assertThat(page("/services/data/v62.0/queryAll?q=" + soql, null).getList("records.Id")).contains(ids.get(260)).doesNotContain(ids.get(270));
        } finally {
            given().post("/admin/data/reset").then().statusCode(200);
        }
    }

    private static void update(String object, String id, String status) {
        given().contentType("application/json").body(java.util.Map.of("ids", List.of(id), "fields", java.util.Map.of("Status", status)))
                .post("/admin/data/" + object + "/update").then().statusCode(200);
    }

    @Test
    void pagesFollowNextRecordsUrlUntilDone() {
        List<String> seen = new ArrayList<>();
        JsonPath page = given().auth().oauth2(token).header("Sforce-Query-Options", "batchSize=200")
                .queryParam("q", "SELECT Id, ActorType, Message, EntryTime FROM ConversationEntry ORDER BY SystemModstamp, Id")
                .get("/services/data/v62.0/query").then().statusCode(200)
                .contentType("application/json").extract().jsonPath();
        int total = page.getInt("totalSize");
        int pages = 1;
        while (true) {
            seen.addAll(page.getList("records.Id"));
            assertThat(page.getList("records.attributes.type")).containsOnly("ConversationEntry");
            if (page.getBoolean("done")) {
                assertThat(page.getString("nextRecordsUrl")).isNull();
                break;
            }
            String next = page.getString("nextRecordsUrl");
            assertThat(next).matches("/services/data/v62\\.0/query/01g[0-9A-Za-z]{15}-" + seen.size());
            page = given().auth().oauth2(token).get(next).then().statusCode(200).extract().jsonPath();
            pages++;
        }
        assertThat(pages).isGreaterThan(1);
        assertThat(seen).hasSize(total).isEqualTo(generatedIds("ConversationEntry"));
    }

    @Test
    void recordShapeHasAttributesRelationshipsAndSalesforceDatetimes() {
        given().auth().oauth2(token)
                .queryParam("q", "SELECT Id, Owner.Name, Case.CaseNumber, CreatedDate, ChatDuration, IsChatbotSession FROM LiveChatTranscript ORDER BY Id LIMIT 5")
                .get("/services/data/v62.0/query/").then().statusCode(200)
                .body("totalSize", equalTo(5)).body("done", equalTo(true)).body("records", hasSize(5))
                .body("records[0].attributes.url", matchesPattern("/services/data/v62\\.0/sobjects/LiveChatTranscript/570\\w{15}"))
                .body("records[0].Owner.attributes.type", equalTo("User"))
                .body("records[0].CreatedDate", matchesPattern("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\.000\\+0000"));
    }

    @Test
    void queryAllSeesDeletedRecordsAndContinuesUnderQuery() {
        int visible = given().auth().oauth2(token).queryParam("q", "SELECT Id FROM Case").get("/services/data/v62.0/query")
                .then().statusCode(200).extract().path("totalSize");
        JsonPath all = given().auth().oauth2(token).header("Sforce-Query-Options", "batchSize=200")
                .queryParam("q", "SELECT Id, IsDeleted FROM Case").get("/services/data/v62.0/queryAll")
                .then().statusCode(200).extract().jsonPath();
        assertThat(all.getInt("totalSize")).isGreaterThan(visible);
        given().auth().oauth2(token).queryParam("q", "SELECT Id FROM Case WHERE IsDeleted = true").get("/services/data/v62.0/queryAll")
                .then().statusCode(200).body("totalSize", equalTo(all.getInt("totalSize") - visible));
    }

    @Test
    void errorsAreSalesforceArrays() {
        given().auth().oauth2(token).queryParam("q", "SELECT Id, Nope FROM Case").get("/services/data/v62.0/query")
                .then().statusCode(400).body("[0].errorCode", equalTo("INVALID_FIELD"))
                .body("[0].message", containsString("ERROR at Row:1:Column:12"))
                .body("[0].message", containsString("No such column 'Nope' on entity 'Case'"));
        given().auth().oauth2(token).queryParam("q", "SELECT Id FROM Nope").get("/services/data/v62.0/query")
                .then().statusCode(400).body("[0].errorCode", equalTo("INVALID_TYPE"));
        given().auth().oauth2(token).queryParam("q", "SELECT Id FORM Case").get("/services/data/v62.0/query")
                .then().statusCode(400).body("[0].errorCode", equalTo("MALFORMED_QUERY")).body("[0].message", containsString("unexpected token: FORM"));
        given().auth().oauth2(token).queryParam("q", "SELECT Id FROM LiveChatTranscript WHERE Body = 'x'").get("/services/data/v62.0/query")
                .then().statusCode(400).body("[0].errorCode", equalTo("INVALID_FIELD")).body("[0].message", containsString("can not be filtered"));
        given().auth().oauth2(token).get("/services/data/v62.0/query/01g5g0000000000AAA-2000")
                .then().statusCode(400).body("[0].errorCode", equalTo("INVALID_QUERY_LOCATOR"));
        given().auth().oauth2(token).get("/services/data/v62.0/nothing").then().statusCode(404).body("[0].errorCode", equalTo("NOT_FOUND"));
    }

    @Test
    void twoLongTextFieldsLimitTheBatchTo200() {
        given().auth().oauth2(token).queryParam("q", "SELECT Id, Body, UserAgent FROM LiveChatTranscript")
                .get("/services/data/v62.0/query").then().statusCode(200).body("nextRecordsUrl", nullValue());
        JsonPath p = given().auth().oauth2(token).queryParam("q", "SELECT Id, Message FROM ConversationEntry")
                .get("/services/data/v62.0/query").then().statusCode(200).extract().jsonPath();
        assertThat(p.getList("records")).hasSize(Math.min(2000, p.getInt("totalSize")));
    }

    @Test
    void aggregateAndCount() {
        given().auth().oauth2(token).queryParam("q", "SELECT COUNT() FROM Case").get("/services/data/v62.0/query")
                .then().statusCode(200).body("records", hasSize(0));
        given().auth().oauth2(token).queryParam("q", "SELECT Status, COUNT(Id) n FROM Case GROUP BY Status").get("/services/data/v62.0/query")
                .then().statusCode(200).body("records[0].attributes.type", equalTo("AggregateResult"));
    }
}
