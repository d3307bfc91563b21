package io.sfinbound.common.kafka;

import java.io.IOException;

import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.serialization.Deserializer;

/**
 * Deserializes JSON into one topic record type. Subclass it with a no-argument constructor per type
 * (for example {@link RunRequestDeserializer}) so that Kafka can instantiate it from configuration.
 */
public class JsonDeserializer<T> implements Deserializer<T> {

    private final Class<T> type;

    public JsonDeserializer(Class<T> type) {
        this.type = type;
    }

    @Override
    public T deserialize(String topic, byte[] data) {
        if (data == null) {
            return null;
        }
        try {
            return Json.mapper().readValue(data, type);
        } catch (IOException e) {
            throw new SerializationException("malformed " + type.getSimpleName() + " on " + topic + ": " + e.getMessage(), e);
        }
    }
}
