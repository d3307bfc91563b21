package io.sfinbound.configapi.openapi;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.sfinbound.configapi.support.GreenMailTestResource;
import io.sfinbound.testing.KafkaTestResource;
import io.sfinbound.testing.PostgresTestResource;
import io.sfinbound.testing.SimulatorTestResource;
import org.junit.jupiter.api.Test;

/** The OpenAPI document: every operation of /api and /internal has a 4xx problem+json response with an example. */
@QuarkusTest
@WithTestResource(value = KafkaTestResource.class)
@WithTestResource(value = PostgresTestResource.class, initArgs = @ResourceArg(name = "database", value = "sfinbound_config_test"))
@WithTestResource(value = GreenMailTestResource.class)
@WithTestResource(value = SimulatorTestResource.class)
class OpenApiDocumentTest {

    @Test
    void everyOperationDocumentsAProblemResponseWithAnExample() throws Exception {
        JsonNode doc = new ObjectMapper().readTree(given().queryParam("format", "json").get("/q/openapi").then().statusCode(200)
                .extract().asString());
        List<String> missing = new ArrayList<>();
        int operations = 0;
        Iterator<Map.Entry<String, JsonNode>> paths = doc.path("paths").fields();
        while (paths.hasNext()) {
            Map.Entry<String, JsonNode> path = paths.next();
            if (!path.getKey().startsWith("/api") && !path.getKey().startsWith("/internal")) {
                continue;
            }
            Iterator<Map.Entry<String, JsonNode>> ops = path.getValue().fields();
            while (ops.hasNext()) {
                Map.Entry<String, JsonNode> op = ops.next();
                if (!List.of("get", "post", "put", "patch", "delete").contains(op.getKey())) {
                    continue;
                }
                operations++;
                boolean documented = false;
                Iterator<Map.Entry<String, JsonNode>> responses = op.getValue().path("responses").fields();
                while (responses.hasNext()) {
                    Map.Entry<String, JsonNode> r = responses.next();
                    JsonNode problem = r.getValue().path("content").path("application/problem+json");
                    if (r.getKey().startsWith("4") && !problem.isMissingNode() && problem.path("examples").size() > 0) {
                        documented = true;
                    }
                }
                if (!documented) {
                    missing.add(op.getKey().toUpperCase() + " " + path.getKey());
                }
            }
        }
        assertThat(operations).isGreaterThan(30);
        assertThat(missing).as("operations without a 4xx problem+json response with an example").isEmpty();
        assertThat(doc.at("/components/schemas/Problem").isMissingNode()).isFalse();
        // the security filter's answers are documented where they happen
        assertThat(doc.at("/paths/~1api~1jobs/post/responses/403").isMissingNode()).isFalse();
        assertThat(doc.at("/paths/~1api~1oauth~1callback/get/responses/401").isMissingNode()).isTrue();
    }
}
