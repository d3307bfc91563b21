package io.sfinbound.extractor.support;

import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.StringSerializer;

import io.sfinbound.common.kafka.JsonSerializer;
import io.sfinbound.common.kafka.Topics;
import io.sfinbound.common.record.ExtractedRecord;
import io.sfinbound.common.record.RunEvent;
import io.sfinbound.common.record.RunRequest;
import io.sfinbound.testing.EmbeddedKafka;

/** Plain Kafka clients on the test broker: sends run requests, reads a run's events and records, checks commits. */
public final class KafkaTopics {

    private KafkaTopics() {
    }

    /** Sends a run request keyed by job id, like config-api. */
    public static void send(RunRequest request) {
        Properties p = new Properties();
        p.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, EmbeddedKafka.bootstrapServers());
        p.put(ProducerConfig.ACKS_CONFIG, "all");
        try (KafkaProducer<String, RunRequest> producer = new KafkaProducer<>(p, new StringSerializer(), new JsonSerializer<>())) {
            producer.send(new ProducerRecord<>(Topics.RUN_REQUESTS, Long.toString(request.jobId()), request)).get();
        } catch (Exception e) {
            throw new IllegalStateException("cannot send the run request", e);
        }
    }

    /** Sends raw bytes to the run requests topic (a poison message). */
    public static void sendRaw(String key, String value) {
        Properties p = new Properties();
        p.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, EmbeddedKafka.bootstrapServers());
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(p, new StringSerializer(), new StringSerializer())) {
            producer.send(new ProducerRecord<>(Topics.RUN_REQUESTS, key, value)).get();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** The run's events, in topic order. */
    public static List<RunEvent> events(String runId) {
        return TopicCollector.events(runId);
    }

    /** The run's records with their headers, in topic order per partition. */
    public static List<ConsumerRecord<String, ExtractedRecord>> records(String runId) {
        return TopicCollector.records(runId);
    }

    /** A header value as text, or null. */
    public static String header(ConsumerRecord<?, ?> r, String name) {
        Header h = r.headers().lastHeader(name);
        return h == null ? null : new String(h.value(), StandardCharsets.UTF_8);
    }

    /** Whether the extractor's group committed every run request sent so far. */
    public static boolean allRequestsCommitted() {
        Properties p = new Properties();
        p.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, EmbeddedKafka.bootstrapServers());
        try (Admin admin = Admin.create(p)) {
            Map<TopicPartition, OffsetAndMetadata> committed = admin.listConsumerGroupOffsets("extractor")
                    .partitionsToOffsetAndMetadata().get();
            Map<TopicPartition, OffsetSpec> latest = new HashMap<>();
            admin.describeTopics(List.of(Topics.RUN_REQUESTS)).allTopicNames().get().get(Topics.RUN_REQUESTS).partitions()
                    .forEach(pi -> latest.put(new TopicPartition(Topics.RUN_REQUESTS, pi.partition()), OffsetSpec.latest()));
            var ends = admin.listOffsets(latest).all().get();
            for (var e : ends.entrySet()) {
                long endOffset = e.getValue().offset();
                OffsetAndMetadata c = committed.get(e.getKey());
                if (endOffset > 0 && (c == null || c.offset() < endOffset)) {
                    return false;
                }
            }
            return true;
        } catch (Exception e) {
            return false;
        }
    }

}
