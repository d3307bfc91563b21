package io.sfinbound.extractor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.node.ObjectNode;

import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.sfinbound.common.job.DataType;
import io.sfinbound.common.job.ExtractionApi;
import io.sfinbound.common.job.JobConfig;
import io.sfinbound.common.kafka.LineageHeaders;
import io.sfinbound.common.record.ExtractedRecord;
import io.sfinbound.common.record.RunEvent;
import io.sfinbound.common.record.RunEventType;
import io.sfinbound.common.record.RunRequest;
import io.sfinbound.common.record.Stage;
import io.sfinbound.extractor.normalize.SalesforceDates;
import io.sfinbound.extractor.support.ConfigApiStub;
import io.sfinbound.extractor.support.Jobs;
import io.sfinbound.extractor.support.KafkaTopics;
import io.sfinbound.extractor.support.Runs;
import io.sfinbound.extractor.support.SimulatorApi;
import io.sfinbound.extractor.support.TopicsTestResource;
import io.sfinbound.testing.KafkaTestResource;
import io.sfinbound.testing.SimulatorTestResource;

/**
 * The walking skeleton over REST: a run request in, every source record of the window out on
 * {@code sfinbound.records} with lineage headers, STARTED and EXTRACTION_COMPLETED with exact counters and the new
 * watermark, the request committed after; then an incremental run from that watermark that finds nothing new.
 */
@QuarkusTest
@WithTestResource(KafkaTestResource.class)
@WithTestResource(value = SimulatorTestResource.class, initArgs = {
        @ResourceArg(name = "sim.data.LiveChatTranscript.count", value = "1100"),
        @ResourceArg(name = "sim.data.Feedback__c.count", value = "5200"),
        @ResourceArg(name = "sim.data.Feedback__c.same-timestamp", value = "5000") })
@WithTestResource(ConfigApiStub.class)
@WithTestResource(TopicsTestResource.class)
class RestExtractionTest {

    static final String CHAT_SOQL = "SELECT Id, Name, Body, ChatKey, Status, ChatDuration, IsChatbotSession, StartTime, EndTime, "
            + "Owner.Name, LastModifiedDate FROM LiveChatTranscript";

    @Test
    void fullRunPublishesEverySourceRecordThenIncrementalRunFindsNothingNew() {
        JobConfig job = Jobs.register(DataType.LIVE_CHAT, CHAT_SOQL, "LastModifiedDate", ExtractionApi.REST, null, null, false);
        List<ObjectNode> source = SimulatorApi.query(CHAT_SOQL, false);
        assertThat(source).hasSizeGreaterThan(1000);

        RunRequest first = Jobs.start(job, null);
        RunEvent done = Runs.run(first, Duration.ofSeconds(90));

        assertThat(done.type()).as("final event %s", done).isEqualTo(RunEventType.EXTRACTION_COMPLETED);
        assertThat(done.stage()).isEqualTo(Stage.EXTRACTOR);
        assertThat(done.counters()).containsEntry("extracted", (long) source.size());
        assertThat(done.counters().get("pages")).isGreaterThanOrEqualTo(6L);
        assertThat(done.counters().get("apiCalls")).isGreaterThanOrEqualTo(7L);
        ObjectNode last = source.stream().max(Comparator.comparing((ObjectNode r) -> SalesforceDates.parseInstant(r.get("LastModifiedDate").asText()))
                .thenComparing(r -> r.get("Id").asText())).orElseThrow();
        assertThat(done.watermark().timestamp()).isEqualTo(SalesforceDates.parseInstant(last.get("LastModifiedDate").asText()));
        assertThat(done.watermark().id()).isEqualTo(last.get("Id").asText());

        List<RunEvent> events = KafkaTopics.events(first.runId());
        assertThat(events.get(0).type()).isEqualTo(RunEventType.STARTED);
        assertThat(events).extracting(RunEvent::sequence).isSorted().doesNotHaveDuplicates();

        List<ConsumerRecord<String, ExtractedRecord>> published = KafkaTopics.records(first.runId());
        assertThat(published).hasSize(source.size());
        ConsumerRecord<String, ExtractedRecord> any = published.get(0);
        assertThat(any.key()).isEqualTo(job.jobId() + "/" + any.value().recordId());
        assertThat(KafkaTopics.header(any, LineageHeaders.JOB_ID)).isEqualTo(Long.toString(job.jobId()));
        assertThat(KafkaTopics.header(any, LineageHeaders.JOB_VERSION)).isEqualTo("1");
        assertThat(KafkaTopics.header(any, LineageHeaders.SOURCE_OBJECT)).isEqualTo("LiveChatTranscript");
        assertThat(KafkaTopics.header(any, LineageHeaders.API)).isEqualTo("REST");
        assertThat(any.value().objectType()).isEqualTo("LiveChatTranscript");
        assertThat(any.value().api()).isEqualTo("REST");
        assertThat(Runs.recordsById(first.runId())).isEqualTo(Runs.byId(source));

        await().atMost(Duration.ofSeconds(30)).until(KafkaTopics::allRequestsCommitted);

        RunRequest second = Jobs.start(job, done.watermark());
        RunEvent again = Runs.run(second, Duration.ofSeconds(60));
        assertThat(again.type()).isEqualTo(RunEventType.EXTRACTION_COMPLETED);
        assertThat(again.counters()).containsEntry("extracted", 0L);
        assertThat(again.watermark()).isEqualTo(done.watermark());
        assertThat(KafkaTopics.records(second.runId())).isEmpty();
    }

