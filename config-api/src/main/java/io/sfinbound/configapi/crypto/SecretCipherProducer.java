package io.sfinbound.configapi.crypto;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Produces;

import io.quarkus.runtime.StartupEvent;
import io.sfinbound.configapi.config.ConfigApiConfig;

/** Makes the {@link SecretCipher} of the configured keys; a missing or bad key stops the service at start. */
@ApplicationScoped
public class SecretCipherProducer {

    @Produces
    @ApplicationScoped
    SecretCipher cipher(ConfigApiConfig config) {
        return SecretCipher.of(config.encryption().keys().orElse(null));
    }

    void checkAtStart(@Observes StartupEvent event, SecretCipher cipher) {
        cipher.currentKeyId(); // resolves the lazy bean now, so bad keys fail the start, not the first request
    }
}
