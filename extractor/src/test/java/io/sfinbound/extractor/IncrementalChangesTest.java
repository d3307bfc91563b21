package io.sfinbound.extractor;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
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
import io.sfinbound.extractor.support.ConfigApiStub;
import io.sfinbound.extractor.support.Jobs;
import io.sfinbound.extractor.support.Runs;
import io.sfinbound.extractor.support.SimulatorApi;
import io.sfinbound.extractor.support.TopicsTestResource;
import io.sfinbound.testing.KafkaTestResource;
import io.sfinbound.testing.SimulatorTestResource;

/**
 * Changes between runs, made through the simulator's admin API: late-arriving records (committed now with a past
 * timestamp) inside and outside the look-back, updates and soft deletes (queryAll). The incremental run publishes
 * every changed record in its current state, and the union of the runs (latest per Id) is exactly the source, except
 * the late record older than the look-back, which no incremental window can see (documented limit of the look-back).
 */
@QuarkusTest
@WithTestResource(KafkaTestResource.class)
@WithTestResource(value = SimulatorTestResource.class, initArgs = {
        @ResourceArg(name = "sim.data.LiveChatTranscript.count", value = "1100"),
        @ResourceArg(name = "sim.data.Feedback__c.count", value = "5200"),
        @ResourceArg(name = "sim.data.Feedback__c.same-timestamp", value = "5000") })
@WithTestResource(ConfigApiStub.class)
@WithTestResource(TopicsTestResource.class)
class IncrementalChangesTest {

    static final String SOQL = "SELECT Id, CaseNumber, Subject, Status, Priority, IsDeleted, SystemModstamp FROM Case";

    static List<String> ids(JsonNode adminAnswer) {
        List<String> ids = new ArrayList<>();
        adminAnswer.path("records").forEach(r -> ids.add(r.path("id").asText()));
        return ids;
    }

    @Test
    void lateUpdatedAndDeletedRecordsArriveInTheNextRun() {
        JobConfig job = Jobs.register(DataType.FEEDBACK, SOQL, "SystemModstamp", ExtractionApi.REST, null, new LookBack(1, LookBack.Unit.HOURS), true);
        RunEvent first = Runs.run(Jobs.start(job, null), Duration.ofSeconds(60));
        assertThat(first.type()).isEqualTo(RunEventType.EXTRACTION_COMPLETED);
        assertThat(Runs.recordsById(first.runId())).isEqualTo(Runs.byId(SimulatorApi.query(SOQL, true)));
        Instant watermark = first.watermark().timestamp();

        List<String> lateInside = ids(SimulatorApi.admin("/admin/data/Case/add",
                Map.of("count", 2, "timestamp", watermark.minus(Duration.ofMinutes(30)).toString())));
        List<String> lateOutside = ids(SimulatorApi.admin("/admin/data/Case/add",
                Map.of("count", 2, "timestamp", watermark.minus(Duration.ofHours(3)).toString())));
        List<String> updated = ids(SimulatorApi.admin("/admin/data/Case/update",
                Map.of("count", 3, "pick", "RANDOM", "fields", Map.of("Status", "Escalated", "Priority", "High"))));
        List<String> deleted = ids(SimulatorApi.admin("/admin/data/Case/delete", Map.of("count", 2, "pick", "OLDEST")));

        RunEvent second = Runs.run(Jobs.start(job, first.watermark()), Duration.ofSeconds(60));
        assertThat(second.type()).isEqualTo(RunEventType.EXTRACTION_COMPLETED);
        Map<String, ObjectNode> source = Runs.byId(SimulatorApi.query(SOQL, true));
        Map<String, ObjectNode> again = Runs.recordsById(second.runId());

        assertThat(again).containsKeys(lateInside.toArray(String[]::new));
        assertThat(again).containsKeys(updated.toArray(String[]::new));
        assertThat(again).containsKeys(deleted.toArray(String[]::new));
        assertThat(again).doesNotContainKeys(lateOutside.toArray(String[]::new));
        updated.forEach(id -> assertThat(again.get(id).get("Status").asText()).isEqualTo("Escalated"));
        deleted.forEach(id -> assertThat(again.get(id).get("IsDeleted").asBoolean()).isTrue());
        again.forEach((id, r) -> assertThat(r).as(id).isEqualTo(source.get(id)));
        assertThat(second.counters()).containsEntry("extracted", (long) again.size());
        assertThat(second.watermark().timestamp()).isAfterOrEqualTo(first.watermark().timestamp());

        Map<String, ObjectNode> union = new HashMap<>(Runs.recordsById(first.runId()));
        union.putAll(again);
        Map<String, ObjectNode> expected = new HashMap<>(source);
        lateOutside.forEach(expected::remove);
        assertThat(union).isEqualTo(expected);
    }
}
