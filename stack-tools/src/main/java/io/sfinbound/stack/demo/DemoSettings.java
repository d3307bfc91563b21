package io.sfinbound.stack.demo;

import java.nio.file.Path;
import java.time.Duration;

/**
 * Settings of one demo run. The credentials are the simulator's seeded demo user and connected app; they are not
 * secrets of anything real.
 *
 * @param loginUrl     the simulator's base URL, the connection's login URL
 * @param stateFile    where the demo remembers the ids it created, to reuse them; null to always create
 * @param runTimeout   how long to wait for the run to end
 * @param pollInterval how often to read the run
 */
public record DemoSettings(String loginUrl, Path stateFile, Duration runTimeout, Duration pollInterval) {

    public static final String CONSUMER_KEY = "sfinbound-demo-key";
    public static final String CONSUMER_SECRET = "sfinbound-demo-secret";
    public static final String USERNAME = "demo@sfinbound.example";
    public static final String PASSWORD = "demo-password";
    public static final String SECURITY_TOKEN = "DEMOTOKEN";
}
