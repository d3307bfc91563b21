package io.sfinbound.extractor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.sfinbound.common.job.DataType;
import io.sfinbound.common.job.ExtractionApi;
import io.sfinbound.common.job.JobConfig;
import io.sfinbound.common.kafka.LineageHeaders;
import io.sfinbound.common.record.RunEvent;
import io.sfinbound.common.record.RunEventType;
import io.sfinbound.common.record.RunRequest;
import io.sfinbound.extractor.support.ConfigApiStub;
import io.sfinbound.extractor.support.Jobs;
import io.sfinbound.extractor.support.KafkaTopics;
import io.sfinbound.extractor.support.Runs;
import io.sfinbound.extractor.support.SimulatorApi;
import io.sfinbound.extractor.support.TopicsTestResource;
import io.sfinbound.testing.KafkaTestResource;
import io.sfinbound.testing.SimulatorTestResource;

/**
 * The Bulk API 2.0 path against the simulator: the same records as over REST, as the very same JSON; failed jobs
 * replaced, then REST as the fallback; AUTO by the window's count; cancel aborts and deletes the job; a reset while
 * downloading a result page resumes without publishing a row twice.
 */
@QuarkusTest
@WithTestResource(KafkaTestResource.class)
@WithTestResource(value = SimulatorTestResource.class, initArgs = {
        @ResourceArg(name = "sim.data.LiveChatTranscript.count", value = "1100"),
        @ResourceArg(name = "sim.data.Feedback__c.count", value = "5200"),
        @ResourceArg(name = "sim.data.Feedback__c.same-timestamp", value = "5000") })
@WithTestResource(ConfigApiStub.class)
@WithTestResource(TopicsTestResource.class)
class BulkExtractionTest {

    static final String CHAT = "SELECT Id, Name, Body, ChatKey, Status, ChatDuration, IsChatbotSession, StartTime, EndTime, "
            + "Owner.Name, Case.CaseNumber, Case.IsClosed, LastModifiedDate FROM LiveChatTranscript";
    static final String FEEDBACK = "SELECT Id, Name, Rating__c, Channel__c, Comment__c, Submitted_At__c, Case__r.Subject, "
            + "LastModifiedDate FROM Feedback__c";

    @AfterEach
    void clearFaults() {
        SimulatorApi.adminDelete("/admin/faults");
        SimulatorApi.admin("/admin/bulk/fail-next", Map.of("count", 0));
        SimulatorApi.admin("/admin/bulk/stall-next", Map.of("count", 0));
    }

    static RunEvent run(JobConfig job) {
        RunEvent done = Runs.run(Jobs.start(job, null), Duration.ofSeconds(120));
        assertThat(done.type()).as("%s", done).isEqualTo(RunEventType.EXTRACTION_COMPLETED);
        return done;
    }

    static List<String> apis(RunEvent e) {
        List<String> apis = new ArrayList<>();
        KafkaTopics.records(e.runId()).forEach(r -> apis.add(KafkaTopics.header(r, LineageHeaders.API)));
        return apis;
    }

    @Test
    void bulkRecordsAreTheSameJsonAsRestRecordsOfTheSameData() {
        for (String soql : List.of(CHAT, FEEDBACK)) {
            Integer limit = soql == FEEDBACK ? 1500 : null;
            RunEvent rest = run(Jobs.register(DataType.FEEDBACK, soql, "LastModifiedDate", ExtractionApi.REST, limit, null, false));
            RunEvent bulk = run(Jobs.register(DataType.FEEDBACK, soql, "LastModifiedDate", ExtractionApi.BULK, limit, null, false));
            Map<String, ObjectNode> fromRest = Runs.recordsById(rest.runId());
            Map<String, ObjectNode> fromBulk = Runs.recordsById(bulk.runId());
            assertThat(fromBulk).hasSize(fromRest.size());
            assertThat(fromBulk).isEqualTo(fromRest);
            fromRest.forEach((id, json) -> assertThat(json.toString()).as(id).isEqualTo(fromBulk.get(id).toString()));
            assertThat(apis(bulk)).containsOnly("BULK");
            assertThat(bulk.counters()).containsEntry("extracted", (long) fromRest.size());
            assertThat(bulk.watermark()).isEqualTo(rest.watermark());
            assertThat(KafkaTopics.records(bulk.runId())).hasSize(fromRest.size());
        }
        Map<String, ObjectNode> chats = Runs.byId(SimulatorApi.query(CHAT, false));
        assertThat(chats.values()).as("the data has empty lookups and filled ones").anyMatch(r -> r.get("Case").isNull())
                .anyMatch(r -> r.get("Case").isObject());
    }

    @Test
    void aFailedBulkJobIsReplacedByANewJob() {
        Map<String, ObjectNode> source = Runs.byId(SimulatorApi.query(CHAT, false));
        SimulatorApi.admin("/admin/bulk/fail-next", Map.of("count", 1, "message", "InternalServerError: retried more than 15 times"));
        RunEvent done = run(Jobs.register(DataType.LIVE_CHAT, CHAT, "LastModifiedDate", ExtractionApi.BULK, null, null, false));
        assertThat(Runs.recordsById(done.runId())).isEqualTo(source);
        assertThat(apis(done)).containsOnly("BULK");
    }

