package io.sfinbound.extractor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.node.ObjectNode;

import io.sfinbound.common.job.DataType;
import io.sfinbound.common.job.ExtractionApi;
import io.sfinbound.common.job.JobConfig;
import io.sfinbound.common.record.RunEvent;
import io.sfinbound.common.record.RunEventType;
import io.sfinbound.common.record.RunRequest;
import io.sfinbound.extractor.support.ConfigApiStub;
import io.sfinbound.extractor.support.Jobs;
import io.sfinbound.extractor.support.KafkaTopics;
import io.sfinbound.extractor.support.Runs;
import io.sfinbound.extractor.support.SimulatorApi;
import io.sfinbound.extractor.support.TopicsTestResource;
import io.sfinbound.testing.EmbeddedKafka;
import io.sfinbound.testing.ServiceProcess;
import io.sfinbound.testing.SimulatorTestResource;

/**
 * The packaged extractor killed (SIGKILL) in the middle of a run and started again: the run request was not
 * committed, so the new process runs the same window again and completes it; Kafka then holds every source record
 * (the killed attempt's records are duplicates of the same run id, which the loader absorbs by (run, record)).
 * A failsafe test because it needs the packaged application as a separate process.
 */
class ExtractorRestartIT {

    static ServiceProcess simulator;
    static ServiceProcess extractor;
    static ConfigApiStub configApi;

    @BeforeAll
    static void start() {
        new TopicsTestResource().start();
        simulator = ServiceProcess.of("salesforce-sim").property("sim.data.LiveChatTranscript.count", "1100").start(Duration.ofSeconds(120));
        System.setProperty(SimulatorTestResource.URL_KEY, simulator.url());
        configApi = new ConfigApiStub();
        Map<String, String> stub = configApi.start();
        extractor = ServiceProcess.of("extractor")
                .property("kafka.bootstrap.servers", EmbeddedKafka.bootstrapServers())
                .property("quarkus.rest-client.config-api.url", stub.get("quarkus.rest-client.config-api.url"))
                .property("sfinbound.service-key", ConfigApiStub.SERVICE_KEY)
                .property("extractor.rest.batch-size", "200")
                .property("extractor.window.safety-margin", "PT0S")
                .property("mp.messaging.incoming.run-requests.session.timeout.ms", "6000")
                .property("mp.messaging.incoming.run-requests.heartbeat.interval.ms", "1000")
                .start(Duration.ofSeconds(120));
    }

    @AfterAll
    static void stop() {
        if (extractor != null) {
            extractor.close();
        }
        if (configApi != null) {
            configApi.stop();
        }
        if (simulator != null) {
            simulator.close();
        }
    }

    @Test
    void aKilledExtractorRunsTheSameWindowAgainAfterRestart() {
        String soql = RestExtractionTest.CHAT_SOQL;
        Map<String, ObjectNode> source = Runs.byId(SimulatorApi.query(soql, false));
        JobConfig job = Jobs.register(DataType.LIVE_CHAT, soql, "LastModifiedDate", ExtractionApi.REST, null, null, false);
        SimulatorApi.admin("/admin/faults/latency", Map.of("millis", 1000, "path", "/query"));
        RunRequest request = Jobs.start(job, null);
        KafkaTopics.send(request);
        await().atMost(Duration.ofSeconds(90)).until(() -> KafkaTopics.records(request.runId()).size() >= 200);

        extractor.kill();
        int beforeRestart = KafkaTopics.records(request.runId()).size();
        assertThat(beforeRestart).isLessThan(source.size());
        assertThat(KafkaTopics.events(request.runId())).extracting(RunEvent::type).doesNotContain(RunEventType.EXTRACTION_COMPLETED);
        SimulatorApi.adminDelete("/admin/faults");
        extractor.restart(Duration.ofSeconds(120));

        RunEvent done = Runs.awaitFinal(request.runId(), Duration.ofSeconds(120));
        assertThat(done.type()).isEqualTo(RunEventType.EXTRACTION_COMPLETED);
        assertThat(done.counters()).containsEntry("extracted", (long) source.size());
        assertThat(Runs.recordsById(request.runId())).isEqualTo(source);
        List<RunEvent> events = KafkaTopics.events(request.runId());
        assertThat(events).extracting(RunEvent::type).filteredOn(t -> t == RunEventType.STARTED).hasSize(2);
        assertThat(events.get(events.size() - 1).sequence()).isGreaterThan(events.get(0).sequence());
        await().atMost(Duration.ofSeconds(30)).untilAsserted(
                () -> assertThat(KafkaTopics.records(request.runId())).hasSize(beforeRestart + source.size()));
        await().atMost(Duration.ofSeconds(30)).until(KafkaTopics::allRequestsCommitted);
    }
}
