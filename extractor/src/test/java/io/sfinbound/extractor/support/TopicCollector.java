package io.sfinbound.extractor.support;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;

import io.sfinbound.common.kafka.ExtractedRecordDeserializer;
import io.sfinbound.common.kafka.LineageHeaders;
import io.sfinbound.common.kafka.RunEventDeserializer;
import io.sfinbound.common.kafka.Topics;
import io.sfinbound.common.record.ExtractedRecord;
import io.sfinbound.common.record.RunEvent;
import io.sfinbound.testing.EmbeddedKafka;

/**
 * One background consumer of {@code sfinbound.records} and {@code sfinbound.run-events} for the whole test JVM,
 * indexing what it reads by run id, so that tests wait on an in-memory view instead of re-reading the topics.
 */
public final class TopicCollector {

    private static final Map<String, List<RunEvent>> EVENTS = new ConcurrentHashMap<>();
    private static final Map<String, List<ConsumerRecord<String, ExtractedRecord>>> RECORDS = new ConcurrentHashMap<>();
    private static Thread thread;

    private TopicCollector() {
    }

    /** Starts the collector once. */
    public static synchronized void start() {
        if (thread != null) {
            return;
        }
        thread = new Thread(TopicCollector::loop, "test-topic-collector");
        thread.setDaemon(true);
        thread.start();
    }

    /** The run's events so far, in topic order. */
    public static List<RunEvent> events(String runId) {
        start();
        List<RunEvent> l = EVENTS.get(runId);
        if (l == null) {
            return List.of();
        }
        synchronized (l) {
            return new ArrayList<>(l);
        }
    }

    /** The run's records so far. */
    public static List<ConsumerRecord<String, ExtractedRecord>> records(String runId) {
        start();
        List<ConsumerRecord<String, ExtractedRecord>> l = RECORDS.get(runId);
        if (l == null) {
            return List.of();
        }
        synchronized (l) {
            return new ArrayList<>(l);
        }
    }

    private static void loop() {
        Properties p = new Properties();
        p.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, EmbeddedKafka.bootstrapServers());
        p.put(ConsumerConfig.GROUP_ID_CONFIG, "test-collector-" + UUID.randomUUID());
        p.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        p.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        p.put(ConsumerConfig.METADATA_MAX_AGE_CONFIG, "500");
        p.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, "5000");
        ExtractedRecordDeserializer records = new ExtractedRecordDeserializer();
        RunEventDeserializer events = new RunEventDeserializer();
        try (KafkaConsumer<String, byte[]> c = new KafkaConsumer<>(p, new StringDeserializer(), new ByteArrayDeserializer())) {
            c.subscribe(Pattern.compile(Pattern.quote(Topics.RECORDS) + "|" + Pattern.quote(Topics.RUN_EVENTS)));
            while (!Thread.currentThread().isInterrupted()) {
                for (ConsumerRecord<String, byte[]> r : c.poll(Duration.ofMillis(100))) {
                    if (r.topic().equals(Topics.RUN_EVENTS)) {
                        RunEvent e = events.deserialize(r.topic(), r.value());
                        List<RunEvent> l = EVENTS.computeIfAbsent(e.runId(), k -> new ArrayList<>());
                        synchronized (l) {
                            l.add(e);
                        }
                    } else {
                        String runId = KafkaTopics.header(r, LineageHeaders.RUN_ID);
                        ExtractedRecord v = records.deserialize(r.topic(), r.value());
                        List<ConsumerRecord<String, ExtractedRecord>> l = RECORDS.computeIfAbsent(runId, k -> new ArrayList<>());
                        synchronized (l) {
                            l.add(new ConsumerRecord<>(r.topic(), r.partition(), r.offset(), r.timestamp(), r.timestampType(),
                                    r.serializedKeySize(), r.serializedValueSize(), r.key(), v, r.headers(), r.leaderEpoch()));
                        }
                    }
                }
            }
        }
    }
}
