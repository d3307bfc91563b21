package io.sfinbound.common.kafka;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;

/**
 * The one JSON configuration of every topic: ISO-8601 instants, unknown properties ignored so that
 * a newer producer never breaks an older consumer.
 */
public final class Json {

    private static final ObjectMapper MAPPER = configure(new ObjectMapper());

    private Json() {
    }

    /** Applies the topic JSON settings to a mapper (also used to align a Quarkus-managed mapper). */
    public static ObjectMapper configure(ObjectMapper mapper) {
        return mapper.registerModule(new JavaTimeModule())
                .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
                .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .disable(DeserializationFeature.ADJUST_DATES_TO_CONTEXT_TIME_ZONE);
    }

    /** A shared, thread-safe mapper with the topic settings. */
    public static ObjectMapper mapper() {
        return MAPPER;
    }
}
