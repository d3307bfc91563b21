package io.sfinbound.stack.demo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.sfinbound.stack.demo.FakeService.Reply;

/**
 * The demo driver's protocol with config-api and the loader as docs/architecture.md states it, and its messages when
 * a service answers otherwise. Plain JUnit with scripted HTTP servers: the point is the driver's handling of every
 * answer, including wrong ones the real services should never give; the real services are driven by
 * {@code bin/sfinbound up} and by the end-to-end tests.
 */
class DemoDriverTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    private FakeService configApi;
    private FakeService loader;

    @BeforeEach
    void start() throws Exception {
        configApi = new FakeService();
        loader = new FakeService();
    }

    @AfterEach
    void stop() {
        configApi.close();
        loader.close();
    }

    private DemoDriver driver() {
        return new DemoDriver(new ApiClient("config-api", configApi.url(), "admin-key", "logs/config-api.log"),
                new ApiClient("loader", loader.url(), "admin-key", "logs/loader.log"),
                new DemoSettings("http://127.0.0.1:8085", dir.resolve("demo.json"), Duration.ofSeconds(10), Duration.ofMillis(20)));
    }

    private void scriptHappyPipeline() {
        configApi.on("POST /api/connections", Reply.json(201, "{\"id\": 11, \"name\": \"Salesforce simulator (demo)\"}"))
                .on("POST /api/projects", Reply.json(201, "{\"id\": 22, \"name\": \"sfinbound demo\"}"))
                .on("POST /api/jobs", Reply.json(201, "{\"id\": 33, \"version\": 1, \"projectId\": 22}"))
                .on("GET /api/jobs/33", Reply.json(200, "{\"id\": 33, \"version\": 1, \"projectId\": 22}"))
                .on("POST /api/jobs/33/runs", Reply.json(202, "{\"id\": \"run-1\", \"status\": \"QUEUED\"}"));
        AtomicInteger polls = new AtomicInteger();
        configApi.on("GET /api/runs/run-1", r -> polls.incrementAndGet() < 3
                ? Reply.json(200, "{\"id\": \"run-1\", \"status\": \"RUNNING\", \"counters\": {\"extracted\": 5}}")
                : Reply.json(200, "{\"id\": \"run-1\", \"jobId\": 33, \"status\": \"COMPLETED\", \"counters\": {\"extracted\": 5, \"loaded\": 5, \"accounted\": 5}}"));
        loader.on("GET /api/projects/22/documents?runId=run-1&size=3",
                Reply.json(200, "{\"items\": [{\"naturalId\": \"chat-1\"}, {\"naturalId\": \"chat-2\"}], \"page\": 0, \"size\": 3, \"total\": 5}"))
                .on("GET /api/projects/22/documents?size=1", Reply.json(200, "{\"items\": [{\"naturalId\": \"chat-1\"}], \"total\": 5}"));
    }

    @Test
    void createsConnectionProjectAndJobRunsItAndReadsTheLoadedDocuments() throws Exception {
        scriptHappyPipeline();

        DemoDriver.Outcome o = driver().run();

        assertThat(o.succeeded()).isTrue();
        assertThat(o.reused()).isFalse();
        assertThat(o.documentsOfRun()).isEqualTo(5);
        assertThat(o.documentsOfProject()).isEqualTo(5);
        assertThat(o.sample()).extracting(d -> d.path("naturalId").asText()).containsExactly("chat-1", "chat-2");
        assertThat(DemoDriver.counters(o.run().path("counters"))).isEqualTo("extracted=5 loaded=5 accounted=5");

        JsonNode connection = JSON.readTree(configApi.requests("POST", "/api/connections").get(0).body());
        assertThat(connection.path("authFlow").asText()).isEqualTo("USERNAME_PASSWORD");
        assertThat(connection.path("loginUrl").asText()).isEqualTo("http://127.0.0.1:8085");
        assertThat(connection.path("consumerKey").asText()).isEqualTo("sfinbound-demo-key");
        assertThat(connection.path("securityToken").asText()).isEqualTo("DEMOTOKEN");
        JsonNode job = JSON.readTree(configApi.requests("POST", "/api/jobs").get(0).body());
        assertThat(job.path("projectId").asLong()).isEqualTo(22);
        assertThat(job.path("connectionId").asLong()).isEqualTo(11);
        assertThat(job.path("dataType").asText()).isEqualTo("LIVE_CHAT");
        assertThat(job.path("dateField").asText()).isEqualTo("LastModifiedDate");
        assertThat(job.path("apiVersion").asText()).isEqualTo("62.0");
        assertThat(job.path("soql").asText()).startsWith("SELECT Id, Body").endsWith("FROM LiveChatTranscript");
        assertThat(configApi.requests).allSatisfy(r -> assertThat(r.apiKey()).isEqualTo("admin-key"));
        assertThat(loader.requests).allSatisfy(r -> assertThat(r.apiKey()).isEqualTo("admin-key"));
        assertThat(JSON.readTree(Files.readString(dir.resolve("demo.json"))).path("jobId").asText()).isEqualTo("33");
    }

    @Test
    void aSecondDemoReusesTheJobOfTheFirstAndOnlyRunsIt() throws Exception {
        scriptHappyPipeline();
        driver().run();

        DemoDriver.Outcome second = driver().run();

        assertThat(second.reused()).isTrue();
        assertThat(second.jobId()).isEqualTo("33");
        assertThat(configApi.requests("POST", "/api/jobs/33/runs")).hasSize(2);
        assertThat(configApi.requests("POST", "/api/connections")).hasSize(1);
        assertThat(configApi.requests("POST", "/api/projects")).hasSize(1);
    }

    @Test
    void startsOverWhenTheRememberedJobIsGone() throws Exception {
        scriptHappyPipeline();
        Files.writeString(dir.resolve("demo.json"), "{\"connectionId\": \"1\", \"projectId\": \"2\", \"jobId\": \"3\"}");

        DemoDriver.Outcome o = driver().run();

        assertThat(o.reused()).isFalse();
        assertThat(o.jobId()).isEqualTo("33");
        assertThat(configApi.requests("GET", "/api/jobs/3")).hasSize(1);
    }

    @Test
    void aMissingEndpointNamesTheServiceTheCallTheStatusAndTheLog() {
        assertThatThrownBy(() -> driver().run())
                .isInstanceOf(UnexpectedAnswerException.class)
                .hasMessageContaining("config-api answered POST /api/connections with 404")
                .hasMessageContaining("endpoint is missing")
                .hasMessageContaining("logs/config-api.log");
    }

    @Test
    void aRefusedKeySaysSo() {
        configApi.on("POST /api/connections", Reply.json(401, "{\"status\": 401, \"title\": \"Unauthorized\", \"detail\": \"unknown API key\"}"));

        assertThatThrownBy(() -> driver().run())
                .isInstanceOf(UnexpectedAnswerException.class)
                .hasMessageContaining("with 401")
                .hasMessageContaining("API key was refused")
                .hasMessageContaining("unknown API key");
    }

    @Test
    void aValidationProblemShowsItsDetail() {
        configApi.on("POST /api/connections", Reply.json(201, "{\"id\": 11}"))
                .on("POST /api/projects", Reply.json(201, "{\"id\": 22}"))
                .on("POST /api/jobs", new Reply(400, "application/problem+json",
                        "{\"status\": 400, \"title\": \"Bad Request\", \"detail\": \"soql: unknown field ChatDuration\"}"));

        assertThatThrownBy(() -> driver().run())
                .isInstanceOf(UnexpectedAnswerException.class)
                .hasMessageContaining("POST /api/jobs with 400")
                .hasMessageContaining("soql: unknown field ChatDuration");
    }

    @Test
    void aSuccessWithoutJsonIsReportedWithTheBody() {
        configApi.on("POST /api/connections", new Reply(201, "text/html", "<html>proxy login</html>"));

        assertThatThrownBy(() -> driver().run())
                .isInstanceOf(UnexpectedAnswerException.class)
                .hasMessageContaining("not JSON")
                .hasMessageContaining("<html>proxy login</html>");
    }

    @Test
    void anAnswerWithoutIdIsReported() {
        configApi.on("POST /api/connections", Reply.json(201, "{\"name\": \"x\"}"));

        assertThatThrownBy(() -> driver().run())
                .isInstanceOf(UnexpectedAnswerException.class)
                .hasMessageContaining("POST /api/connections has no \"id\"");
    }

    @Test
    void aFailedRunIsAnOutcomeWithItsMessageAndNoDocumentQuery() throws Exception {
        scriptHappyPipeline();
        configApi.on("GET /api/runs/run-1", Reply.json(200,
                "{\"id\": \"run-1\", \"status\": \"FAILED\", \"message\": \"INVALID_SESSION_ID\", \"counters\": {}}"));

        DemoDriver.Outcome o = driver().run();

        assertThat(o.succeeded()).isFalse();
        assertThat(o.status()).isEqualTo("FAILED");
        assertThat(o.run().path("message").asText()).isEqualTo("INVALID_SESSION_ID");
        assertThat(loader.requests).isEmpty();
    }

    @Test
    void aRunThatNeverEndsTimesOutWithItsLastCounters() {
        scriptHappyPipeline();
        configApi.on("GET /api/runs/run-1", Reply.json(200, "{\"id\": \"run-1\", \"status\": \"RUNNING\", \"counters\": {\"extracted\": 7}}"));
        DemoDriver d = new DemoDriver(new ApiClient("config-api", configApi.url(), "admin-key", "l"),
                new ApiClient("loader", loader.url(), "admin-key", "l"),
                new DemoSettings("http://127.0.0.1:8085", null, Duration.ofMillis(300), Duration.ofMillis(20)));

        assertThatThrownBy(d::run)
                .isInstanceOf(DemoDriver.DemoTimeoutException.class)
                .hasMessageContaining("still RUNNING")
                .hasMessageContaining("extracted=7");
    }

    @Test
    void aServiceThatIsDownIsNamed() {
        String url = configApi.url();
        configApi.close();
        DemoDriver d = new DemoDriver(new ApiClient("config-api", url, "k", "logs/config-api.log"),
                new ApiClient("loader", loader.url(), "k", "l"), new DemoSettings("http://x", null, Duration.ofSeconds(1), Duration.ofMillis(20)));

        assertThatThrownBy(d::run)
                .isInstanceOf(UnexpectedAnswerException.class)
                .hasMessageContaining("config-api did not answer POST " + url + "/api/connections")
                .hasMessageContaining("is it running?");
    }

    @Test
    void warnsAboutASecretEchoedBack() throws Exception {
        assertThat(DemoDriver.leakedSecret(JSON.readTree("{\"id\": 1, \"password\": \"demo-password\"}"))).isEqualTo("password");
        assertThat(DemoDriver.leakedSecret(JSON.readTree("{\"id\": 1, \"consumerKey\": \"sfinbound-demo-key\"}"))).isNull();
    }
}
