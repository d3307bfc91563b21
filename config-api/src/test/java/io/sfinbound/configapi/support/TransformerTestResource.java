package io.sfinbound.configapi.support;

import java.time.Duration;
import java.util.Map;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import io.sfinbound.testing.EmbeddedKafka;
import io.sfinbound.testing.ServiceProcess;

/**
 * The packaged transformer as a separate JVM (its {@code /internal/preview} makes "Download sample data"), on the
 * test JVM's broker, with the tests' service key. config-api's pom depends on the transformer (type pom, test scope)
 * so that the reactor packages it first.
 */
public class TransformerTestResource implements QuarkusTestResourceLifecycleManager {

    private static ServiceProcess transformer;

    @Override
    public Map<String, String> start() {
        transformer = ServiceProcess.of("transformer")
                .property("kafka.bootstrap.servers", EmbeddedKafka.bootstrapServers())
                .env("KAFKA_BOOTSTRAP_SERVERS", EmbeddedKafka.bootstrapServers())
                .env("SFINBOUND_SERVICE_KEY", Api.SERVICE_KEY)
                .start(Duration.ofSeconds(120));
        return Map.of("sfinbound.transformer.url", transformer.url());
    }

    @Override
    public void stop() {
        if (transformer != null) {
            transformer.close();
        }
    }

    /** The running transformer (a test may kill it). */
    public static ServiceProcess process() {
        return transformer;
    }
}
