package io.sfinbound.configapi.support;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.function.Predicate;

import io.sfinbound.common.kafka.JsonSerializer;
import io.sfinbound.common.kafka.RunRequestDeserializer;
import io.sfinbound.common.kafka.Topics;
import io.sfinbound.common.record.RunEvent;
import io.sfinbound.common.record.RunRequest;
import io.sfinbound.testing.EmbeddedKafka;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;

/** Plain Kafka clients on the test broker: play the extractor and loader, read what config-api published. */
public final class KafkaTopics {

    private KafkaTopics() {
    }

    /** Publishes run events as the extractor or loader would (key run id). */
    public static void publish(RunEvent... events) {
        Properties p = new Properties();
        p.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, EmbeddedKafka.bootstrapServers());
        try (KafkaProducer<String, RunEvent> producer = new KafkaProducer<>(p, new StringSerializer(), new JsonSerializer<>())) {
            for (RunEvent e : events) {
                producer.send(new ProducerRecord<>(Topics.RUN_EVENTS, e.runId(), e));
            }
            producer.flush();
        }
    }

    /** Publishes raw bytes to the run events topic (a poison record). */
    public static void publishRaw(String key, byte[] value) {
        Properties p = new Properties();
        p.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, EmbeddedKafka.bootstrapServers());
        try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(p, new StringSerializer(), new ByteArraySerializer())) {
            producer.send(new ProducerRecord<>(Topics.RUN_EVENTS, key, value));
            producer.flush();
        }
    }

    /** Reads run requests from the beginning until one matches, or fails after the timeout. */
    public static List<ConsumerRecord<String, RunRequest>> runRequests(Predicate<RunRequest> until, Duration timeout) {
        Properties p = new Properties();
        p.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, EmbeddedKafka.bootstrapServers());
        p.put(ConsumerConfig.GROUP_ID_CONFIG, "test-" + UUID.randomUUID());
        p.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        List<ConsumerRecord<String, RunRequest>> seen = new ArrayList<>();
        try (KafkaConsumer<String, RunRequest> consumer = new KafkaConsumer<>(p, new StringDeserializer(), new RunRequestDeserializer())) {
            consumer.subscribe(List.of(Topics.RUN_REQUESTS));
            Instant deadline = Instant.now().plus(timeout);
            while (Instant.now().isBefore(deadline)) {
                for (ConsumerRecord<String, RunRequest> r : consumer.poll(Duration.ofMillis(200))) {
                    seen.add(r);
                    if (until.test(r.value())) {
                        return seen;
                    }
                }
            }
        }
        throw new AssertionError("no matching run request within " + timeout + "; saw " + seen.stream().map(ConsumerRecord::value).toList());
    }

    /** Every run request on the topic now: reads from the beginning up to the end offsets taken at the call. */
    public static List<RunRequest> allRunRequests() {
        Properties p = new Properties();
        p.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, EmbeddedKafka.bootstrapServers());
        p.put(ConsumerConfig.GROUP_ID_CONFIG, "test-" + UUID.randomUUID());
        p.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        List<RunRequest> seen = new ArrayList<>();
        try (KafkaConsumer<String, RunRequest> consumer = new KafkaConsumer<>(p, new StringDeserializer(), new RunRequestDeserializer())) {
            List<org.apache.kafka.common.TopicPartition> partitions = consumer.partitionsFor(Topics.RUN_REQUESTS).stream()
                    .map(i -> new org.apache.kafka.common.TopicPartition(i.topic(), i.partition())).toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<org.apache.kafka.common.TopicPartition, Long> end = consumer.endOffsets(partitions);
            Instant deadline = Instant.now().plusSeconds(30);
            while (partitions.stream().anyMatch(tp -> consumer.position(tp) < end.get(tp))) {
                if (Instant.now().isAfter(deadline)) {
                    throw new AssertionError("the run request topic could not be read to its end in 30 s");
                }
                for (ConsumerRecord<String, RunRequest> r : consumer.poll(Duration.ofMillis(200))) {
                    seen.add(r.value());
                }
            }
        }
        return seen;
    }

    /** A run event. */
    public static RunEvent event(String runId, long jobId, io.sfinbound.common.record.Stage stage,
            io.sfinbound.common.record.RunEventType type, long sequence, Map<String, Long> counters,
            io.sfinbound.common.record.Watermark watermark, String message) {
        return new RunEvent(runId, jobId, stage, type, sequence, counters, watermark, message, Instant.now());
    }
}
