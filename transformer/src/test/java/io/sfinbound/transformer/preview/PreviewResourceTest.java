package io.sfinbound.transformer.preview;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;

import java.util.List;
import java.util.Map;
import java.util.Set;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.sfinbound.common.job.ConnectorFilter;
import io.sfinbound.common.job.DataType;
import io.sfinbound.common.job.Detector;
import io.sfinbound.common.job.FieldMapping;
import io.sfinbound.common.job.JobConfig;
import io.sfinbound.common.job.ParticipantMode;
import io.sfinbound.common.job.RedactionSettings;
import io.sfinbound.common.job.Transformation;
import io.sfinbound.common.job.TransformationType;
import io.sfinbound.common.kafka.Json;
import io.sfinbound.common.record.AttributeType;
import io.sfinbound.testing.KafkaTestResource;
import io.sfinbound.transformer.support.ConfigApiStandIn;
import io.sfinbound.transformer.support.Jobs;
import org.junit.jupiter.api.Test;

/** {@code POST /internal/preview} over HTTP: documents, filtered and dead-lettered outcomes, job errors as problems. */
@QuarkusTest
@WithTestResource(KafkaTestResource.class)
@WithTestResource(ConfigApiStandIn.class)
class PreviewResourceTest {

    static final String KEY = ConfigApiStandIn.SERVICE_KEY;

    static JobConfig feedbackJob(String filter, String redactionRules) {
        List<FieldMapping> mappings = List.of(
                new FieldMapping("Status", "status", AttributeType.TEXT, null,
                        new Transformation(TransformationType.LOOKUP, Map.of("Closed", "Resolved"), null, null, null, null)),
                new FieldMapping("CaseNumber", "case_number", AttributeType.TEXT, null,
                        new Transformation(TransformationType.REGEX, null, null, "^0+", "", null)),
                new FieldMapping("Amount", "amount_doubled", AttributeType.NUMBER, null,
                        new Transformation(TransformationType.EXPRESSION, null, null, null, null, "$value * 2")),
                new FieldMapping("Description", "comment", AttributeType.VERBATIM, null, null),
                new FieldMapping("Owner.Name", "owner", AttributeType.TEXT, null, null),
                new FieldMapping(null, "channel", AttributeType.TEXT, "web", null),
                new FieldMapping("Internal__c", null, AttributeType.DO_NOT_MAP, null, null));
        return Jobs.job(Jobs.nextId(), DataType.FEEDBACK, ParticipantMode.AUTO_DETECT, mappings,
                new RedactionSettings("Acme : ACME Corp", redactionRules, Set.of(Detector.EMAIL, Detector.PAYMENT_CARD),
                        null, List.of()),
                filter == null ? null : new ConnectorFilter(filter, ConnectorFilter.Mode.INCLUDE));
    }

    static Map<String, Object> request(JobConfig job, Object records) {
        return Map.of("job", Json.mapper().convertValue(job, Map.class), "records", records);
    }

    static Map<String, Object> caseRecord(String id, String status) {
        return Map.of("attributes", Map.of("type", "Case", "url", "/x"), "Id", id, "Status", status,
                "CaseNumber", "000123", "Amount", 21.5, "Description", "Write to ada@example.com about Acme, card 4111 1111 1111 1111",
                "Owner", Map.of("attributes", Map.of("type", "User"), "Name", "Grace"), "Internal__c", "secret",
                "CreatedDate", "2024-05-20T20:49:32.000+0000", "LastModifiedDate", "2024-05-21T08:00:00.000+0000");
    }

    @Test
    void shouldTransformSampleRecords() {
        JobConfig job = feedbackJob("Status != 'New'", "ORD-\\d{6}");
        given().header("X-Service-Key", KEY).contentType(ContentType.JSON)
                .body(request(job, List.of(caseRecord("5001", "Closed"), caseRecord("5002", "New"))))
                .when().post("/internal/preview")
                .then().log().ifValidationFails().statusCode(200)
                .body("results.kind", contains("DOCUMENT", "FILTERED"))
                .body("results[0].document.naturalId", equalTo("Salesforce;5001"))
                .body("results[0].document.documentDate", equalTo("2024-05-21T08:00:00Z"))
                .body("results[0].document.attributes.status.value", equalTo("Resolved"))
                .body("results[0].document.attributes.case_number.value", equalTo("123"))
                .body("results[0].document.attributes.amount_doubled.value", equalTo(43.0f))
                .body("results[0].document.attributes.owner.value", equalTo("Grace"))
                .body("results[0].document.attributes.channel.value", equalTo("web"))
                .body("results[0].document.attributes.keySet()", not(hasItem("Internal__c")))
                .body("results[0].document.attributes.keySet()", not(hasItem("attributes.type")))
                .body("results[0].document.verbatims[0].text",
                        equalTo("Write to [REDACTED] about ACME Corp, card [REDACTED]"))
                .body("results[0].document.redactions", equalTo(2))
                .body("results[1].reason", containsString("connector filter (INCLUDE) did not match: Status != 'New'"));
    }

