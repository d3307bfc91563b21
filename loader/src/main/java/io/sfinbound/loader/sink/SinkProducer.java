package io.sfinbound.loader.sink;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;

import io.sfinbound.loader.config.LoaderConfig;
import io.sfinbound.loader.store.DocumentStore;

/** Chooses the sink from {@code loader.sink.type}. */
public class SinkProducer {

    @Produces
    @ApplicationScoped
    DocumentSink sink(LoaderConfig config, DocumentStore store) {
        return switch (config.sink().type()) {
            case POSTGRES -> new PostgresDocumentSink(store);
            case HTTP -> new HttpPushSink(config.sink().http(), store);
        };
    }
}
