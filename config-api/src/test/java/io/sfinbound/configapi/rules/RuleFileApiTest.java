package io.sfinbound.configapi.rules;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;


import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.sfinbound.configapi.support.Api;
import io.sfinbound.configapi.support.GreenMailTestResource;
import io.sfinbound.testing.KafkaTestResource;
import io.sfinbound.testing.PostgresTestResource;
import io.sfinbound.testing.SimulatorTestResource;
import org.junit.jupiter.api.Test;

/** Rule file templates, upload into a job (a new version), download, validation with lines, and the role checks. */
@QuarkusTest
@WithTestResource(value = KafkaTestResource.class)
@WithTestResource(value = PostgresTestResource.class, initArgs = @ResourceArg(name = "database", value = "sfinbound_config_test"))
@WithTestResource(value = GreenMailTestResource.class)
@WithTestResource(value = SimulatorTestResource.class)
class RuleFileApiTest {

    @Test
    void shouldServeTemplatesAsAttachments() {
        String viewer = Api.issueKey("VIEWER");
        for (String kind : new String[] {"substitution", "redaction"}) {
            String text = given().header("X-API-Key", viewer).get("/api/rule-templates/" + kind).then().statusCode(200)
                    .contentType(containsString("text/plain"))
                    .header("Content-Disposition", equalTo("attachment; filename=\"" + kind + "-rules.txt\""))
                    .extract().asString();
            assertThat(text).startsWith("# ").contains("Lines starting with # are comments");
        }
        given().header("X-API-Key", viewer).get("/api/rule-templates/nonsense").then().statusCode(404)
                .contentType("application/problem+json");
        given().get("/api/rule-templates/redaction").then().statusCode(401);
        given().header("X-API-Key", "sfk_wrong").get("/api/rule-templates/redaction").then().statusCode(401);
    }

    @Test
    void shouldUploadRuleFilesAsNewJobVersions() {
        long connectionId = Api.createConnection(Api.passwordConnection("https://acme.my.salesforce.com"));
        long projectId = Api.createProject("rule files " + System.nanoTime());
        long id = Api.createJob(Api.job(projectId, connectionId, "with rules"));
        String subs = "# products\ncorroded virus : Coronavirus\n";
        upload(Api.ADMIN_KEY, id, "substitution", subs).then().statusCode(200).body("version", equalTo(2))
                .body("redaction.substitutionRules", equalTo(subs));
        upload(Api.ADMIN_KEY, id, "redaction", "ORD-\\d{6}\n").then().statusCode(200).body("version", equalTo(3))
                .body("redaction.substitutionRules", equalTo(subs)).body("redaction.redactionRules", equalTo("ORD-\\d{6}\n"));
        Api.service().get("/internal/jobs/" + id + "/versions/3").then().statusCode(200)
                .body("redaction.redactionRules", equalTo("ORD-\\d{6}\n"));
        String current = given().header("X-API-Key", Api.issueKey("VIEWER")).get("/api/jobs/" + id + "/rules/substitution")
                .then().statusCode(200).header("Content-Disposition", containsString("attachment")).extract().asString();
        assertThat(current).isEqualTo(subs);

        upload(Api.ADMIN_KEY, id, "redaction", "# fine\nORD-\\d{6}\n(a|aa)+$\n").then().statusCode(400)
                .contentType("application/problem+json")
                .body("errors[0].field", equalTo("redaction.redactionRules")).body("errors[0].line", equalTo(3));
        upload(Api.ADMIN_KEY, id, "substitution", "no colon here\n").then().statusCode(400)
                .body("errors[0].field", equalTo("redaction.substitutionRules")).body("errors[0].line", equalTo(1));
        Api.admin().get("/api/jobs/" + id).then().body("version", equalTo(3));

        upload(null, id, "redaction", "x").then().statusCode(401);
        upload(Api.issueKey("VIEWER"), id, "redaction", "x").then().statusCode(403);
        upload(Api.issueKey("JOB_MANAGER"), id, "redaction", "").then().statusCode(200).body("version", equalTo(4))
                .body("redaction.redactionRules", equalTo(null));
        upload(Api.ADMIN_KEY, 999_999, "redaction", "x").then().statusCode(404);
    }

    static io.restassured.response.Response upload(String key, long id, String kind, String text) {
        var spec = given().contentType("text/plain; charset=UTF-8").body(text);
        if (key != null) {
            spec = spec.header("X-API-Key", key);
        }
        return spec.put("/api/jobs/" + id + "/rules/" + kind);
    }
}
