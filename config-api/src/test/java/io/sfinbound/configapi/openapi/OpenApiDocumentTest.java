package io.sfinbound.configapi.openapi;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;

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

    /**
     * Every JSON request body and 2xx JSON response of /api and /internal has an example: on the media type, on the schema,
     * or on its properties (through $ref into components). A body type's primitive properties each need one; a nested type
     * needs an example itself or on at least one of its properties, so a forgotten type fails without every nested primitive
     * needing one.
     */
    @Test
    void everyJsonBodyHasAnExample() throws Exception {
        JsonNode doc = new ObjectMapper().readTree(given().queryParam("format", "json").get("/q/openapi").then().statusCode(200)
                .extract().asString());
        List<String> missing = new ArrayList<>();
        int bodies = 0;
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
                String name = op.getKey().toUpperCase() + " " + path.getKey();
                List<Map.Entry<String, JsonNode>> bodiesOfOp = new ArrayList<>();
                op.getValue().path("requestBody").path("content").fields().forEachRemaining(c -> bodiesOfOp.add(Map.entry("request " + c.getKey(), c.getValue())));
                op.getValue().path("responses").fields().forEachRemaining(r -> {
                    if (r.getKey().startsWith("2")) {
                        r.getValue().path("content").fields().forEachRemaining(c -> bodiesOfOp.add(Map.entry(r.getKey() + " " + c.getKey(), c.getValue())));
                    }
                });
                for (Map.Entry<String, JsonNode> body : bodiesOfOp) {
                    if (!body.getKey().contains("json") || body.getKey().contains("problem+json")) {
                        continue;
                    }
                    bodies++;
                    JsonNode media = body.getValue();
                    boolean documented = media.has("example") || media.path("examples").size() > 0
                            || exemplified(doc, media.path("schema"), true, new HashSet<>());
                    if (!documented) {
                        missing.add(name + " " + body.getKey());
                    }
                }
            }
        }
        assertThat(bodies).isGreaterThan(30);
        assertThat(missing).as("JSON bodies without an example").isEmpty();
    }

    /** Whether a schema documents an example; strict (every primitive property) at the top, lenient in nested types. */
    private static boolean exemplified(JsonNode doc, JsonNode schema, boolean strict, Set<String> seen) {
        if (schema.isMissingNode() || schema.has("example") || schema.path("examples").size() > 0 || schema.has("enum")) {
            return true;
        }
        if (schema.has("$ref")) {
            String ref = schema.get("$ref").asText();
            if (!seen.add(ref + strict)) {
                return true;
            }
            return exemplified(doc, doc.at(ref.substring(1)), strict, seen);
        }
        if (schema.has("allOf")) {
            for (JsonNode part : schema.get("allOf")) {
                if (exemplified(doc, part, strict, seen)) {
                    return true;
                }
            }
            return false;
        }
        if (schema.has("items")) {
            return exemplified(doc, schema.get("items"), strict, seen);
        }
        JsonNode properties = schema.path("properties");
        if (properties.size() == 0) {
            return false; // a primitive or free-form body without an example
        }
        boolean any = false;
        boolean all = true;
        Iterator<Map.Entry<String, JsonNode>> it = properties.fields();
        while (it.hasNext()) {
            JsonNode p = it.next().getValue();
            boolean own = p.has("example") || p.path("examples").size() > 0
                    || p.path("writeOnly").asBoolean(); // a secret: no example on purpose
            any |= own;
            if (!own && strict) {
                boolean nested = p.has("$ref") || p.has("allOf") || p.has("items") || p.has("additionalProperties");
                all &= nested && exemplified(doc, p, false, seen) || p.has("enum");
            }
        }
        return strict ? all : any;
    }
}
