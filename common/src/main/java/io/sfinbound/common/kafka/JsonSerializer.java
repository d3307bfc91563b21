package io.sfinbound.common.kafka;

import com.fasterxml.jackson.core.JsonProcessingException;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.serialization.Serializer;

/** Serializes any topic record type to JSON with {@link Json#mapper()}. */
public class JsonSerializer<T> implements Serializer<T> {

    @Override
    public byte[] serialize(String topic, T data) {
        if (data == null) {
            return null;
        }
        try {
            return Json.mapper().writeValueAsBytes(data);
        } catch (JsonProcessingException e) {
            throw new SerializationException("cannot serialize a " + data.getClass().getSimpleName() + " for " + topic, e);
        }
    }
}
