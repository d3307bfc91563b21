package io.sfinbound.transformer.conversation;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.sfinbound.common.job.DataType;
import io.sfinbound.common.job.JobConfig;
import io.sfinbound.common.job.ParticipantMode;
import io.sfinbound.common.job.RedactionSettings;
import io.sfinbound.common.kafka.Json;
import io.sfinbound.common.record.DocumentMessage;
import io.sfinbound.common.record.ExtractedRecord;
import io.sfinbound.transformer.pipeline.TransformResult;
import io.sfinbound.transformer.pipeline.TransformerEngine;
import io.sfinbound.transformer.support.Jobs;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Golden files: each {@code golden/chat/*.json} (live chat transcripts) and {@code golden/sms/*.json} (messaging
 * sessions) holds an identification mode, optional redaction settings and a normalized record; the whole
 * transformation's outcome must equal the {@code .expected.json} beside it. Regenerate with
 * {@code -Dgolden.update=true} and review the diff. Not a @QuarkusTest: the transformation is plain Java.
 */
class ConversationGoldenTest {

    static final Path ROOT = Path.of("src/test/resources/golden");
    static final Instant NOW = Instant.parse("2024-06-01T00:00:00Z");
    static final TransformerEngine ENGINE = new TransformerEngine(Clock.fixed(NOW, ZoneOffset.UTC),
            Duration.ofSeconds(1), Duration.ofSeconds(1));
    static final boolean UPDATE = Boolean.getBoolean("golden.update");

    static Stream<String> chats() throws IOException {
        return cases("chat");
    }

    static Stream<String> sessions() throws IOException {
        return cases("sms");
    }

    static Stream<String> cases(String dir) throws IOException {
        try (Stream<Path> files = Files.list(ROOT.resolve(dir))) {
            return files.map(p -> p.getFileName().toString())
                    .filter(n -> n.endsWith(".json") && !n.endsWith(".expected.json"))
                    .sorted().map(n -> dir + "/" + n).toList().stream();
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("chats")
    void shouldMatchTheGoldenChatTranscript(String file) throws IOException {
        check(file, DataType.LIVE_CHAT, "LiveChatTranscript");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("sessions")
    void shouldMatchTheGoldenMessagingSession(String file) throws IOException {
        check(file, DataType.SMS_TEXT, "MessagingSession");
    }

    private void check(String file, DataType type, String objectType) throws IOException {
        JsonNode input = Json.mapper().readTree(Files.readString(ROOT.resolve(file), StandardCharsets.UTF_8));
        ParticipantMode mode = ParticipantMode.valueOf(input.path("mode").asText("AUTO_DETECT"));
        RedactionSettings redaction = input.hasNonNull("redaction")
                ? Json.mapper().treeToValue(input.get("redaction"), RedactionSettings.class) : null;
        JobConfig base = Jobs.job(42, type, mode, List.of(), redaction, null);
        JobConfig job = new JobConfig(base.jobId(), base.version(), base.projectId(), base.connectionId(), "golden",
                type, mode, base.apiVersion(), base.soql(), "CreatedDate", false, base.api(), base.bulkThreshold(), null,
                base.lookBack(), base.duplicateMode(), base.defaultMapping(), List.of(), redaction, null);
        ObjectNode data = (ObjectNode) input.get("record");
        ExtractedRecord record = new ExtractedRecord("run-golden", 42, 1, 7, objectType, data.get("Id").asText(), "REST",
                NOW, data);
        TransformResult result = ENGINE.transformer().transform(record, ENGINE.compile(job));
        DocumentMessage m = result.message();
        ObjectNode out = Json.mapper().createObjectNode();
        out.put("kind", m.kind().name());
        out.put("reason", m.reason());
        out.set("document", Json.mapper().valueToTree(m.document()));
        if (result.deadLetter() != null) {
            out.put("deadLetterError", result.deadLetter().error());
        }
        String actual = Json.mapper().writerWithDefaultPrettyPrinter().writeValueAsString(out) + "\n";
        Path expectedFile = ROOT.resolve(file.replace(".json", ".expected.json"));
        if (UPDATE) {
            Files.writeString(expectedFile, actual, StandardCharsets.UTF_8);
        }
        assertThat(expectedFile).as("golden file (run with -Dgolden.update=true to create it)").exists();
        assertThat(actual).isEqualTo(Files.readString(expectedFile, StandardCharsets.UTF_8));
    }
}
