package io.sfinbound.configapi.json;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.startsWith;

import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.Map;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.response.ValidatableResponse;
import io.sfinbound.configapi.support.Api;
import io.sfinbound.configapi.support.GreenMailTestResource;
import io.sfinbound.testing.KafkaTestResource;
import io.sfinbound.testing.PostgresTestResource;
import io.sfinbound.testing.SimulatorTestResource;
import org.junit.jupiter.api.Test;

/** The hostile-corpus cases config-api's request JSON used to accept or answer without the field. */
@QuarkusTest
@WithTestResource(value = KafkaTestResource.class)
@WithTestResource(value = PostgresTestResource.class, initArgs = @ResourceArg(name = "database", value = "sfinbound_config_test"))
@WithTestResource(value = GreenMailTestResource.class)
@WithTestResource(value = SimulatorTestResource.class)
class StrictJsonTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void shouldRefuseNumbersAndBooleansAsText() {
        for (String name : new String[] {"123", "true", "1.5", "1e999999"}) {
            fieldError(postProject("{\"name\":" + name + ",\"description\":\"d\"}"), "name");
        }
    }

    @Test
    void shouldRefuseLoneSurrogatesButKeepPairs() {
        fieldError(postProject("{\"name\":\"\\ud800\"}"), "name");
        fieldError(postProject("{\"name\":\"\\udfff\\ud800\"}"), "name");
        postProject("{\"name\":\"chat \\ud83d\\ude00\"}").statusCode(201).body("name", equalTo("chat \uD83D\uDE00"));
    }

    @Test
    void shouldRefuseBodiesThatAreNotWellFormedUtf8() {
        byte[] overlong = bytes("{\"name\":\"", new byte[] {(byte) 0xC0, (byte) 0xAF, (byte) 0xE0, (byte) 0x80, (byte) 0xAF}, "\"}");
        byte[] encodedSurrogate = bytes("{\"name\":\"", new byte[] {(byte) 0xED, (byte) 0xA0, (byte) 0x80}, "\"}");
        for (byte[] body : new byte[][] {overlong, encodedSurrogate}) {
            Api.admin().body(body).post("/api/projects").then().statusCode(400)
                    .contentType(startsWith("application/problem+json")).body("status", equalTo(400));
        }
    }

    @Test
    void shouldRefuseAnotherCharsetThanUtf8() throws Exception {
        // the JDK client: RestAssured refuses to encode with an unknown charset
        HttpResponse<String> r = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                URI.create("http://localhost:" + RestAssured.port + "/api/projects"))
                .header("X-API-Key", Api.ADMIN_KEY).header("Content-Type", "application/json; charset=ebcdic")
                .POST(HttpRequest.BodyPublishers.ofString("{\"name\":\"ct\"}")).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(r.statusCode()).isEqualTo(415);
        assertThat(r.headers().firstValue("Content-Type").orElse("")).startsWith("application/problem+json");
        assertThat(r.body()).contains("\"status\":415");
        given().header("X-API-Key", Api.ADMIN_KEY).contentType("application/json; charset=UTF-8").body("{\"name\":\"utf8 ok\"}")
                .post("/api/projects").then().statusCode(201);
    }

    @Test
    void shouldRefuseTruncatedFloatsAndOverflowNamingTheField() throws Exception {
        long connectionId = Api.createConnection(Api.passwordConnection("https://acme.my.salesforce.com"));
        long projectId = Api.createProject("strict json");
        fieldError(postJob(projectId, connectionId, "projectId", 1.5), "projectId");
        fieldError(postJob(projectId, connectionId, "projectId", new BigInteger("99999999999999999999999")), "projectId");
        fieldError(postJob(projectId, connectionId, "recordLimit", 99_999_999_999L), "recordLimit");
        fieldError(postJob(projectId, connectionId, "lookBack", Map.of("amount", 99_999_999_999L, "unit", "DAYS")), "lookBack.amount");
        fieldError(postJob(projectId, connectionId, "name", 42), "name");
        fieldError(postJob(projectId, connectionId, "recordLimit", "1000"), "recordLimit");
        postJob(projectId, connectionId, "recordLimit", 1000).statusCode(201);
    }

    @Test
    void shouldAnswerAOneMegabyteHeaderWithAProblem() {
        given().header("X-API-Key", "k".repeat(1024 * 1024)).get("/api/projects").then().statusCode(401)
                .contentType(startsWith("application/problem+json")).body("status", equalTo(401));
    }

    private static ValidatableResponse postProject(String raw) {
        return Api.admin().body(raw.getBytes(StandardCharsets.UTF_8)).post("/api/projects").then();
    }

    private static ValidatableResponse postJob(long projectId, long connectionId, String field, Object value) throws Exception {
        Map<String, Object> job = Api.job(projectId, connectionId, "strict " + field);
        job.put(field, value);
        return Api.admin().body(JSON.writeValueAsString(job)).post("/api/jobs").then();
    }

    private static void fieldError(ValidatableResponse r, String field) {
        r.statusCode(400).contentType(startsWith("application/problem+json")).body("errors.field", hasItem(field));
    }

    private static byte[] bytes(String before, byte[] middle, String after) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(before.getBytes(StandardCharsets.UTF_8));
        out.writeBytes(middle);
        out.writeBytes(after.getBytes(StandardCharsets.UTF_8));
        return out.toByteArray();
    }
}
