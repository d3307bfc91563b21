package io.sfinbound.stack;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import io.sfinbound.testing.EmbeddedKafka;

/** The launcher's topic creation against a real broker: creates what is missing, and a second call creates nothing. */
class TopicSetupTest {

    @Test
    void createsOnlyTheMissingTopics() throws Exception {
        String a = "setup-a-" + UUID.randomUUID();
        String b = "setup-b-" + UUID.randomUUID();
        String bootstrap = EmbeddedKafka.bootstrapServers();

        assertThat(TopicSetup.ensure(bootstrap, List.of(a), Duration.ofSeconds(30))).containsExactly(a);
        assertThat(TopicSetup.ensure(bootstrap, List.of(a, b), Duration.ofSeconds(30))).containsExactly(b);
        assertThat(TopicSetup.ensure(bootstrap, List.of(a, b), Duration.ofSeconds(30))).isEmpty();
    }
}
