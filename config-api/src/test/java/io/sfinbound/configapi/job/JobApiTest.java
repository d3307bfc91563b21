package io.sfinbound.configapi.job;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.nullValue;

import java.util.List;
import java.util.Map;

import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.sfinbound.configapi.support.Api;
import io.sfinbound.configapi.support.GreenMailTestResource;
import io.sfinbound.testing.KafkaTestResource;
import io.sfinbound.testing.PostgresTestResource;
import io.sfinbound.testing.SimulatorTestResource;
import org.junit.jupiter.api.Test;

/** The job wizard through the API: defaults, validation with positions, versions, change log, recycle bin. */
@QuarkusTest
@WithTestResource(value = KafkaTestResource.class)
@WithTestResource(value = PostgresTestResource.class, initArgs = @ResourceArg(name = "database", value = "sfinbound_config_test"))
@WithTestResource(value = GreenMailTestResource.class)
@WithTestResource(value = SimulatorTestResource.class)
class JobApiTest {

    @Test
    void shouldApplyXmdDefaultsAndServeImmutableVersionsInternally() {
        long connectionId = Api.createConnection(Api.passwordConnection("https://acme.my.salesforce.com"));
        long projectId = Api.createProject("defaults");
        Map<String, Object> body = Map.of("projectId", projectId, "connectionId", connectionId, "name", "minimal",
                "soql", "SELECT Id, CreatedDate, Body FROM LiveChatTranscript");
        long id = Api.createJob(body);
        JsonPath job = Api.admin().get("/api/jobs/" + id).jsonPath();
        assertThat(job.getInt("version")).isEqualTo(1);
        assertThat(job.getString("dataType")).isEqualTo("FEEDBACK");
        assertThat(job.getString("participantMode")).isEqualTo("AUTO_DETECT");
        assertThat(job.getString("apiVersion")).isEqualTo("62.0");
        assertThat(job.getString("dateField")).isEqualTo("CreatedDate");
        assertThat(job.getString("api")).isEqualTo("AUTO");
        assertThat(job.getString("recordLimit")).isNull();
        assertThat(job.getString("defaultMapping.sourceValue")).isEqualTo("Salesforce");
        assertThat(job.getString("defaultMapping.feedbackType")).isEqualTo("Operational reporting");
        assertThat(job.getString("redaction.mask")).isEqualTo("[REDACTED]");
        assertThat(job.getString("schedule.type")).isEqualTo("MANUAL");
        assertThat(job.getBoolean("enabled")).isTrue();

        Api.service().get("/internal/jobs/" + id + "/versions/1").then().statusCode(200)
                .body("jobId", equalTo((int) id)).body("version", equalTo(1)).body("soql", equalTo(body.get("soql")));

        Map<String, Object> v2 = new java.util.HashMap<>(body);
        v2.put("recordLimit", 500);
        v2.put("dateField", "CreatedDate");
        Api.admin().body(v2).put("/api/jobs/" + id).then().statusCode(200).body("version", equalTo(2));
        Api.service().get("/internal/jobs/" + id + "/versions/1").then().body("recordLimit", nullValue());
        Api.service().get("/internal/jobs/" + id + "/versions/2").then().body("recordLimit", equalTo(500));
        Api.service().get("/internal/jobs/" + id + "/versions/3").then().statusCode(404);
        // saving the same configuration again makes no version
        Api.admin().body(v2).put("/api/jobs/" + id).then().statusCode(200).body("version", equalTo(2));

        JsonPath changes = Api.admin().get("/api/jobs/" + id + "/changes").jsonPath();
        assertThat(changes.getList("action")).containsExactly("UPDATED", "CREATED");
        assertThat(changes.getString("[0].changedBy")).isEqualTo("key:bootstrap-admin");
        assertThat(changes.getList("[0].changes.field")).containsExactly("recordLimit");
        assertThat(Api.admin().get("/api/jobs/" + id + "/versions").jsonPath().getList("version")).containsExactly(2, 1);
    }

    @Test
    void shouldRejectInvalidSoqlWithPositionAndGroupBy() {
        long connectionId = Api.createConnection(Api.passwordConnection("https://acme.my.salesforce.com"));
        long projectId = Api.createProject("soql errors");
        Api.admin().body(Map.of("projectId", projectId, "connectionId", connectionId, "name", "bad",
                "soql", "SELECT Id, CreatedDate\nFORM Case")).post("/api/jobs").then().statusCode(400)
                .contentType("application/problem+json")
                .body("errors[0].field", equalTo("soql")).body("errors[0].line", equalTo(2)).body("errors[0].column", equalTo(1));
        Api.admin().body(Map.of("projectId", projectId, "connectionId", connectionId, "name", "grouped",
                "soql", "SELECT Status, COUNT(Id) FROM Case GROUP BY Status")).post("/api/jobs").then().statusCode(400)
                .body("errors[0].field", equalTo("soql")).body("errors[0].message", org.hamcrest.Matchers.containsString("not supported"));
        Api.admin().body(Map.of("projectId", projectId, "connectionId", connectionId, "name", "no date",
                "soql", "SELECT Id, Subject FROM Case", "dateField", "ClosedDate")).post("/api/jobs").then().statusCode(400)
                .body("errors.field", hasItem("dateField"));
    }

