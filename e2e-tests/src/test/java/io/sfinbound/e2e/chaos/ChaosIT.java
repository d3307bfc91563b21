package io.sfinbound.e2e.chaos;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

import org.junit.jupiter.api.Test;

/**
 * The chaos test. Short form (default, in {@code mvn verify}): the e2e stack with a simulator of its own holding a
 * few thousand records; one SIGKILL and restart of each service and a broker restart during the initial load, then
 * rounds of Salesforce faults (503 burst, 401 storm, slow responses, locator expiry, a failed Bulk job, quota
 * exhaustion) over updated, deleted, late and new records. Long form ({@code chaos/run}, environment
 * {@code SFINBOUND_CHAOS_STACK_DIR}): the same scenario against a {@code bin/sfinbound} stack with 100,000 records,
 * PostgreSQL restarted too. Either way the store must equal the source exactly: zero mismatches.
 */
class ChaosIT {

    @Test
    void theStoreEqualsTheSourceWhateverCrashesAndFaults() throws Exception {
        String stackDir = System.getenv("SFINBOUND_CHAOS_STACK_DIR");
        ChaosCluster cluster;
        ChaosRunner runner;
        ChaosCluster.OfE2eStack e2e = null;
        if (stackDir != null && !stackDir.isBlank()) {
            int offset = Integer.parseInt(System.getenv().getOrDefault("SFINBOUND_PORT_OFFSET", "0"));
            cluster = new ChaosCluster.OfScriptStack(Path.of(stackDir), offset);
            int cycles = Integer.parseInt(System.getenv().getOrDefault("SFINBOUND_CHAOS_CYCLES", "2"));
            runner = new ChaosRunner(cluster, Duration.ofMinutes(60), cycles, 200);
        } else {
            e2e = new ChaosCluster.OfE2eStack(Map.of(
                    "sim.data.seed", "20261130",
                    "sim.data.LiveChatTranscript.count", "400",
                    "sim.data.LiveChatTranscript.body-size", "600",
                    "sim.data.MessagingSession.count", "150",
                    "sim.data.Feedback__c.count", "400"));
            cluster = e2e;
            runner = new ChaosRunner(cluster, Duration.ofMinutes(6), 1, 20);
        }
        try {
            runner.run();
            runner.scanLogs(cluster.logs());
        } finally {
            System.out.println(runner.figures());
            runner.mismatches.stream().limit(50).forEach(m -> System.out.println("  mismatch: " + m));
            if (e2e != null) {
                e2e.close();
            }
        }
        assertThat(runner.restarts).containsKeys("extractor", "transformer", "loader", "config-api", "kafka");
        assertThat(runner.records).isPositive();
        assertThat(runner.documents).isEqualTo(runner.records);
        assertThat(runner.mismatches).isEmpty();
    }
}
