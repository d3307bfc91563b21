package io.sfinbound.common.kafka;

import io.sfinbound.common.record.DocumentMessage;

/** Kafka deserializer for {@link DocumentMessage}. */
public class DocumentMessageDeserializer extends JsonDeserializer<DocumentMessage> {

    public DocumentMessageDeserializer() {
        super(DocumentMessage.class);
    }
}
