package io.sfinbound.transformer.pipeline;

import io.sfinbound.common.record.DeadLetter;
import io.sfinbound.common.record.DocumentMessage;

/**
 * What one extracted record became.
 *
 * @param message    the message for {@code sfinbound.documents} (always present)
 * @param deadLetter for DEAD_LETTERED: the message for {@code sfinbound.records.dlq}; otherwise {@code null}
 */
public record TransformResult(DocumentMessage message, DeadLetter deadLetter) {

    /** The Kafka key of {@link #message()}: {@code projectId/naturalId}, or {@code projectId/recordId} unless a document. */
    public String key() {
        if (message.document() != null) {
            return message.projectId() + "/" + message.document().naturalId();
        }
        return message.projectId() + "/" + message.sourceRecordId();
    }
}
