package io.sfinbound.transformer.config;

import java.time.Clock;

import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

import io.sfinbound.transformer.pipeline.TransformerEngine;

/** Makes the plain-Java {@link TransformerEngine} a bean configured from {@link TransformerConfig}. */
public class EngineProducer {

    @Produces
    @Singleton
    TransformerEngine engine(TransformerConfig config) {
        return new TransformerEngine(Clock.systemUTC(), config.expressionTimeout(), config.regexTimeout());
    }
}