    @Test
    void shouldNameEveryFieldOfAJobThatDoesNotCompile() {
        JobConfig job = feedbackJob("Status = 'New' AND", "ok\\d+\n(a+)+b\n[unclosed");
        given().header("X-Service-Key", KEY).contentType(ContentType.JSON)
                .body(request(job, List.of(caseRecord("5001", "Closed"))))
                .when().post("/internal/preview")
                .then().log().ifValidationFails().statusCode(400)
                .contentType("application/problem+json")
                .body("errors.field", contains("job.filter.expression", "job.redaction.redactionRules",
                        "job.redaction.redactionRules"))
                .body("errors[0].line", equalTo(1)).body("errors[0].column", equalTo(19))
                .body("errors[1].line", equalTo(2)).body("errors[1].message", containsString("nested unbounded"))
                .body("errors[2].line", equalTo(3)).body("errors[2].message", containsString("Unclosed character class"));
    }

    @Test
    void shouldSuggestTheRightCaseOfAFieldNotInTheSamples() {
        JobConfig job = Jobs.job(Jobs.nextId(), DataType.FEEDBACK, ParticipantMode.AUTO_DETECT,
                List.of(new FieldMapping("owner.name", "owner", AttributeType.TEXT, null, null)), null,
                new ConnectorFilter("CONTAINS(description, 'x')", ConnectorFilter.Mode.EXCLUDE));
        given().header("X-Service-Key", KEY).contentType(ContentType.JSON)
                .body(request(job, List.of(caseRecord("5001", "Closed"))))
                .when().post("/internal/preview")
                .then().log().ifValidationFails().statusCode(400)
                .body("errors.field", contains("job.fieldMappings[0].sourceField", "job.filter.expression"))
                .body("errors[0].message", containsString("did you mean 'Owner.Name'?"))
                .body("errors[1].message", containsString("did you mean 'Description'?"))
                .body("errors[1].column", equalTo(10));
    }

    @Test
    void shouldRejectRequestsWithoutTheServiceKeyOrWithoutRecords() {
        JobConfig job = feedbackJob(null, null);
        given().contentType(ContentType.JSON).body(request(job, List.of()))
                .when().post("/internal/preview").then().statusCode(401).contentType("application/problem+json");
        given().header("X-Service-Key", "wrong").contentType(ContentType.JSON).body(request(job, List.of()))
                .when().post("/internal/preview").then().statusCode(401);
        given().header("X-Service-Key", KEY).contentType(ContentType.JSON)
                .body(Map.of("job", Json.mapper().convertValue(job, Map.class)))
                .when().post("/internal/preview").then().statusCode(400)
                .body("errors[0].field", equalTo("records"));
        given().header("X-Service-Key", KEY).contentType(ContentType.JSON)
                .body(request(job, List.of("not an object")))
                .when().post("/internal/preview").then().statusCode(400)
                .body("errors[0].field", equalTo("records[0]"));
    }

    @Test
    void shouldAnswerMalformedBodiesWithProblems() {
        for (String body : List.of("{\"job\": {}, \"records\": \"x\"}", "{\"job\": \"x\", \"records\": []}", "[1, 2]",
                "{\"job\": {\"dataType\": \"LIVE_CHAT\", \"fieldMappings\": \"x\"}, \"records\": []}",
                "{\"job\": {\"dataType\": \"FAX\"}, \"records\": []}", "{\"job\": {}, \"records\": [1]}",
                "{\"job\": {}, \"records\": []}", "not json", "", "{\"job\": {\"jobId\": 1e999999}, \"records\": []}")) {
            given().header("X-Service-Key", KEY).contentType(ContentType.JSON).body(body)
                    .when().post("/internal/preview").then().log().ifValidationFails()
                    .statusCode(org.hamcrest.Matchers.both(org.hamcrest.Matchers.greaterThanOrEqualTo(400))
                            .and(org.hamcrest.Matchers.lessThan(500)))
                    .contentType("application/problem+json")
                    .body("detail", org.hamcrest.Matchers.not(org.hamcrest.Matchers.emptyOrNullString()));
        }
        // odd but well-formed requests are transformed (the records dead-lettered), never a server error
        for (String body : List.of("{\"job\": {\"dataType\": \"FEEDBACK\"}, \"records\": [{}]}",
                "{\"job\": {\"dataType\": \"LIVE_CHAT\", \"redaction\": {}, \"filter\": {}, \"defaultMapping\": {}}, \"records\": [{\"Body\": 1}]}")) {
            given().header("X-Service-Key", KEY).contentType(ContentType.JSON).body(body)
                    .when().post("/internal/preview").then().log().ifValidationFails()
                    .statusCode(org.hamcrest.Matchers.lessThan(500));
        }
        given().header("X-Service-Key", KEY).contentType(ContentType.TEXT).body("x")
                .when().post("/internal/preview").then().statusCode(415).contentType("application/problem+json");
    }
}
