package io.sfinbound.common.kafka;

import io.sfinbound.common.record.LoadResult;

/** Kafka deserializer for {@link LoadResult}. */
public class LoadResultDeserializer extends JsonDeserializer<LoadResult> {

    public LoadResultDeserializer() {
        super(LoadResult.class);
    }
}
