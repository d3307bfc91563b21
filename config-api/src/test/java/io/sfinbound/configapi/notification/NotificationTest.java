package io.sfinbound.configapi.notification;

import static io.sfinbound.configapi.support.KafkaTopics.event;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

import jakarta.inject.Inject;
import jakarta.mail.internet.MimeMessage;

import com.sun.net.httpserver.HttpServer;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.sfinbound.configapi.support.Api;
import io.sfinbound.configapi.support.FakeTokenEndpoint;
import io.sfinbound.configapi.support.GreenMailTestResource;
import io.sfinbound.testing.KafkaTestResource;
import io.sfinbound.testing.PostgresTestResource;
import io.sfinbound.testing.SimulatorTestResource;
import io.sfinbound.common.record.RunEventType;
import io.sfinbound.common.record.Stage;
import io.sfinbound.configapi.support.KafkaTopics;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Notifications over real transports: e-mail to the GreenMail SMTP server in this JVM, and webhooks to a JDK HTTP
 * server that checks the HMAC-SHA256 signature and fails its first call (to exercise the retry).
 */
@QuarkusTest
@WithTestResource(value = KafkaTestResource.class)
@WithTestResource(value = PostgresTestResource.class, initArgs = @ResourceArg(name = "database", value = "sfinbound_config_test"))
@WithTestResource(value = GreenMailTestResource.class)
@WithTestResource(value = SimulatorTestResource.class)
class NotificationTest {

    record Hook(String event, String signature, String body) {
    }

    @Inject
    NotificationService notifications;

    HttpServer hookServer;
    final List<Hook> hooks = new CopyOnWriteArrayList<>();
    final AtomicInteger hookCalls = new AtomicInteger();

    @BeforeEach
    void startHook() throws IOException {
        hookServer = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        hookServer.createContext("/hook", ex -> {
            byte[] body = ex.getRequestBody().readAllBytes();
            int n = hookCalls.incrementAndGet();
            int status = n == 1 ? 503 : 204; // the first delivery fails; the retry succeeds
            if (status == 204) {
                hooks.add(new Hook(ex.getRequestHeaders().getFirst(WebhookClient.EVENT_HEADER),
                        ex.getRequestHeaders().getFirst(WebhookClient.SIGNATURE_HEADER), new String(body, StandardCharsets.UTF_8)));
            }
            ex.sendResponseHeaders(status, -1);
            ex.close();
        });
        hookServer.start();
    }

    @AfterEach
    void stopHook() {
        hookServer.stop(0);
    }

    @Test
    void shouldMailAndCallWebhookWhenRunFails() throws Exception {
        GreenMailTestResource.greenMail().purgeEmailFromAllMailboxes();
        long connectionId = Api.createConnection(Api.passwordConnection("https://acme.my.salesforce.com"));
        long projectId = Api.createProject("notified");
        Map<String, Object> body = Api.job(projectId, connectionId, "watched job");
        body.put("notifications", Map.of("emails", List.of("watcher@acme.example"),
                "webhooks", List.of("http://127.0.0.1:" + hookServer.getAddress().getPort() + "/hook")));
        long jobId = Api.createJob(body);
        String runId = Api.admin().post("/api/jobs/" + jobId + "/runs").then().statusCode(202).extract().path("id");
        KafkaTopics.publish(event(runId, jobId, Stage.EXTRACTOR, RunEventType.FAILED, 1, Map.of(), null, "INVALID_FIELD: No such column"));

        await().atMost(Duration.ofSeconds(30)).until(() -> GreenMailTestResource.greenMail().getReceivedMessages().length >= 1);
        MimeMessage mail = GreenMailTestResource.greenMail().getReceivedMessages()[0];
        assertThat(mail.getAllRecipients()[0].toString()).isEqualTo("watcher@acme.example");
        assertThat(mail.getSubject()).contains("watched job").contains("failed");
        assertThat((String) mail.getContent()).contains(runId).contains("INVALID_FIELD");

        await().atMost(Duration.ofSeconds(30)).until(() -> hooks.size() == 1);
        Hook hook = hooks.get(0);
        assertThat(hookCalls.get()).isEqualTo(2);
        assertThat(hook.event()).isEqualTo("RUN_FAILED");
        assertThat(hook.body()).contains(runId).contains("\"jobName\":\"watched job\"");
        assertThat(hook.signature()).isEqualTo("sha256=" + WebhookClient.sign("test-webhook-secret", hook.body().getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    void shouldNotifyCredentialExpiryOncePerExpirationDate() throws Exception {
        GreenMailTestResource.greenMail().purgeEmailFromAllMailboxes();
        LocalDate today = LocalDate.now(ZoneOffset.UTC);
        Map<String, Object> c = Api.passwordConnection("https://acme.my.salesforce.com");
        c.put("name", "expiring org");
        c.put("expirationDate", today.plusDays(3).toString());
        c.put("sendExpiryNotifications", true);
        c.put("daysBeforeExpiry", 5);
        long connectionId = Api.createConnection(c);
        Map<String, Object> later = new HashMap<>(c);
        later.put("name", "later org");
        later.put("expirationDate", today.plusDays(30).toString());
        long laterId = Api.createConnection(later);
        long projectId = Api.createProject("expiry");
        Map<String, Object> job = Api.job(projectId, connectionId, "uses expiring org");
        job.put("notifications", Map.of("emails", List.of("owner@acme.example")));
        Api.createJob(job);

        assertThat(notifications.checkExpiry(today)).contains(connectionId).doesNotContain(laterId);
        assertThat(notifications.checkExpiry(today)).doesNotContain(connectionId);
        await().atMost(Duration.ofSeconds(30)).until(() -> GreenMailTestResource.greenMail().getReceivedMessages().length >= 1);
        MimeMessage mail = GreenMailTestResource.greenMail().getReceivedMessages()[0];
        assertThat(mail.getSubject()).contains("expiring org").contains(today.plusDays(3).toString());
        assertThat(mail.getAllRecipients()[0].toString()).isEqualTo("owner@acme.example");
    }

    @Test
    void shouldNotifyInvalidCredentials() throws Exception {
        GreenMailTestResource.greenMail().purgeEmailFromAllMailboxes();
        try (FakeTokenEndpoint salesforce = new FakeTokenEndpoint()) {
            long connectionId = Api.createConnection(Api.passwordConnection(salesforce.url()));
            long projectId = Api.createProject("invalid creds");
            Map<String, Object> job = Api.job(projectId, connectionId, "uses revoked org");
            job.put("notifications", Map.of("emails", List.of("ops@acme.example")));
            Api.createJob(job);
            salesforce.revoke(true);
            Api.service().body(Map.of()).post("/internal/connections/" + connectionId + "/token").then().statusCode(409);
            await().atMost(Duration.ofSeconds(30)).until(() -> GreenMailTestResource.greenMail().getReceivedMessages().length >= 1);
            assertThat(GreenMailTestResource.greenMail().getReceivedMessages()[0].getSubject()).contains("refused the credentials");
        }
    }
}
