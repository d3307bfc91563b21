package io.sfinbound.loader.load;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import io.sfinbound.common.kafka.Json;
import io.sfinbound.common.kafka.LineageHeaders;
import io.sfinbound.common.record.DocumentKind;
import io.sfinbound.loader.Fixtures;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.internals.RecordHeader;
import org.junit.jupiter.api.Test;

/** Parsing of raw {@code sfinbound.documents} records; plain JUnit because it is a pure function of bytes. */
class DocumentConsumerParseTest {

    private static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void shouldParseAMessageAndKeepItsLineage() throws Exception {
        var m = Fixtures.message("r1", 11, 5, Fixtures.document("Salesforce;1", Instant.EPOCH, "t", Map.of()));
        List<Header> headers = List.of(new RecordHeader(LineageHeaders.SOURCE_OBJECT, bytes("Case")),
                new RecordHeader("other", bytes("x")));
        InboundMessage in = DocumentConsumer.parse("5/Salesforce;1", Json.mapper().writeValueAsBytes(m), headers);
        assertThat(in.malformed()).isNull();
        assertThat(in.message()).isEqualTo(m);
        assertThat(in.lineage()).containsExactly(Map.entry(LineageHeaders.SOURCE_OBJECT, "Case"));
    }

    @Test
    void shouldKeepTheRawTextOfARecordThatIsNotJson() {
        InboundMessage in = DocumentConsumer.parse("k", bytes("not json {"), null);
        assertThat(in.message()).isNull();
        assertThat(in.payload().asText()).isEqualTo("not json {");
        assertThat(in.malformed()).startsWith("not JSON");
    }

    @Test
    void shouldKeepTheRunAndSourceRecordOfAnInvalidMessageSoItCanBeAccounted() {
        InboundMessage in = DocumentConsumer.parse("k",
                bytes("{\"runId\":\"r1\",\"jobId\":7,\"projectId\":3,\"sourceRecordId\":\"500X\",\"kind\":\"NOPE\"}"), null);
        assertThat(in.malformed()).startsWith("not a DocumentMessage");
        assertThat(in.message().runId()).isEqualTo("r1");
        assertThat(in.message().sourceRecordId()).isEqualTo("500X");
        assertThat(in.message().jobId()).isEqualTo(7);
        assertThat(in.message().kind()).isNull();
    }

    @Test
    void shouldRejectJsonThatIsNotAnObject() {
        assertThat(DocumentConsumer.parse("k", bytes("[1,2]"), null).malformed()).isEqualTo("not a JSON object");
        assertThat(DocumentConsumer.parse("k", null, null).malformed()).isEqualTo("empty value");
        assertThat(DocumentKind.valueOf("DOCUMENT")).isNotNull();
    }
}
