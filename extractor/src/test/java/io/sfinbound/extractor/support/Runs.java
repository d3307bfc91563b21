package io.sfinbound.extractor.support;

import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.apache.kafka.clients.consumer.ConsumerRecord;

import com.fasterxml.jackson.databind.node.ObjectNode;

import io.sfinbound.common.record.ExtractedRecord;
import io.sfinbound.common.record.RunEvent;
import io.sfinbound.common.record.RunEventType;
import io.sfinbound.common.record.RunRequest;

/** Runs a request through the extractor and waits for its final event. */
public final class Runs {

    private static final List<RunEventType> FINAL = List.of(RunEventType.EXTRACTION_COMPLETED, RunEventType.FAILED,
            RunEventType.DEFERRED, RunEventType.CANCELLED);

    private Runs() {
    }

    /** Sends the request and returns the run's final event. */
    public static RunEvent run(RunRequest request, Duration timeout) {
        KafkaTopics.send(request);
        return awaitFinal(request.runId(), timeout);
    }

    /** Waits for the run's final event, and for the collector to have read the records it counts. */
    public static RunEvent awaitFinal(String runId, Duration timeout) {
        RunEvent end = await().atMost(timeout).pollInterval(Duration.ofMillis(100)).until(
                () -> KafkaTopics.events(runId).stream().filter(e -> FINAL.contains(e.type())).findFirst().orElse(null),
                e -> e != null);
        long extracted = end.counters().getOrDefault("extracted", 0L);
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(100))
                .until(() -> KafkaTopics.records(runId).size() >= extracted);
        return end;
    }

    /** The run's records by record id (the last one when an id repeats). */
    public static Map<String, ObjectNode> recordsById(String runId) {
        return KafkaTopics.records(runId).stream().map(ConsumerRecord::value)
                .collect(Collectors.toMap(ExtractedRecord::recordId, ExtractedRecord::data, (a, b) -> b));
    }

    /** The source records by Id. */
    public static Map<String, ObjectNode> byId(List<ObjectNode> records) {
        return records.stream().collect(Collectors.toMap(r -> r.get("Id").asText(), r -> r));
    }
}