    @Test
    void recordLimitStopsAtTheLimitAndTheNextRunContinuesAfterIt() {
        JobConfig job = Jobs.register(DataType.LIVE_CHAT, CHAT_SOQL, "LastModifiedDate", ExtractionApi.REST, 450, null, false);
        Map<String, ObjectNode> source = Runs.byId(SimulatorApi.query(CHAT_SOQL, false));

        RunEvent first = Runs.run(Jobs.start(job, null), Duration.ofSeconds(60));
        assertThat(first.counters()).containsEntry("extracted", 450L);
        RunEvent second = Runs.run(Jobs.start(job, first.watermark()), Duration.ofSeconds(60));
        assertThat(second.counters()).containsEntry("extracted", 450L);
        RunEvent third = Runs.run(Jobs.start(job, second.watermark()), Duration.ofSeconds(60));
        assertThat(third.counters()).containsEntry("extracted", (long) source.size() - 900);
        assertThat(third.watermark().timestamp()).isBefore(Instant.now());
    }

    @Test
    void equalTimestampsAcrossPageBoundariesAreNeitherSkippedNorRepeated() {
        String soql = "SELECT Id, Name, Rating__c, Channel__c, Comment__c, Submitted_At__c, LastModifiedDate FROM Feedback__c";
        JobConfig job = Jobs.register(DataType.FEEDBACK, soql, "LastModifiedDate", ExtractionApi.REST, 2500, null, false);
        Map<String, ObjectNode> source = Runs.byId(SimulatorApi.query(soql, false));
        assertThat(source).hasSize(5200);

        RunEvent first = Runs.run(Jobs.start(job, null), Duration.ofSeconds(90));
        RunEvent second = Runs.run(Jobs.start(job, first.watermark()), Duration.ofSeconds(90));
        RunEvent third = Runs.run(Jobs.start(job, second.watermark()), Duration.ofSeconds(90));

        assertThat(first.watermark().timestamp()).as("the limit cuts inside the 5,000 equal timestamps")
                .isEqualTo(second.watermark().timestamp());
        Map<String, ObjectNode> all = new java.util.HashMap<>();
        long total = 0;
        for (RunEvent e : List.of(first, second, third)) {
            Map<String, ObjectNode> records = Runs.recordsById(e.runId());
            assertThat(records.keySet()).as("no record repeated across runs").noneMatch(all::containsKey);
            all.putAll(records);
            total += e.counters().get("extracted");
        }
        assertThat(total).isEqualTo(5200);
        assertThat(all).isEqualTo(source);
    }
}
