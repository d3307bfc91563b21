package io.sfinbound.transformer.messaging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.sfinbound.common.job.ParticipantMode;
import io.sfinbound.common.kafka.DeadLetterDeserializer;
import io.sfinbound.common.kafka.DocumentMessageDeserializer;
import io.sfinbound.common.kafka.Json;
import io.sfinbound.common.kafka.JsonSerializer;
import io.sfinbound.common.kafka.LineageHeaders;
import io.sfinbound.common.kafka.Topics;
import io.sfinbound.common.record.DeadLetter;
import io.sfinbound.common.record.DocumentKind;
import io.sfinbound.common.record.DocumentMessage;
import io.sfinbound.common.record.ExtractedRecord;
import io.sfinbound.common.record.ParticipantType;
import io.sfinbound.common.record.Stage;
import io.sfinbound.testing.KafkaTestResource;
import io.sfinbound.transformer.support.ConfigApiStandIn;
import io.sfinbound.transformer.support.Jobs;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

/**
 * The transformer over real Kafka (in-JVM broker) with config-api stood in by a JDK HTTP server: records in,
 * exactly one document message per record out, dead letters for poison records, lineage headers copied.
 */
@QuarkusTest
@WithTestResource(KafkaTestResource.class)
@WithTestResource(ConfigApiStandIn.class)
class RecordProcessorTest {

    static final String BODY = "<p align=\"center\">Chat Started: Monday, May 20, 2024, 20:49:32 (+0000)</p>"
            + "<p align=\"center\">Chat Origin: Support Button</p><p align=\"center\">Agent Royalle G</p>"
            + "( 10s ) Royalle G: Hi, this is Royalle. I&#39;ll be happy to help.<br>"
            + "( 44s ) Visitor: my order did not arrive<br>( 1m 13s ) Royalle G: Let me check.<br>";

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrap;

    @Test
    void shouldPublishOneDocumentPerRecordWithTheDefaultMappingAndTheConversation() {
        long jobId = Jobs.nextId();
        ConfigApiStandIn.serve(Jobs.liveChat(jobId, ParticipantMode.AUTO_DETECT));
        String runId = UUID.randomUUID().toString();
        List<String> ids = List.of("5705g000001AAAAAA1", "5705g000001AAAAAA2", "5705g000001AAAAAA3");
        try (KafkaProducer<String, Object> producer = producer()) {
            for (String id : ids) {
                ExtractedRecord r = record(runId, jobId, 1, id, BODY);
                send(producer, Topics.RECORDS, r.key(), r, Map.of(LineageHeaders.RUN_ID, runId,
                        LineageHeaders.JOB_ID, String.valueOf(jobId), LineageHeaders.API, "REST",
                        LineageHeaders.STAGE, "extractor"));
            }
        }

        List<ConsumerRecord<String, DocumentMessage>> out = consume(Topics.DOCUMENTS, new DocumentMessageDeserializer(),
                runId, 3);
        assertThat(out).extracting(ConsumerRecord::key)
                .containsExactlyInAnyOrder(ids.stream().map(id -> "7/Salesforce;" + id).toArray(String[]::new));
        for (ConsumerRecord<String, DocumentMessage> rec : out) {
            DocumentMessage m = rec.value();
            assertThat(m.kind()).isEqualTo(DocumentKind.DOCUMENT);
            assertThat(m.jobVersion()).isEqualTo(1);
            var doc = m.document();
            assertThat(doc.naturalId()).isEqualTo("Salesforce;" + m.sourceRecordId());
            assertThat(doc.documentDate()).isEqualTo(Instant.parse("2024-05-21T08:00:00Z"));
            assertThat(doc.feedbackProvider()).isEqualTo("Salesforce");
            assertThat(doc.sourceValue()).isEqualTo("Salesforce");
            assertThat(doc.feedbackType()).isEqualTo("Operational reporting");
            assertThat(doc.jobName()).isEqualTo("chat job " + jobId);
            assertThat(doc.attributes()).containsKeys("Id", "StartTime", "LastModifiedDate").doesNotContainKey("Body");
            assertThat(doc.conversation().participants())
                    .extracting(p -> p.name() + ":" + p.type())
                    .containsExactly("Royalle G:" + ParticipantType.AGENT, "Visitor:" + ParticipantType.CLIENT);
            assertThat(doc.conversation().turns()).extracting(t -> t.timestamp().toString())
                    .containsExactly("2024-05-20T20:49:42Z", "2024-05-20T20:50:16Z", "2024-05-20T20:50:45Z");
            assertThat(doc.conversation().turns().get(0).text()).isEqualTo("Hi, this is Royalle. I'll be happy to help.");
            assertThat(doc.verbatims()).extracting(v -> v.name() + "=" + v.text()).containsExactly(
                    "clientVerbatim=my order did not arrive",
                    "agentVerbatim=Hi, this is Royalle. I'll be happy to help.\nLet me check.");
            assertThat(header(rec, LineageHeaders.STAGE)).isEqualTo("transformer");
            assertThat(header(rec, LineageHeaders.RUN_ID)).isEqualTo(runId);
            assertThat(header(rec, LineageHeaders.API)).isEqualTo("REST");
        }
        assertThat(ConfigApiStandIn.FETCHES.get(jobId + "/1").get()).as("a job version is fetched once").isEqualTo(1);
    }

