package io.sfinbound.common.kafka;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.github.victools.jsonschema.generator.OptionPreset;
import com.github.victools.jsonschema.generator.SchemaGenerator;
import com.github.victools.jsonschema.generator.SchemaGeneratorConfigBuilder;
import com.github.victools.jsonschema.generator.SchemaVersion;
import com.github.victools.jsonschema.module.jackson.JacksonModule;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import io.sfinbound.common.record.DeadLetter;
import io.sfinbound.common.record.DocumentMessage;
import io.sfinbound.common.record.ExtractedRecord;
import io.sfinbound.common.record.LoadResult;
import io.sfinbound.common.record.RunEvent;
import io.sfinbound.common.record.RunRequest;

/**
 * The committed JSON schemas of the topics ({@code src/main/resources/schemas}) match the record types. After changing
 * a record, regenerate them with {@code mvn -pl common test -Dschemas.update=true} and review the diff: a removed or
 * renamed property breaks the topic's consumers. Plain JUnit: pure code generation.
 */
class TopicSchemasTest {

    static Map<String, Class<?>> topics() {
        Map<String, Class<?>> m = new LinkedHashMap<>();
        m.put(Topics.RUN_REQUESTS, RunRequest.class);
        m.put(Topics.RECORDS, ExtractedRecord.class);
        m.put(Topics.RECORDS_DLQ, DeadLetter.class);
        m.put(Topics.DOCUMENTS, DocumentMessage.class);
        m.put(Topics.DOCUMENTS_DLQ, DeadLetter.class);
        m.put(Topics.LOAD_RESULTS, LoadResult.class);
        m.put(Topics.RUN_EVENTS, RunEvent.class);
        return m;
    }

    static Iterable<String> topicNames() {
        return topics().keySet();
    }

    @ParameterizedTest
    @MethodSource("topicNames")
    void committedSchemaMatchesTheRecordType(String topic) throws IOException {
        JsonNode generated = generate(topic, topics().get(topic));
        Path file = Path.of("src/main/resources/schemas", topic + ".schema.json");
        String text = Json.mapper().writerWithDefaultPrettyPrinter().writeValueAsString(generated) + "\n";
        if (Boolean.getBoolean("schemas.update")) {
            Files.createDirectories(file.getParent());
            Files.writeString(file, text, StandardCharsets.UTF_8);
        }
        assertThat(file).as("schema of %s; regenerate with -Dschemas.update=true", topic).exists();
        assertThat(Json.mapper().readTree(file.toFile())).as("schema of %s is stale; regenerate with -Dschemas.update=true", topic)
                .isEqualTo(generated);
    }

    private static JsonNode generate(String topic, Class<?> type) {
        SchemaGeneratorConfigBuilder config = new SchemaGeneratorConfigBuilder(SchemaVersion.DRAFT_2020_12, OptionPreset.PLAIN_JSON)
                .with(new JacksonModule());
        config.forTypesInGeneral().withStringFormatResolver(scope ->
                scope.getType().getErasedType() == java.time.Instant.class ? "date-time" : null);
        ObjectNode schema = new SchemaGenerator(config.build()).generateSchema(type);
        schema.put("$id", "https://sfinbound.io/schemas/" + topic + ".schema.json");
        schema.put("title", topic + ": " + type.getSimpleName());
        return schema;
    }
}
