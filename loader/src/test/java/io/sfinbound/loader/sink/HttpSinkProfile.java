package io.sfinbound.loader.sink;

import java.util.List;

import io.quarkus.test.junit.QuarkusTestProfile;

/** The loader with the HTTP push sink aimed at the local {@link PushReceiver}. */
public class HttpSinkProfile implements QuarkusTestProfile {

    @Override
    public List<TestResourceEntry> testResources() {
        return List.of(new TestResourceEntry(PushReceiver.class));
    }
}