    @Test
    void shouldNameEveryInvalidWizardField() {
        Api.admin().body(Map.of("name", "", "soql", "SELECT Id, CreatedDate FROM Case", "recordLimit", 0,
                "fieldMappings", List.of(Map.of("targetAttribute", "x", "dataType", "TEXT"),
                        Map.of("sourceField", "Status", "targetAttribute", "x", "dataType", "TEXT",
                                "transformation", Map.of("type", "REGEX", "regex", "(?!x)a", "replacement", ""))),
                "redaction", Map.of("redactionRules", "# ssn\n\\d{3}-\\d{2}-\\d{4}\n([a-z]\n"),
                "schedule", Map.of("type", "MONTHLY", "dayOfMonth", 32, "timezone", "Nowhere/City"),
                "notifications", Map.of("emails", List.of("not-an-email"))))
                .post("/api/jobs").then().statusCode(400)
                .body("errors.field", hasItem("name")).body("errors.field", hasItem("projectId"))
                .body("errors.field", hasItem("connectionId")).body("errors.field", hasItem("recordLimit"))
                .body("errors.field", hasItem("fieldMappings[0].sourceField"))
                .body("errors.field", hasItem("fieldMappings[1].targetAttribute"))
                .body("errors.field", hasItem("fieldMappings[1].transformation.regex"))
                .body("errors.field", hasItem("redaction.redactionRules"))
                .body("errors.field", hasItem("schedule.dayOfMonth")).body("errors.field", hasItem("schedule.timezone"))
                .body("errors.field", hasItem("notifications.emails[0]"));
        Api.admin().body(Map.of("name", "x", "dataType", "FAX")).post("/api/jobs").then().statusCode(400)
                .body("errors[0].field", equalTo("dataType"));
    }

    @Test
    void shouldCopyDeleteRestorePurgeEnableAndDisable() {
        long connectionId = Api.createConnection(Api.passwordConnection("https://acme.my.salesforce.com"));
        long projectId = Api.createProject("lifecycle ops");
        Map<String, Object> body = Api.job(projectId, connectionId, "original");
        body.put("schedule", Map.of("type", "DAILY", "startTime", "06:00", "timezone", "UTC", "createWithoutPulling", true));
        long id = Api.createJob(body);
        assertThat(Api.admin().get("/api/jobs/" + id).jsonPath().getString("nextRunAt")).isNotNull();

        long copy = Api.admin().body(Map.of("name", "the copy")).post("/api/jobs/" + id + "/copy").then().statusCode(201)
                .body("enabled", equalTo(false)).body("soql", equalTo(body.get("soql"))).extract().jsonPath().getLong("id");
        Api.admin().post("/api/jobs/" + copy + "/enable").then().statusCode(200).body("enabled", equalTo(true))
                .body("nextRunAt", org.hamcrest.Matchers.notNullValue());
        Api.admin().post("/api/jobs/" + copy + "/disable").then().statusCode(200).body("nextRunAt", nullValue());

        Api.admin().delete("/api/jobs/" + id + "/purge").then().statusCode(409);
        Api.admin().delete("/api/jobs/" + id).then().statusCode(200).body("deleted", equalTo(true));
        assertThat(Api.admin().get("/api/jobs").jsonPath().getList("id", Long.class)).doesNotContain(id);
        assertThat(Api.admin().queryParam("deleted", true).get("/api/jobs").jsonPath().getList("id", Long.class)).contains(id);
        Api.admin().post("/api/jobs/" + id + "/runs").then().statusCode(409);
        Api.admin().post("/api/jobs/" + id + "/restore").then().statusCode(200).body("deleted", equalTo(false))
                .body("enabled", equalTo(false));
        Api.admin().delete("/api/jobs/" + id).then().statusCode(200);
        Api.admin().delete("/api/jobs/" + id + "/purge").then().statusCode(204);
        Api.admin().get("/api/jobs/" + id).then().statusCode(404);
        assertThat(Api.admin().get("/api/jobs/" + copy + "/changes").jsonPath().getList("action"))
                .containsExactly("DISABLED", "ENABLED", "COPIED_FROM");
    }
}
