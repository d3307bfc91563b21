package io.sfinbound.common.kafka;

import io.sfinbound.common.record.DeadLetter;

/** Kafka deserializer for {@link DeadLetter}. */
public class DeadLetterDeserializer extends JsonDeserializer<DeadLetter> {

    public DeadLetterDeserializer() {
        super(DeadLetter.class);
    }
}
