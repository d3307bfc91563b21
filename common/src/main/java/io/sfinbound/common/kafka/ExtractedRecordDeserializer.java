package io.sfinbound.common.kafka;

import io.sfinbound.common.record.ExtractedRecord;

/** Kafka deserializer for {@link ExtractedRecord}. */
public class ExtractedRecordDeserializer extends JsonDeserializer<ExtractedRecord> {

    public ExtractedRecordDeserializer() {
        super(ExtractedRecord.class);
    }
}