    @Test
    void shouldDeadLetterPoisonRecordsAndGoOn() {
        long jobId = Jobs.nextId();
        ConfigApiStandIn.serve(Jobs.liveChat(jobId, ParticipantMode.AUTO_DETECT));
        String runId = UUID.randomUUID().toString();
        try (KafkaProducer<String, Object> producer = producer()) {
            ExtractedRecord unknownVersion = record(runId, jobId, 9, "570000000000000AA1", BODY);
            ExtractedRecord malformed = record(runId, jobId, 1, "570000000000000AA2", "just some words, not a chat");
            ExtractedRecord good = record(runId, jobId, 1, "570000000000000AA3", BODY);
            send(producer, Topics.RECORDS, unknownVersion.key(), unknownVersion, Map.of());
            send(producer, Topics.RECORDS, malformed.key(), malformed, Map.of());
            send(producer, Topics.RECORDS, jobId + "/570000000000000AA4", "{not json".getBytes(StandardCharsets.UTF_8),
                    Map.of(LineageHeaders.RUN_ID, runId, LineageHeaders.JOB_ID, String.valueOf(jobId)));
            send(producer, Topics.RECORDS, good.key(), good, Map.of());
        }

        List<ConsumerRecord<String, DocumentMessage>> out = consume(Topics.DOCUMENTS, new DocumentMessageDeserializer(),
                runId, 4);
        assertThat(out).extracting(r -> r.value().sourceRecordId() + ":" + r.value().kind()).containsExactlyInAnyOrder(
                "570000000000000AA1:DEAD_LETTERED", "570000000000000AA2:DEAD_LETTERED",
                "570000000000000AA4:DEAD_LETTERED", "570000000000000AA3:DOCUMENT");
        assertThat(out).filteredOn(r -> r.value().kind() == DocumentKind.DEAD_LETTERED)
                .extracting(ConsumerRecord::key)
                .contains("7/570000000000000AA1", "7/570000000000000AA2");
        assertThat(out).filteredOn(r -> r.value().sourceRecordId().endsWith("A1")).first()
                .satisfies(r -> assertThat(r.value().reason()).startsWith("JOB_VERSION_NOT_FOUND"));

        List<ConsumerRecord<String, DeadLetter>> dlq = consume(Topics.RECORDS_DLQ, new DeadLetterDeserializer(), runId, 3);
        assertThat(dlq).extracting(r -> r.value().sourceRecordId() + ":" + r.value().error()).containsExactlyInAnyOrder(
                "570000000000000AA1:JOB_VERSION_NOT_FOUND", "570000000000000AA2:MALFORMED_TRANSCRIPT",
                "570000000000000AA4:UNREADABLE_RECORD");
        assertThat(dlq).allSatisfy(r -> {
            assertThat(r.value().stage()).isEqualTo(Stage.TRANSFORMER);
            assertThat(r.value().payload()).isNotNull();
        });
        assertThat(dlq).filteredOn(r -> r.value().error().equals("MALFORMED_TRANSCRIPT")).first()
                .satisfies(r -> {
                    assertThat(r.key()).isEqualTo(jobId + "/570000000000000AA2");
                    assertThat(r.value().payload().at("/data/Body").asText()).isEqualTo("just some words, not a chat");
                });
    }

