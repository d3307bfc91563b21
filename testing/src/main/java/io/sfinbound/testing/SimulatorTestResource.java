package io.sfinbound.testing;

import java.time.Duration;
import java.util.Map;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

/**
 * Starts the Salesforce simulator as a separate JVM for a {@code @QuarkusTest} and exposes its base URL as the
 * configuration key {@code sfinbound-test.salesforce-url} (and the system property of the same name). The calling
 * module declares a test-scoped dependency on {@code salesforce-sim} so that the reactor packages it first.
 * Init arguments become system properties of the simulator (for example {@code sim.data.seed}).
 */
public class SimulatorTestResource implements QuarkusTestResourceLifecycleManager {

    public static final String URL_KEY = "sfinbound-test.salesforce-url";

    private Map<String, String> args = Map.of();
    private ServiceProcess simulator;

    @Override
    public void init(Map<String, String> initArgs) {
        args = initArgs;
    }

    @Override
    public Map<String, String> start() {
        ServiceProcess.Builder b = ServiceProcess.of("salesforce-sim");
        args.forEach(b::property);
        simulator = b.start(Duration.ofSeconds(60));
        System.setProperty(URL_KEY, simulator.url());
        return Map.of(URL_KEY, simulator.url());
    }

    @Override
    public void stop() {
        if (simulator != null) {
            simulator.close();
        }
    }
}