    @Test
    void bulkJobsThatKeepFailingFallBackToRest() {
        Map<String, ObjectNode> source = Runs.byId(SimulatorApi.query(CHAT, false));
        SimulatorApi.admin("/admin/bulk/fail-next", Map.of("count", 2));
        RunEvent done = run(Jobs.register(DataType.LIVE_CHAT, CHAT, "LastModifiedDate", ExtractionApi.BULK, null, null, false));
        assertThat(Runs.recordsById(done.runId())).isEqualTo(source);
        assertThat(apis(done)).containsOnly("REST");
    }

    @Test
    void autoUsesBulkOnlyAboveTheThreshold() {
        RunEvent small = run(Jobs.register(DataType.LIVE_CHAT, CHAT, "LastModifiedDate", ExtractionApi.AUTO, null, null, false, 5000L));
        RunEvent large = run(Jobs.register(DataType.LIVE_CHAT, CHAT, "LastModifiedDate", ExtractionApi.AUTO, null, null, false, 500L));
        assertThat(apis(small)).containsOnly("REST");
        assertThat(apis(large)).containsOnly("BULK");
        assertThat(Runs.recordsById(large.runId())).isEqualTo(Runs.recordsById(small.runId()));
    }

    @Test
    void aResetWhileDownloadingResultsResumesThePageWithoutRepeatingRows() {
        Map<String, ObjectNode> source = Runs.byId(SimulatorApi.query(CHAT, false));
        SimulatorApi.admin("/admin/faults/reset-connection", Map.of("count", 2, "afterBytes", 150_000, "path", "/results"));
        RunEvent done = run(Jobs.register(DataType.LIVE_CHAT, CHAT, "LastModifiedDate", ExtractionApi.BULK, null, null, false));
        assertThat(KafkaTopics.records(done.runId())).hasSize(source.size());
        assertThat(Runs.recordsById(done.runId())).isEqualTo(source);
    }

    @Test
    void cancelWhileTheJobRunsAbortsAndDeletesIt() {
        SimulatorApi.admin("/admin/bulk/stall-next", Map.of("count", 1));
        JobConfig job = Jobs.register(DataType.LIVE_CHAT, CHAT, "LastModifiedDate", ExtractionApi.BULK, null, null, false);
        List<String> before = jobIds();
        RunRequest request = Jobs.start(job, null);
        KafkaTopics.send(request);
        await().atMost(Duration.ofSeconds(60)).until(() -> jobIds().size() > before.size());
        KafkaTopics.send(Jobs.cancel(request));
        RunEvent end = Runs.awaitFinal(request.runId(), Duration.ofSeconds(30));
        assertThat(end.type()).isEqualTo(RunEventType.CANCELLED);
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(jobIds()).containsExactlyInAnyOrderElementsOf(before));
    }

    @Test
    void smsSessionsCarryAllTheirConversationEntriesOverRestAndBulk() {
        String soql = "SELECT Id, Name, ChannelType, Status, StartTime, EndTime, LastModifiedDate FROM MessagingSession";
        RunEvent rest = run(Jobs.register(DataType.SMS_TEXT, soql, "LastModifiedDate", ExtractionApi.REST, 25, null, false));
        RunEvent bulk = run(Jobs.register(DataType.SMS_TEXT, soql, "LastModifiedDate", ExtractionApi.BULK, 25, null, false));
        Map<String, ObjectNode> sessions = Runs.recordsById(rest.runId());
        assertThat(sessions).hasSize(25);
        assertThat(rest.counters()).containsEntry("extracted", 25L);
        assertThat(Runs.recordsById(bulk.runId())).isEqualTo(sessions);
        for (Map.Entry<String, ObjectNode> s : sessions.entrySet()) {
            List<ObjectNode> expected = SimulatorApi.query("SELECT Id, ConversationId, ActorId, ActorName, ActorType, EntryType, EntryTime, "
                    + "EntryTimeMilliSecs, Seq, Message FROM ConversationEntry WHERE ConversationId = '" + s.getKey()
                    + "' ORDER BY EntryTime ASC, Seq ASC, Id ASC", false);
            JsonNode entries = s.getValue().get("ConversationEntries");
            assertThat(entries.get("totalSize").asInt()).isEqualTo(expected.size()).isPositive();
            assertThat(entries.get("done").asBoolean()).isTrue();
            List<JsonNode> actual = new ArrayList<>();
            entries.get("records").forEach(actual::add);
            assertThat(actual).containsExactlyElementsOf(expected);
        }
    }

    static List<String> jobIds() {
        List<String> ids = new ArrayList<>();
        SimulatorApi.get("/services/data/v62.0/jobs/query").path("records").forEach(j -> ids.add(j.path("id").asText()));
        return ids;
    }
}
