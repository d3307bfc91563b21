package io.sfinbound.e2e;

import org.junit.platform.launcher.LauncherSession;
import org.junit.platform.launcher.LauncherSessionListener;

/**
 * Stops the shared {@link Stack} when the test session ends, before the forked test JVM exits, so the services are
 * never left behind and the fork does not spend its exit timeout in shutdown hooks.
 */
public class StackSessionListener implements LauncherSessionListener {

    @Override
    public void launcherSessionClosed(LauncherSession session) {
        Stack.stopIfStarted();
    }
}
