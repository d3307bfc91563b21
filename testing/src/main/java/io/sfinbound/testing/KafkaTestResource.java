package io.sfinbound.testing;

import java.util.Map;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

/**
 * Points a {@code @QuarkusTest} at the shared in-JVM Kafka broker ({@link EmbeddedKafka}).
 * Use with {@code @WithTestResource(KafkaTestResource.class)}.
 */
public class KafkaTestResource implements QuarkusTestResourceLifecycleManager {

    @Override
    public Map<String, String> start() {
        return Map.of("kafka.bootstrap.servers", EmbeddedKafka.bootstrapServers());
    }

    @Override
    public void stop() {
        // shared by the whole test JVM; stopped by a shutdown hook
    }
}
