package io.sfinbound.common.kafka;

import io.sfinbound.common.record.RunEvent;

/** Kafka deserializer for {@link RunEvent}. */
public class RunEventDeserializer extends JsonDeserializer<RunEvent> {

    public RunEventDeserializer() {
        super(RunEvent.class);
    }
}
