package io.sfinbound.loader.load;

import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import io.sfinbound.common.record.DocumentMessage;

/**
 * One record of {@code sfinbound.documents} as the loader received it.
 *
 * @param key       the Kafka key
 * @param message   the parsed message; {@code null} when it could not be parsed at all
 * @param payload   the raw value as JSON (a string node when it was not JSON), for dead letters
 * @param malformed why the value is not a valid message, {@code null} when it parsed
 * @param lineage   the lineage headers it carried
 */
public record InboundMessage(String key, DocumentMessage message, JsonNode payload, String malformed,
        Map<String, String> lineage) {
}
