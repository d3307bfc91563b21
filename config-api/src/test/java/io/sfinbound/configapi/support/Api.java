package io.sfinbound.configapi.support;

import static io.restassured.RestAssured.given;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;

/** Test helpers for the REST API. */
public final class Api {

    /** The bootstrap admin key of the test profile. */
    public static final String ADMIN_KEY = "test-admin-key";
    /** The service key of the test profile. */
    public static final String SERVICE_KEY = "test-service-key";

    static {
        io.restassured.RestAssured.enableLoggingOfRequestAndResponseIfValidationFails();
    }

    private Api() {
    }

    /** A request as the bootstrap admin. */
    public static RequestSpecification admin() {
        return as(ADMIN_KEY);
    }

    /** A request with an API key. */
    public static RequestSpecification as(String key) {
        return given().header("X-API-Key", key).contentType(ContentType.JSON);
    }

    /** A request with the service key. */
    public static RequestSpecification service() {
        return given().header("X-Service-Key", SERVICE_KEY).contentType(ContentType.JSON);
    }

    /** Issues a key of a role and returns it. */
    public static String issueKey(String role) {
        return admin().body(Map.of("name", "test-" + role + "-" + System.nanoTime(), "role", role))
                .post("/api/keys").then().statusCode(201).extract().path("key");
    }

    /** A username-password connection body against a token endpoint. */
    public static Map<String, Object> passwordConnection(String loginUrl) {
        Map<String, Object> c = new HashMap<>();
        c.put("name", "fake org");
        c.put("loginUrl", loginUrl);
        c.put("authFlow", "USERNAME_PASSWORD");
        c.put("consumerKey", FakeTokenEndpoint.CLIENT_ID);
        c.put("consumerSecret", FakeTokenEndpoint.CLIENT_SECRET);
        c.put("username", FakeTokenEndpoint.USERNAME);
        c.put("password", FakeTokenEndpoint.PASSWORD);
        c.put("securityToken", FakeTokenEndpoint.SECURITY_TOKEN);
        return c;
    }

    /** Creates a connection and returns its id. */
    public static long createConnection(Map<String, Object> body) {
        return admin().body(body).post("/api/connections").then().statusCode(201).extract().jsonPath().getLong("id");
    }

    /** Creates a project and returns its id. */
    public static long createProject(String name) {
        return admin().body(Map.of("name", name, "description", "test project")).post("/api/projects")
                .then().statusCode(201).extract().jsonPath().getLong("id");
    }

    /** A minimal live chat job body. */
    public static Map<String, Object> job(long projectId, long connectionId, String name) {
        Map<String, Object> j = new HashMap<>();
        j.put("projectId", projectId);
        j.put("connectionId", connectionId);
        j.put("name", name);
        j.put("dataType", "LIVE_CHAT");
        j.put("apiVersion", "62.0");
        j.put("soql", "SELECT Id, Body, Status, LastModifiedDate FROM LiveChatTranscript");
        j.put("dateField", "LastModifiedDate");
        j.put("duplicateMode", "REPLACE");
        j.put("schedule", Map.of("type", "MANUAL"));
        j.put("fieldMappings", List.of(Map.of("sourceField", "Status", "targetAttribute", "status", "dataType", "TEXT")));
        return j;
    }

    /** Creates a job and returns its id. */
    public static long createJob(Map<String, Object> body) {
        return admin().body(body).post("/api/jobs").then().statusCode(201).extract().jsonPath().getLong("id");
    }
}
