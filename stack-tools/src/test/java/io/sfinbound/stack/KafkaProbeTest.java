package io.sfinbound.stack;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;

import org.junit.jupiter.api.Test;

import io.sfinbound.testing.EmbeddedKafka;
import io.sfinbound.testing.ServiceProcess;

/**
 * The launcher's Kafka readiness check against a real broker (in this JVM) and against a port where nothing listens.
 * Plain JUnit: no Quarkus application is involved.
 */
class KafkaProbeTest {

    @Test
    void aRunningBrokerAnswers() {
        assertThat(KafkaProbe.answers(EmbeddedKafka.bootstrapServers(), Duration.ofSeconds(10))).isTrue();
    }

    @Test
    void aClosedPortDoesNotAnswer() {
        assertThat(KafkaProbe.answers("127.0.0.1:" + ServiceProcess.freePort(), Duration.ofSeconds(2))).isFalse();
    }
}
