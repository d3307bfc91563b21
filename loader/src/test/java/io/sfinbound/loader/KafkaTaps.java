package io.sfinbound.loader;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Predicate;

import io.sfinbound.common.kafka.JsonDeserializer;
import io.sfinbound.common.kafka.JsonSerializer;
import io.sfinbound.common.kafka.Topics;
import io.sfinbound.common.record.DocumentMessage;
import io.sfinbound.testing.EmbeddedKafka;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;

/** Producing to {@code sfinbound.documents} and tapping the loader's output topics from the tests. */
public final class KafkaTaps {

    private KafkaTaps() {
    }

    /** Sends messages to {@code sfinbound.documents} keyed {@code projectId/naturalId} (or source id) and waits for acks. */
    public static void send(List<DocumentMessage> messages) {
        Properties p = new Properties();
        p.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, EmbeddedKafka.bootstrapServers());
        try (KafkaProducer<String, DocumentMessage> producer = new KafkaProducer<>(p, new StringSerializer(), new JsonSerializer<>())) {
            for (DocumentMessage m : messages) {
                String id = m.document() != null ? m.document().naturalId() : m.sourceRecordId();
                producer.send(new ProducerRecord<>(Topics.DOCUMENTS, m.projectId() + "/" + id, m));
            }
            producer.flush();
        }
    }

    /** Sends raw bytes to {@code sfinbound.documents}. */
    public static void sendRaw(String key, byte[] value) {
        Properties p = new Properties();
        p.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, EmbeddedKafka.bootstrapServers());
        try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(p, new StringSerializer(), new ByteArraySerializer())) {
            producer.send(new ProducerRecord<>(Topics.DOCUMENTS, key, value));
            producer.flush();
        }
    }

    /** Reads a whole topic from the beginning, keeping what it read; call {@link #poll()} repeatedly. */
    public static final class Tap<T> implements AutoCloseable {

        private final KafkaConsumer<String, T> consumer;
        private final List<ConsumerRecord<String, T>> seen = new CopyOnWriteArrayList<>();

        public Tap(String topic, Class<T> type) {
            Properties p = new Properties();
            p.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, EmbeddedKafka.bootstrapServers());
            p.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
            consumer = new KafkaConsumer<>(p, new StringDeserializer(), new JsonDeserializer<>(type));
            List<PartitionInfo> partitions = null;
            for (int i = 0; i < 50 && (partitions == null || partitions.isEmpty()); i++) {
                partitions = consumer.partitionsFor(topic, Duration.ofSeconds(2));
            }
            List<TopicPartition> tps = new ArrayList<>();
            if (partitions != null) {
                partitions.forEach(pi -> tps.add(new TopicPartition(topic, pi.partition())));
            }
            consumer.assign(tps);
            consumer.seekToBeginning(tps);
        }

        /** Reads what arrived since the last poll and returns everything read so far. */
        public List<T> poll() {
            consumer.poll(Duration.ofMillis(200)).forEach(seen::add);
            return seen.stream().map(ConsumerRecord::value).toList();
        }

        /** Everything read so far whose value matches. */
        public List<T> matching(Predicate<T> filter) {
            poll();
            return seen.stream().map(ConsumerRecord::value).filter(filter).toList();
        }

        /** Records (with keys and headers) read so far. */
        public List<ConsumerRecord<String, T>> records() {
            return List.copyOf(seen);
        }

        @Override
        public void close() {
            consumer.close();
        }
    }

    /** Creates the loader's topics up front, so taps can be assigned before the loader writes. */
    public static void ensureTopics() {
        Properties p = new Properties();
        p.put("bootstrap.servers", EmbeddedKafka.bootstrapServers());
        try (var admin = org.apache.kafka.clients.admin.Admin.create(p)) {
            var existing = admin.listTopics().names().get();
            List<org.apache.kafka.clients.admin.NewTopic> create = new ArrayList<>();
            for (String t : List.of(Topics.DOCUMENTS, Topics.DOCUMENTS_DLQ, Topics.LOAD_RESULTS, Topics.RUN_EVENTS)) {
                if (!existing.contains(t)) {
                    create.add(new org.apache.kafka.clients.admin.NewTopic(t, 1, (short) 1));
                }
            }
            if (!create.isEmpty()) {
                admin.createTopics(create).all().get();
            }
        } catch (Exception e) {
            if (!(e.getCause() instanceof org.apache.kafka.common.errors.TopicExistsException)) {
                throw new IllegalStateException("cannot create topics", e);
            }
        }
    }
}
