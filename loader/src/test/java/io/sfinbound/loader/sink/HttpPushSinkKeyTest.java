package io.sfinbound.loader.sink;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.sfinbound.common.kafka.Json;
import io.sfinbound.loader.Fixtures;
import io.sfinbound.loader.store.DocumentWrite;
import org.junit.jupiter.api.Test;

/** The idempotency key of a pushed chunk; plain JUnit because it is a pure function of the chunk. */
class HttpPushSinkKeyTest {

    private static DocumentWrite write(String naturalId, String text, String runId) {
        ObjectNode body = Json.mapper().valueToTree(Fixtures.document(naturalId, Instant.EPOCH, text, Map.of()));
        return new DocumentWrite(1, naturalId, 2, 1, runId, naturalId, Instant.EPOCH, body, text, true);
    }

    @Test
    void shouldBeTheSameForTheSameDocumentsWhateverTheRun() {
        String a = HttpPushSink.idempotencyKey(List.of(write("N1", "x", "run-1"), write("N2", "y", "run-1")));
        String b = HttpPushSink.idempotencyKey(List.of(write("N1", "x", "run-2"), write("N2", "y", "run-2")));
        assertThat(a).isEqualTo(b).hasSize(64);
    }

    @Test
    void shouldDifferWhenAnyDocumentDiffers() {
        String a = HttpPushSink.idempotencyKey(List.of(write("N1", "x", "r"), write("N2", "y", "r")));
        assertThat(HttpPushSink.idempotencyKey(List.of(write("N1", "x", "r"), write("N2", "z", "r")))).isNotEqualTo(a);
        assertThat(HttpPushSink.idempotencyKey(List.of(write("N1", "x", "r")))).isNotEqualTo(a);
    }
}
