package io.sfinbound.testing;

import org.junit.platform.launcher.LauncherSession;
import org.junit.platform.launcher.LauncherSessionListener;

/** Stops the shared in-JVM Kafka broker when the test session ends, before the test JVM begins to exit. */
public class TestSessionListener implements LauncherSessionListener {

    @Override
    public void launcherSessionClosed(LauncherSession session) {
        EmbeddedKafka.stop();
    }
}
