package io.sfinbound.extractor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import jakarta.inject.Inject;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.node.ObjectNode;

import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.sfinbound.common.job.DataType;
import io.sfinbound.common.job.ExtractionApi;
import io.sfinbound.common.job.JobConfig;
import io.sfinbound.common.job.LookBack;
import io.sfinbound.common.record.RunEvent;
import io.sfinbound.common.record.RunEventType;
import io.sfinbound.common.record.RunRequest;
import io.sfinbound.extractor.quota.QuotaGovernor;
import io.sfinbound.extractor.salesforce.ApiUsage;
import io.sfinbound.extractor.support.ConfigApiStub;
import io.sfinbound.extractor.support.Jobs;
import io.sfinbound.extractor.support.KafkaTopics;
import io.sfinbound.extractor.support.Runs;
import io.sfinbound.extractor.support.SimulatorApi;
import io.sfinbound.extractor.support.TopicsTestResource;
import io.sfinbound.testing.KafkaTestResource;
import io.sfinbound.testing.SimulatorTestResource;

/**
 * Faults injected into the simulator in the middle of a run (its {@code /admin} API): every run still ends with
 * exactly the source records in Kafka (or fails, defers, is cancelled with the reason when it must).
 */
@QuarkusTest
@WithTestResource(KafkaTestResource.class)
@WithTestResource(value = SimulatorTestResource.class, initArgs = {
        @ResourceArg(name = "sim.data.LiveChatTranscript.count", value = "1100"),
        @ResourceArg(name = "sim.data.Feedback__c.count", value = "5200"),
        @ResourceArg(name = "sim.data.Feedback__c.same-timestamp", value = "5000") })
@WithTestResource(ConfigApiStub.class)
@WithTestResource(TopicsTestResource.class)
class FaultInjectionTest {

    static final String SOQL = RestExtractionTest.CHAT_SOQL;

    @Inject
    QuotaGovernor quota;

    @AfterEach
    void clearFaults() {
        SimulatorApi.adminDelete("/admin/faults");
    }

    static void fail(int count, Integer status, String errorCode, String path) {
        Map<String, Object> body = new java.util.HashMap<>();
        body.put("count", count);
        body.put("status", status);
        body.put("errorCode", errorCode);
        body.put("path", path);
        SimulatorApi.admin("/admin/faults/fail", body);
    }

    /** Runs the chat job and checks that Kafka holds exactly the source records, each once. */
    static RunEvent runAndExpectExactlyTheSource(JobConfig job) {
        return runAndExpectExactlyTheSource(job, () -> { });
    }

    /** The same, with faults injected once the source snapshot was taken. */
    static RunEvent runAndExpectExactlyTheSource(JobConfig job, Runnable inject) {
        Map<String, ObjectNode> source = Runs.byId(SimulatorApi.query(SOQL, false));
        inject.run();
        RunRequest request = Jobs.start(job, null);
        RunEvent done = Runs.run(request, Duration.ofSeconds(90));
        assertThat(done.type()).as("%s", done).isEqualTo(RunEventType.EXTRACTION_COMPLETED);
        assertThat(done.counters()).containsEntry("extracted", (long) source.size());
        assertThat(KafkaTopics.records(request.runId())).as("each record once").hasSize(source.size());
        assertThat(Runs.recordsById(request.runId())).isEqualTo(source);
        return done;
    }

    static JobConfig chatJob() {
        return Jobs.register(DataType.LIVE_CHAT, SOQL, "LastModifiedDate", ExtractionApi.REST, null, null, false);
    }

    @Test
    void unauthorizedInTheMiddleOfPagingRefreshesTheTokenOnce() {
        int refreshes = ConfigApiStub.forcedRefreshes();
        runAndExpectExactlyTheSource(chatJob(), () -> fail(1, 401, "INVALID_SESSION_ID", "/query/.+"));
        assertThat(ConfigApiStub.forcedRefreshes()).isEqualTo(refreshes + 1);
    }

