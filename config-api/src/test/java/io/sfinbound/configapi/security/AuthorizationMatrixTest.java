package io.sfinbound.configapi.security;

import static io.restassured.RestAssured.given;

import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;

import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.sfinbound.configapi.support.Api;
import io.sfinbound.configapi.support.FakeTokenEndpoint;
import io.sfinbound.configapi.support.GreenMailTestResource;
import io.sfinbound.testing.KafkaTestResource;
import io.sfinbound.testing.PostgresTestResource;
import io.sfinbound.testing.SimulatorTestResource;
import io.restassured.http.ContentType;
import org.junit.jupiter.api.Test;

/**
 * The authorization matrix: every {@code /api} endpoint, found by reflection over the resource classes (so a new
 * endpoint cannot be forgotten), answers 401 without a key and with a wrong key, and 403 to every role below its
 * {@link Requires} role; a role at or above it gets past security (any status but 401 and 403).
 */
@QuarkusTest
@WithTestResource(value = KafkaTestResource.class)
@WithTestResource(value = PostgresTestResource.class, initArgs = @ResourceArg(name = "database", value = "sfinbound_config_test"))
@WithTestResource(value = GreenMailTestResource.class)
@WithTestResource(value = SimulatorTestResource.class)
class AuthorizationMatrixTest {

    record Endpoint(String method, String path, Role required) {
    }

    static final List<Class<?>> RESOURCES = List.of(ApiKeyResource.class, io.sfinbound.configapi.project.ProjectResource.class,
            io.sfinbound.configapi.connection.ConnectionResource.class, io.sfinbound.configapi.job.JobResource.class,
            io.sfinbound.configapi.run.RunResource.class, io.sfinbound.configapi.oauth.WebServerFlowResource.class,
            io.sfinbound.configapi.salesforce.QueryValidationResource.class,
            io.sfinbound.configapi.crypto.KeyRotationResource.class);

    @Test
    void shouldAnswer401And403ForEveryEndpointAndRole() {
        Map<Role, String> keys = Map.of(Role.VIEWER, Api.issueKey("VIEWER"), Role.JOB_MANAGER, Api.issueKey("JOB_MANAGER"),
                Role.ADMIN, Api.ADMIN_KEY);
        List<Endpoint> endpoints = endpoints();
        org.assertj.core.api.Assertions.assertThat(endpoints).hasSizeGreaterThan(25);
        for (Endpoint e : endpoints) {
            if (e.required() == null) {
                continue; // the OAuth callback: public, authenticated by its state
            }
            call(e, null).then().statusCode(401);
            call(e, "sfk_wrong").then().statusCode(401);
            for (Role r : Role.values()) {
                int status = call(e, keys.get(r)).statusCode();
                if (r.covers(e.required())) {
                    org.assertj.core.api.Assertions.assertThat(status).as("%s %s as %s", e.method(), e.path(), r).isNotIn(401, 403);
                } else {
                    org.assertj.core.api.Assertions.assertThat(status).as("%s %s as %s", e.method(), e.path(), r).isEqualTo(403);
                }
            }
        }
    }

    private static io.restassured.response.Response call(Endpoint e, String key) {
        var spec = given().contentType(ContentType.JSON).redirects().follow(false);
        if (key != null) {
            spec = spec.header("X-API-Key", key);
        }
        if (!e.method().equals("GET") && !e.method().equals("DELETE")) {
            spec = spec.body("{}");
        }
        // ids that do not exist: authorization is decided before the resource is looked up
        String path = e.path().replaceAll("\\{[^}]+}", "987654321");
        return spec.request(e.method(), path);
    }

    static List<Endpoint> endpoints() {
        List<Endpoint> out = new ArrayList<>();
        for (Class<?> c : RESOURCES) {
            String base = c.getAnnotation(Path.class).value();
            Requires classRole = c.getAnnotation(Requires.class);
            for (Method m : c.getDeclaredMethods()) {
                String verb = m.isAnnotationPresent(GET.class) ? "GET" : m.isAnnotationPresent(POST.class) ? "POST"
                        : m.isAnnotationPresent(PUT.class) ? "PUT" : m.isAnnotationPresent(DELETE.class) ? "DELETE" : null;
                if (verb == null) {
                    continue;
                }
                Path sub = m.getAnnotation(Path.class);
                Requires r = m.getAnnotation(Requires.class) != null ? m.getAnnotation(Requires.class) : classRole;
                out.add(new Endpoint(verb, base + (sub == null ? "" : sub.value()), r == null ? null : r.value()));
            }
        }
        return out;
    }
}
