package io.sfinbound.stack.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The demo's printed summary: the run, its counters, the documents, and where to look. Plain JUnit: it formats an
 * outcome.
 */
class DemoCommandTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void summaryShowsTheRunTheDocumentsAndWhereToLook() throws Exception {
        DemoDriver.Outcome o = new DemoDriver.Outcome("11", "22", "33", false,
                JSON.readTree("{\"id\": \"run-9\", \"status\": \"COMPLETED\", \"message\": null,"
                        + " \"counters\": {\"extracted\": 120, \"loaded\": 120, \"accounted\": 120}}"),
                Duration.ofMillis(4200), 120, 120,
                List.of(JSON.readTree("{\"naturalId\": \"sf-0Mw1\", \"documentDate\": \"2026-11-01T10:00:00Z\", \"sourceRecordId\": \"0Mw1\"}")));
        Map<String, String> services = new LinkedHashMap<>();
        services.put("config-api", "http://127.0.0.1:8081");
        services.put("loader", "http://127.0.0.1:8084");

        List<String> lines = DemoCommand.summary(o, new DemoCommand.Where("http://127.0.0.1:8081", "http://127.0.0.1:8084",
                ".stack/secrets/admin.key", ".stack/logs", "stack-tools/target/lib", "127.0.0.1:9092", services));

        assertThat(lines).contains(
                "run run-9 of job 33: COMPLETED in 4.2 s",
                "  counters: extracted=120 loaded=120 accounted=120",
                "  documents loaded by this run: 120; the project now holds 120",
                "    sf-0Mw1  2026-11-01T10:00:00Z  0Mw1",
                "  config-api      http://127.0.0.1:8081/q/swagger-ui",
                "  loader          http://127.0.0.1:8084/q/swagger-ui",
                "  the run:        curl -H \"X-API-Key: $(cat .stack/secrets/admin.key)\" http://127.0.0.1:8081/api/runs/run-9",
                "  the documents:  curl -H \"X-API-Key: $(cat .stack/secrets/admin.key)\" 'http://127.0.0.1:8084/api/projects/22/documents?size=5'");
        assertThat(lines).anySatisfy(l -> assertThat(l).contains("bin/sfinbound tap <topic>")
                .contains("sfinbound.run-requests").contains("sfinbound.records.dlq").contains("sfinbound.run-events"));
        assertThat(lines).anySatisfy(l -> assertThat(l).contains("java -cp 'stack-tools/target/lib/*' org.apache.kafka.tools.consumer.ConsoleConsumer")
                .contains("--bootstrap-server 127.0.0.1:9092"));
        assertThat(String.join("\n", lines)).as("the key itself is never printed by the summary").doesNotContain("sfb_admin_");
    }

    @Test
    void anIncrementalRunSaysWhyItLoadedNothing() throws Exception {
        DemoDriver.Outcome o = new DemoDriver.Outcome("11", "22", "33", true,
                JSON.readTree("{\"id\": \"run-10\", \"status\": \"COMPLETED\", \"counters\": {\"extracted\": 0, \"accounted\": 0}}"),
                Duration.ofMillis(900), 0, 120, List.of());

        List<String> lines = DemoCommand.summary(o, new DemoCommand.Where("c", "l", "", "logs", "lib", "b", Map.of()));

        assertThat(lines).contains("  documents loaded by this run: 0; the project now holds 120 (an incremental run loads only what changed since the last one)");
        assertThat(lines).anySatisfy(l -> assertThat(l).contains("X-API-Key: $SFINBOUND_ADMIN_KEY"));
    }
}