    @Test
    void expiredSessionsAreRefreshedAndTheRunGoesOn() {
        runAndExpectExactlyTheSource(chatJob(), () -> SimulatorApi.admin("/admin/sessions/expire", null));
    }

    @Test
    void serviceUnavailableBurstsAreRetriedWithBackoff() {
        RunEvent done = runAndExpectExactlyTheSource(chatJob(), () -> fail(4, 503, "SERVER_UNAVAILABLE", "/query"));
        assertThat(done.counters().get("apiCalls")).isGreaterThanOrEqualTo(done.counters().get("pages") + 4);
    }

    @Test
    void expiredLocatorIsReQueriedFromTheLastKeysetPosition() {
        runAndExpectExactlyTheSource(chatJob(), () -> fail(2, 400, "INVALID_QUERY_LOCATOR", "/query/.+"));
    }

    @Test
    void queryTimeoutSplitsTheWindowInHalves() {
        runAndExpectExactlyTheSource(chatJob(), () -> fail(3, 400, "QUERY_TIMEOUT", "/query$"));
    }

    @Test
    void connectionResetInTheMiddleOfAPageIsRetried() {
        runAndExpectExactlyTheSource(chatJob(),
                () -> SimulatorApi.admin("/admin/faults/reset-connection", Map.of("count", 2, "afterBytes", 20000, "path", "/query")));
    }

    @Test
    void invalidFieldFailsAtOnceWithTheReason() {
        JobConfig job = Jobs.register(DataType.LIVE_CHAT, "SELECT Id, NoSuchField__c, LastModifiedDate FROM LiveChatTranscript",
                "LastModifiedDate", ExtractionApi.REST, null, null, false);
        RunEvent done = Runs.run(Jobs.start(job, null), Duration.ofSeconds(60));
        assertThat(done.type()).isEqualTo(RunEventType.FAILED);
        assertThat(done.message()).contains("INVALID_FIELD").contains("NoSuchField__c");
        assertThat(done.watermark()).isNull();
        assertThat(done.counters().get("apiCalls")).as("no retry of a permanent error").isLessThanOrEqualTo(2L);
    }

    @Test
    void malformedSoqlFailsBeforeAnyCall() {
        JobConfig job = Jobs.register(DataType.LIVE_CHAT, "SELECT Id, LastModifiedDate FORM LiveChatTranscript",
                "LastModifiedDate", ExtractionApi.REST, null, null, false);
        RunEvent done = Runs.run(Jobs.start(job, null), Duration.ofSeconds(60));
        assertThat(done.type()).isEqualTo(RunEventType.FAILED);
        assertThat(done.message()).contains("unexpected token").contains("FORM");
    }

    @Test
    void revokedCredentialsFailTheRunWithTheReason() {
        JobConfig job = Jobs.register(DataType.LIVE_CHAT, SOQL, "LastModifiedDate", ExtractionApi.REST, null, null, false);
        JobConfig revoked = new JobConfig(job.jobId(), job.version(), job.projectId(), 4242, job.name(), job.dataType(), null,
                job.apiVersion(), job.soql(), job.dateField(), false, job.api(), null, null, job.lookBack(), null, null, List.of(), null, null);
        ConfigApiStub.putJob(revoked);
        ConfigApiStub.revoke(4242, true);
        RunRequest r = Jobs.start(revoked, null);
        RunRequest onRevoked = new RunRequest(r.runId(), r.jobId(), r.jobVersion(), r.projectId(), 4242, r.action(), r.trigger(), null,
                r.requestedAt());
        RunEvent done = Runs.run(onRevoked, Duration.ofSeconds(60));
        assertThat(done.type()).isEqualTo(RunEventType.FAILED);
        assertThat(done.message()).contains("revoked");
    }

