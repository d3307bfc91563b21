package io.sfinbound.e2e.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.lang.reflect.Field;
import java.net.InetAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.sfinbound.e2e.Stack;
import io.sfinbound.testing.ServiceProcess;
import io.sfinbound.testing.TestPostgres;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * Security checks against the running stack that the services' own tests cannot make: connection URLs (and a token
 * response's instance URL) pointing inside the network are refused, no API response body or header carries a
 * connection secret, and an encryption key rotation re-encrypts the stored secrets so that config-api then works
 * with the old key removed. (config-api's own tests cover the host policy's unit cases, the authorization matrix and
 * the OAuth callback's forged, replayed and cross-browser {@code state}; the walking skeleton scans logs and topics.)
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class SecurityIT {

    static final ObjectMapper JSON = new ObjectMapper();
    static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(10)).build();
    static final List<String> SECRETS = List.of("sfinbound-demo-secret", "demo-passwordDEMOTOKEN", "DEMOTOKEN", "demo-password");
    static final String SOQL = "SELECT Id, Body, Status, LastModifiedDate FROM LiveChatTranscript";

    static Stack stack;
    static String adminKey;
    static String serviceKey;
    static ServiceProcess configApi;
    static ServiceProcess loader;
    static ServiceProcess simulator;

    @BeforeAll
    static void start() throws Exception {
        stack = Stack.get();
        adminKey = (String) field(stack, "adminKey");
        serviceKey = (String) field(stack, "serviceKey");
        configApi = (ServiceProcess) field(stack, "configApi");
        loader = (ServiceProcess) field(stack, "loader");
        simulator = (ServiceProcess) field(stack, "simulator");
    }

    @Test
    @Order(1)
    void connectionUrlsPointingInsideTheNetworkAreRefused() throws Exception {
        int port = simulator.port();
        List<String> urls = new ArrayList<>(List.of(
                "http://127.0.0.2:" + port, "https://127.0.0.1.", "http://localhost:" + port, "https://localhost",
                "http://[::1]:" + port, "https://[::1]", "https://[0:0:0:0:0:0:0:1]", "https://[::ffff:127.0.0.1]",
                "https://10.0.0.1", "https://10.255.255.254", "https://172.16.0.1", "https://172.31.255.1",
                "https://192.168.0.1", "https://192.168.255.255", "https://169.254.169.254", "http://169.254.169.254",
                "https://[fe80::1]", "https://[fe80::1%25eth0]", "https://[fd00::1]", "https://0.0.0.0", "https://100.64.0.1",
                "https://2130706433", "https://0x7f000001", "https://0x7f.0.0.1", "https://0177.0.0.1", "https://017700000001",
                "https://127.1", "https://3232235521", "https://0xa9fea9fe", "https://2852039166",
                "https://metadata.google.internal", "https://login.salesforce.com@169.254.169.254",
                "https://169.254.169.254#.salesforce.com", "https://169.254.169.254/.salesforce.com",
                "https://login.salesforce.com.169.254.169.254.nip.io"));
        String hostname = InetAddress.getLocalHost().getHostName();
        urls.add("https://" + hostname);
        urls.add("http://" + hostname + ":" + port);
        long existing = createConnection(simulator.url());
        List<String> accepted = new ArrayList<>();
        for (String url : urls) {
            HttpResponse<String> created = send("POST", configApi.url() + "/api/connections", adminKey, connection(url));
            if (!refusesLoginUrl(created)) {
                accepted.add("POST " + url + " -> " + created.statusCode() + " " + created.body());
            }
            HttpResponse<String> replaced = send("PUT", configApi.url() + "/api/connections/" + existing, adminKey, connection(url));
            if (!refusesLoginUrl(replaced)) {
                accepted.add("PUT " + url + " -> " + replaced.statusCode() + " " + replaced.body());
            }
        }
        System.out.printf("security: %d internal connection URLs tried (create and replace), %d accepted%n", urls.size(), accepted.size());
        assertThat(accepted).as("internal URLs accepted").isEmpty();
    }

    @Test
    @Order(2)
    void aTokenResponseWhoseInstanceUrlPointsInsideIsRefused() throws Exception {
        // an allowed login host whose token response sends the caller to the cloud metadata address
        try (ServiceProcess evil = ServiceProcess.of("salesforce-sim").name("security-evil-sim")
                .property("sim.instance-url", "http://169.254.169.254").start(Duration.ofSeconds(180))) {
            long id = createConnection(evil.url());
            HttpResponse<String> token = send("POST", configApi.url() + "/internal/connections/" + id + "/token", null,
                    Map.of("forceRefresh", true), Map.of("X-Service-Key", serviceKey));
            System.out.printf("security: token with an internal instance URL -> %d %s%n", token.statusCode(), token.body());
            // refused before any call to it: a 4xx, or 502 as config-api reports Salesforce's answer as unusable
            assertThat(token.statusCode()).as(token.body()).isNotEqualTo(200).isBetween(400, 502);
            assertThat(token.headers().firstValue("Content-Type").orElse("")).startsWith("application/problem+json");
            assertThat(token.body()).doesNotContain("accessToken").contains("169.254.169.254").contains("not an allowed");
            HttpResponse<String> test = send("POST", configApi.url() + "/api/connections/" + id + "/test", adminKey, Map.of());
            assertThat(test.body()).as("connection test").doesNotContain("\"ok\":true");
        }
    }

    @Test
    @Order(3)
    void noApiResponseBodyOrHeaderCarriesASecret() throws Exception {
        long connectionId = createConnection(simulator.url());
        long projectId = ok(send("POST", configApi.url() + "/api/projects", adminKey, Map.of("name", "security scan"))).get("id").asLong();
        long jobId = ok(send("POST", configApi.url() + "/api/jobs", adminKey, job(projectId, connectionId))).get("id").asLong();
        String runId = runToCompletion(jobId);
        Map<String, String> ids = Map.of("id", "", "connectionId", Long.toString(connectionId), "projectId", Long.toString(projectId),
                "jobId", Long.toString(jobId), "runId", runId);
        List<HttpResponse<String>> responses = new ArrayList<>();
        responses.add(send("POST", configApi.url() + "/api/connections/" + connectionId + "/test", adminKey, Map.of()));
        responses.add(send("PUT", configApi.url() + "/api/connections/" + connectionId, adminKey, connection(simulator.url())));
        for (ServiceProcess service : List.of(configApi, loader)) {
            JsonNode openapi = JSON.readTree(send("GET", service.url() + "/q/openapi?format=json", null, null).body());
            for (Iterator<Map.Entry<String, JsonNode>> it = openapi.path("paths").fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> p = it.next();
                if (!p.getValue().has("get")) {
                    continue;
                }
                String path = p.getKey();
                for (Map.Entry<String, String> e : ids.entrySet()) {
                    String value = e.getKey().equals("id") ? idFor(path, connectionId, projectId, jobId, runId) : e.getValue();
                    path = path.replace("{" + e.getKey() + "}", value);
                }
                if (path.contains("{")) {
                    path = path.replaceAll("\\{[^}]+}", "1");
                }
                responses.add(send("GET", service.url() + path, adminKey, null));
            }
        }
        responses.add(send("GET", configApi.url() + "/internal/jobs/" + jobId + "/versions/1", null, null, Map.of("X-Service-Key", serviceKey)));
        int scanned = 0;
        for (HttpResponse<String> r : responses) {
            scanned++;
            String all = r.body() + " " + r.headers().map();
            for (String secret : SECRETS) {
                assertThat(all).as("response of %s (%d)", r.uri(), r.statusCode()).doesNotContain(secret);
            }
        }
        long ok = responses.stream().filter(r -> r.statusCode() == 200).count();
        System.out.printf("security: %d API responses scanned for secrets (%d with 200)%n", scanned, ok);
        assertThat(ok).isGreaterThan(10);
    }

    @Test
    @Order(4)
    void keyRotationReencryptsSecretsAndTheOldKeyCanThenBeRemoved() throws Exception {
        long connectionId = createConnection(simulator.url());
        long projectId = ok(send("POST", configApi.url() + "/api/projects", adminKey, Map.of("name", "key rotation"))).get("id").asLong();
        long jobId = ok(send("POST", configApi.url() + "/api/jobs", adminKey, job(projectId, connectionId))).get("id").asLong();
        String oldKeys = (String) field(stack, "encryptionKey");
        String newKey = "k2rot:" + Base64.getEncoder().encodeToString(random(32));
        restartConfigApi(newKey + "," + oldKeys);
        JsonNode rotation = ok(send("POST", configApi.url() + "/api/admin/encryption/rotate", adminKey, Map.of()));
        System.out.printf("security: rotation %s%n", rotation);
        try (Connection db = DriverManager.getConnection(TestPostgres.jdbcUrl("sfinbound_e2e_config"), TestPostgres.user(), TestPostgres.password());
                Statement s = db.createStatement();
                ResultSet rs = s.executeQuery("SELECT id, secrets_enc FROM connection WHERE secrets_enc IS NOT NULL")) {
            int rows = 0;
            while (rs.next()) {
                rows++;
                assertThat(rs.getString(2)).as("secrets of connection %d", rs.getLong(1)).startsWith("v1:k2rot:");
            }
            assertThat(rows).isPositive();
        }
        // only the new key: the stored secrets still decrypt, tokens come, runs complete
        restartConfigApi(newKey);
        HttpResponse<String> token = send("POST", configApi.url() + "/internal/connections/" + connectionId + "/token", null,
                Map.of("forceRefresh", true), Map.of("X-Service-Key", serviceKey));
        assertThat(token.statusCode()).as(token.body()).isEqualTo(200);
        runToCompletion(jobId);
        String log = java.nio.file.Files.readString(configApi.log());
        assertThat(log).doesNotContain(newKey.substring(newKey.indexOf(':') + 1)).doesNotContain(oldKeys.substring(oldKeys.indexOf(':') + 1));
    }

    // ---- helpers

    /** Restarts the shared config-api with other encryption keys (the environment of its process is changed). */
    @SuppressWarnings("unchecked")
    private static void restartConfigApi(String keys) throws Exception {
        Field env = ServiceProcess.class.getDeclaredField("environment");
        env.setAccessible(true);
        ((Map<String, String>) env.get(configApi)).put("SFINBOUND_ENCRYPTION_KEYS", keys);
        configApi.restart(Duration.ofSeconds(180));
    }

    private static String idFor(String path, long connectionId, long projectId, long jobId, String runId) {
        if (path.startsWith("/api/connections")) {
            return Long.toString(connectionId);
        }
        if (path.startsWith("/api/projects")) {
            return Long.toString(projectId);
        }
        if (path.startsWith("/api/jobs")) {
            return Long.toString(jobId);
        }
        return runId;
    }

    private static boolean refusesLoginUrl(HttpResponse<String> r) throws Exception {
        if (r.statusCode() < 400 || r.statusCode() >= 500
                || !r.headers().firstValue("Content-Type").orElse("").startsWith("application/problem+json")) {
            return false;
        }
        for (JsonNode e : JSON.readTree(r.body()).path("errors")) {
            if (e.path("field").asText().equals("loginUrl")) {
                return true;
            }
        }
        return false;
    }

    private static String runToCompletion(long jobId) throws Exception {
        String runId = ok(send("POST", configApi.url() + "/api/jobs/" + jobId + "/runs", adminKey, Map.of())).get("id").asText();
        JsonNode[] run = new JsonNode[1];
        await().atMost(Duration.ofMinutes(3)).pollInterval(Duration.ofMillis(500)).ignoreExceptions().untilAsserted(() -> {
            run[0] = ok(send("GET", configApi.url() + "/api/runs/" + runId, adminKey, null));
            assertThat(run[0].get("status").asText()).isIn("COMPLETED", "COMPLETED_WITH_WARNINGS", "FAILED", "CANCELLED", "DEFERRED");
        });
        assertThat(run[0].get("status").asText()).as("run %s", run[0]).isEqualTo("COMPLETED");
        return runId;
    }

    private static long createConnection(String loginUrl) throws Exception {
        HttpResponse<String> r = send("POST", configApi.url() + "/api/connections", adminKey, connection(loginUrl));
        for (String secret : SECRETS) {
            assertThat(r.body() + r.headers().map()).doesNotContain(secret);
        }
        return ok(r).get("id").asLong();
    }

    private static Map<String, Object> connection(String loginUrl) {
        Map<String, Object> c = new LinkedHashMap<>();
        c.put("name", "security " + loginUrl.length());
        c.put("loginUrl", loginUrl);
        c.put("authFlow", "USERNAME_PASSWORD");
        c.put("consumerKey", "sfinbound-demo-key");
        c.put("consumerSecret", "sfinbound-demo-secret");
        c.put("username", "demo@sfinbound.example");
        c.put("password", "demo-password");
        c.put("securityToken", "DEMOTOKEN");
        return c;
    }

    private static Map<String, Object> job(long projectId, long connectionId) {
        Map<String, Object> j = new LinkedHashMap<>();
        j.put("projectId", projectId);
        j.put("connectionId", connectionId);
        j.put("name", "security job");
        j.put("dataType", "LIVE_CHAT");
        j.put("apiVersion", "62.0");
        j.put("soql", SOQL);
        j.put("dateField", "LastModifiedDate");
        j.put("duplicateMode", "REPLACE");
        j.put("schedule", Map.of("type", "MANUAL"));
        return j;
    }

    private static JsonNode ok(HttpResponse<String> r) throws Exception {
        assertThat(r.statusCode()).as("%s: %s", r.uri(), r.body()).isBetween(200, 299);
        return JSON.readTree(r.body());
    }

    private static HttpResponse<String> send(String method, String url, String apiKey, Object body) throws Exception {
        return send(method, url, apiKey, body, Map.of());
    }

    private static HttpResponse<String> send(String method, String url, String apiKey, Object body, Map<String, String> headers) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(60));
        if (apiKey != null) {
            b.header("X-API-Key", apiKey);
        }
        headers.forEach(b::header);
        if (body != null) {
            b.header("Content-Type", "application/json").method(method, HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body)));
        } else {
            b.method(method, HttpRequest.BodyPublishers.noBody());
        }
        return HTTP.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static byte[] random(int n) {
        byte[] b = new byte[n];
        new SecureRandom().nextBytes(b);
        return b;
    }

    /** {@link Stack} keeps its keys and processes package-private to {@code io.sfinbound.e2e}; this package reads them. */
    private static Object field(Object target, String name) throws ReflectiveOperationException {
        Field f = Stack.class.getDeclaredField(name);
        f.setAccessible(true);
        return f.get(target);
    }
}
