package io.sfinbound.common.kafka;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import org.apache.kafka.common.errors.SerializationException;
import org.junit.jupiter.api.Test;

import io.sfinbound.common.record.AttributeType;
import io.sfinbound.common.record.AttributeValue;
import io.sfinbound.common.record.Conversation;
import io.sfinbound.common.record.DocumentKind;
import io.sfinbound.common.record.DocumentMessage;
import io.sfinbound.common.record.ParticipantType;
import io.sfinbound.common.record.RunAction;
import io.sfinbound.common.record.RunRequest;
import io.sfinbound.common.record.RunTrigger;
import io.sfinbound.common.record.Verbatim;
import io.sfinbound.common.record.Watermark;
import io.sfinbound.common.record.XmdDocument;

/** Round trips of the topic records through the serdes. Plain JUnit: no broker is needed to (de)serialize. */
class JsonSerdeTest {

    @Test
    void shouldRoundTripARunRequest() {
        RunRequest request = new RunRequest("r-1", 7, 3, 2, 5, RunAction.START, RunTrigger.MANUAL,
                new Watermark(Instant.parse("2026-11-01T10:15:30.123Z"), "0Mw000000000001AAA"), Instant.parse("2026-11-29T00:00:00Z"));
        byte[] bytes = new JsonSerializer<RunRequest>().serialize("t", request);
        assertThat(new String(bytes, StandardCharsets.UTF_8)).contains("\"timestamp\":\"2026-11-01T10:15:30.123Z\"");
        assertThat(new RunRequestDeserializer().deserialize("t", bytes)).isEqualTo(request);
    }

    @Test
    void shouldRoundTripADocumentWithAConversation() {
        XmdDocument doc = new XmdDocument("Salesforce;570000000000001", Instant.parse("2026-11-01T10:00:00Z"), "Salesforce",
                "Salesforce", "Operational reporting", "chats",
                Map.of("status", new AttributeValue(AttributeType.TEXT, JsonNodeFactory.instance.textNode("Completed"))),
                List.of(new Verbatim("clientVerbatim", "hello")),
                new Conversation(List.of(new Conversation.Participant("p1", "Ana", ParticipantType.CLIENT)),
                        List.of(new Conversation.Turn(0, "p1", Instant.parse("2026-11-01T10:00:05Z"), "hello"))),
                1);
        DocumentMessage message = new DocumentMessage("r-1", 7, 3, 2, "570000000000001", DocumentKind.DOCUMENT, null, doc);
        byte[] bytes = new JsonSerializer<DocumentMessage>().serialize("t", message);
        assertThat(new DocumentMessageDeserializer().deserialize("t", bytes)).isEqualTo(message);
    }

    @Test
    void shouldIgnoreUnknownPropertiesFromANewerProducer() {
        String json = "{\"runId\":\"r\",\"jobId\":1,\"jobVersion\":1,\"projectId\":1,\"connectionId\":1,\"action\":\"START\","
                + "\"trigger\":\"MANUAL\",\"someFutureField\":42}";
        assertThat(new RunRequestDeserializer().deserialize("t", json.getBytes(StandardCharsets.UTF_8)).runId()).isEqualTo("r");
    }

    @Test
    void shouldNameTheTypeAndTopicOfAMalformedMessage() {
        assertThatThrownBy(() -> new RunRequestDeserializer().deserialize("sfinbound.run-requests", "{not json".getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(SerializationException.class)
                .hasMessageContaining("RunRequest").hasMessageContaining("sfinbound.run-requests");
    }
}
