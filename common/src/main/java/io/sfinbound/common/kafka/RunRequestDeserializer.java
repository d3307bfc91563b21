package io.sfinbound.common.kafka;

import io.sfinbound.common.record.RunRequest;

/** Kafka deserializer for {@link RunRequest}. */
public class RunRequestDeserializer extends JsonDeserializer<RunRequest> {

    public RunRequestDeserializer() {
        super(RunRequest.class);
    }
}