    @Test
    void quotaGovernorDefersTheRunAtTheConfiguredShareAndOnRequestLimitExceeded() {
        String org = ConfigApiStubOrg.orgId();
        try {
            SimulatorApi.admin("/admin/limits", Map.of("org", "demo", "used", 95_000, "max", 100_000));
            RunEvent deferred = Runs.run(Jobs.start(chatJob(), null), Duration.ofSeconds(60));
            assertThat(deferred.type()).isEqualTo(RunEventType.DEFERRED);
            assertThat(deferred.message()).contains("quota");
            assertThat(deferred.counters()).containsKey("quotaRemaining");
            assertThat(deferred.counters().get("quotaRemaining")).isLessThanOrEqualTo(5_000L);

            SimulatorApi.admin("/admin/limits", Map.of("org", "demo", "used", 100_000, "max", 100_000));
            quota.record(org, new ApiUsage(0, 100_000));
            RunEvent limited = Runs.run(Jobs.start(chatJob(), null), Duration.ofSeconds(60));
            assertThat(limited.type()).isEqualTo(RunEventType.DEFERRED);
            assertThat(limited.message()).contains("REQUEST_LIMIT_EXCEEDED");
        } finally {
            SimulatorApi.admin("/admin/limits", Map.of("org", "demo", "used", 0, "max", 100_000));
            quota.record(org, new ApiUsage(0, 100_000));
        }
        runAndExpectExactlyTheSource(chatJob());
    }

    @Test
    void cancelStopsARunningRunPromptly() {
        SimulatorApi.admin("/admin/faults/latency", Map.of("millis", 1500, "path", "/query"));
        RunRequest request = Jobs.start(chatJob(), null);
        KafkaTopics.send(request);
        await().atMost(Duration.ofSeconds(60)).until(() -> !KafkaTopics.records(request.runId()).isEmpty());
        long cancelledAt = System.nanoTime();
        KafkaTopics.send(Jobs.cancel(request));
        RunEvent end = Runs.awaitFinal(request.runId(), Duration.ofSeconds(30));
        assertThat(Duration.ofNanos(System.nanoTime() - cancelledAt)).isLessThan(Duration.ofSeconds(10));
        assertThat(end.type()).isEqualTo(RunEventType.CANCELLED);
        assertThat(end.counters().get("extracted")).isLessThan(1100L);
        assertThat(KafkaTopics.events(request.runId())).extracting(RunEvent::type).doesNotContain(RunEventType.EXTRACTION_COMPLETED);
        await().atMost(Duration.ofSeconds(30)).until(KafkaTopics::allRequestsCommitted);
    }

    @Test
    void lookBackIsTheOnlyOverlapAndIsCounted() {
        JobConfig job = Jobs.register(DataType.LIVE_CHAT, SOQL, "LastModifiedDate", ExtractionApi.REST, 600, new LookBack(2, LookBack.Unit.HOURS), false);
        RunEvent first = Runs.run(Jobs.start(job, null), Duration.ofSeconds(60));
        RunEvent second = Runs.run(Jobs.start(job, first.watermark()), Duration.ofSeconds(60));
        Map<String, ObjectNode> a = Runs.recordsById(first.runId());
        Map<String, ObjectNode> b = Runs.recordsById(second.runId());
        long overlap = b.keySet().stream().filter(a::containsKey).count();
        assertThat(overlap).as("records of the two hours before the watermark are read again").isPositive();
        assertThat(second.counters().get("extracted")).isEqualTo(b.size());
        Map<String, ObjectNode> union = new java.util.HashMap<>(a);
        union.putAll(b);
        assertThat(union).hasSize(600 + b.size() - (int) overlap);
    }

    /** The org id of the simulator's demo org, as config-api reports it. */
    static final class ConfigApiStubOrg {
        static String orgId() {
            try {
                return ConfigApiStub.simulatorToken().path("orgId").asText();
            } catch (java.io.IOException e) {
                throw new IllegalStateException(e);
            }
        }
    }
}