    @Test
    void shouldDeadLetterADocumentOverTheSizeLimitAndGoOn() {
        long jobId = Jobs.nextId();
        ConfigApiStandIn.serve(Jobs.liveChat(jobId, ParticipantMode.AUTO_DETECT));
        String runId = UUID.randomUUID().toString();
        // 3,000 turns of 200 characters: a 600 KB body whose turns and verbatims make a document over 1,000,000 bytes
        StringBuilder body = new StringBuilder(BODY);
        String words = "the parcel was sent to the wrong address and nobody answered my messages for a week. ".repeat(3);
        for (int i = 0; i < 3_000; i++) {
            body.append("( ").append(100 + i).append("s ) ").append(i % 2 == 0 ? "Visitor: " : "Royalle G: ")
                    .append(words, 0, 200).append("<br>");
        }
        try (KafkaProducer<String, Object> producer = producer()) {
            ExtractedRecord big = record(runId, jobId, 1, "570000000000000AB1", body.toString());
            ExtractedRecord good = record(runId, jobId, 1, "570000000000000AB2", BODY);
            send(producer, Topics.RECORDS, big.key(), big, Map.of());
            send(producer, Topics.RECORDS, good.key(), good, Map.of());
        }

        List<ConsumerRecord<String, DocumentMessage>> out = consume(Topics.DOCUMENTS, new DocumentMessageDeserializer(),
                runId, 2);
        assertThat(out).extracting(r -> r.value().sourceRecordId() + ":" + r.value().kind()).containsExactlyInAnyOrder(
                "570000000000000AB1:DEAD_LETTERED", "570000000000000AB2:DOCUMENT");
        assertThat(out).filteredOn(r -> r.value().sourceRecordId().endsWith("B1")).first()
                .satisfies(r -> assertThat(r.value().reason()).startsWith("DOCUMENT_TOO_LARGE")
                        .contains("over the limit of 1000000"));
        List<ConsumerRecord<String, DeadLetter>> dlq = consume(Topics.RECORDS_DLQ, new DeadLetterDeserializer(), runId, 1);
        assertThat(dlq).extracting(r -> r.value().sourceRecordId() + ":" + r.value().error())
                .containsExactly("570000000000000AB1:DOCUMENT_TOO_LARGE");
    }

    static ExtractedRecord record(String runId, long jobId, int version, String id, String body) {
        ObjectNode data = Json.mapper().createObjectNode();
        data.put("Id", id);
        data.put("Body", body);
        data.put("StartTime", "2024-05-20T20:49:30.000+0000");
        data.put("CreatedDate", "2024-05-20T20:49:30.000+0000");
        data.put("LastModifiedDate", "2024-05-21T08:00:00.000+0000");
        return new ExtractedRecord(runId, jobId, version, 7, "LiveChatTranscript", id, "REST", Instant.now(), data);
    }

    private KafkaProducer<String, Object> producer() {
        Properties p = new Properties();
        p.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        p.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class);
        p.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, PassThroughOrJson.class);
        return new KafkaProducer<>(p);
    }

    private static void send(KafkaProducer<String, Object> producer, String topic, String key, Object value,
            Map<String, String> headers) {
        ProducerRecord<String, Object> r = new ProducerRecord<>(topic, key, value);
        headers.forEach((k, v) -> r.headers().add(k, v.getBytes(StandardCharsets.UTF_8)));
        try {
            producer.send(r).get();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private <T> List<ConsumerRecord<String, T>> consume(String topic, Deserializer<T> deserializer, String runId, int n) {
        Properties p = new Properties();
        p.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        p.put(ConsumerConfig.GROUP_ID_CONFIG, "test-" + UUID.randomUUID());
        p.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        List<ConsumerRecord<String, T>> matching = new ArrayList<>();
        try (KafkaConsumer<String, T> consumer = new KafkaConsumer<>(p, new StringDeserializer(), deserializer)) {
            consumer.subscribe(List.of(topic));
            await().atMost(Duration.ofSeconds(60)).until(() -> {
                for (ConsumerRecord<String, T> r : consumer.poll(Duration.ofMillis(200))) {
                    if (runId.equals(header(r, LineageHeaders.RUN_ID))) {
                        matching.add(r);
                    }
                }
                return matching.size() >= n;
            });
            // Exactly one output per record: nothing more arrives for this run.
            for (ConsumerRecord<String, T> r : consumer.poll(Duration.ofMillis(500))) {
                if (runId.equals(header(r, LineageHeaders.RUN_ID))) {
                    matching.add(r);
                }
            }
        }
        assertThat(matching).hasSize(n);
        return matching;
    }

    private static String header(ConsumerRecord<?, ?> r, String key) {
        var h = r.headers().lastHeader(key);
        return h == null ? null : new String(h.value(), StandardCharsets.UTF_8);
    }

    /** Sends byte arrays as they are (a poison value) and anything else as topic JSON. */
    public static class PassThroughOrJson implements org.apache.kafka.common.serialization.Serializer<Object> {

        private final JsonSerializer<Object> json = new JsonSerializer<>();
        private final ByteArraySerializer bytes = new ByteArraySerializer();

        @Override
        public byte[] serialize(String topic, Object data) {
            return data instanceof byte[] b ? bytes.serialize(topic, b) : json.serialize(topic, data);
        }
    }
}
