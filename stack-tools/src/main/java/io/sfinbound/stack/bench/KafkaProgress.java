package io.sfinbound.stack.bench;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.ListOffsetsResult;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.UnknownTopicOrPartitionException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;

/**
 * Where the pipeline's topics and consumer groups stand, read with Kafka's AdminClient: the sum of a topic's end
 * offsets, and the sum of a group's committed offsets on it. Lag = end - committed, summed over partitions.
 */
public final class KafkaProgress implements AutoCloseable {

    private static final long TIMEOUT_S = 10;

    private final String bootstrap;
    private final Admin admin;
    private final Map<String, List<TopicPartition>> partitions = new HashMap<>();

    public KafkaProgress(String bootstrap) {
        this.bootstrap = bootstrap;
        Properties p = new Properties();
        p.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        p.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, "10000");
        p.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, "15000");
        this.admin = Admin.create(p);
    }

    /** The topic's partitions; empty while the topic does not exist (it is created by its first producer). */
    public List<TopicPartition> partitions(String topic) throws InterruptedException {
        List<TopicPartition> known = partitions.get(topic);
        if (known != null) {
            return known;
        }
        try {
            TopicDescription d = admin.describeTopics(List.of(topic)).allTopicNames().get(TIMEOUT_S, TimeUnit.SECONDS).get(topic);
            List<TopicPartition> tps = new ArrayList<>();
            d.partitions().forEach(pi -> tps.add(new TopicPartition(topic, pi.partition())));
            partitions.put(topic, tps);
            return tps;
        } catch (ExecutionException e) {
            if (e.getCause() instanceof UnknownTopicOrPartitionException) {
                return List.of();
            }
            throw new IllegalStateException("cannot describe topic " + topic + " on " + bootstrap + ": " + e.getCause(), e);
        } catch (TimeoutException e) {
            throw new IllegalStateException("Kafka at " + bootstrap + " did not describe " + topic + " in " + TIMEOUT_S + " s", e);
        }
    }

    /** End offset of each partition of the topic. */
    public Map<TopicPartition, Long> endOffsets(String topic) throws InterruptedException {
        List<TopicPartition> tps = partitions(topic);
        Map<TopicPartition, Long> out = new HashMap<>();
        if (tps.isEmpty()) {
            return out;
        }
        Map<TopicPartition, OffsetSpec> req = new HashMap<>();
        tps.forEach(tp -> req.put(tp, OffsetSpec.latest()));
        try {
            Map<TopicPartition, ListOffsetsResult.ListOffsetsResultInfo> r = admin.listOffsets(req).all().get(TIMEOUT_S, TimeUnit.SECONDS);
            r.forEach((tp, info) -> out.put(tp, info.offset()));
            return out;
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("cannot list the end offsets of " + topic + ": " + e, e);
        }
    }

    /** Sum of the topic's end offsets. */
    public long endSum(String topic) throws InterruptedException {
        return endOffsets(topic).values().stream().mapToLong(Long::longValue).sum();
    }

    /** Sum of the group's committed offsets on the topic (0 for a partition without a commit). */
    public long committedSum(String group, String topic) throws InterruptedException {
        try {
            Map<TopicPartition, OffsetAndMetadata> m = admin.listConsumerGroupOffsets(group).partitionsToOffsetAndMetadata()
                    .get(TIMEOUT_S, TimeUnit.SECONDS);
            return m.entrySet().stream().filter(e -> e.getKey().topic().equals(topic) && e.getValue() != null)
                    .mapToLong(e -> e.getValue().offset()).sum();
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("cannot list the offsets of group " + group + ": " + e, e);
        }
    }

    /**
     * Average key and value size in bytes (as a consumer sees them, uncompressed) of up to {@code max} records
     * published after {@code from} (the end offsets taken before the run).
     */
    public double[] averageSizes(String topic, Map<TopicPartition, Long> from, int max) {
        Properties p = new Properties();
        p.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        p.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class.getName());
        p.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class.getName());
        p.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        p.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, String.valueOf(Math.min(max, 500)));
        long n = 0;
        long keys = 0;
        long values = 0;
        try (KafkaConsumer<byte[], byte[]> c = new KafkaConsumer<>(p)) {
            List<TopicPartition> tps = new ArrayList<>(from.keySet());
            if (tps.isEmpty()) {
                return new double[] {0, 0};
            }
            c.assign(tps);
            tps.forEach(tp -> c.seek(tp, from.get(tp)));
            long deadline = System.nanoTime() + Duration.ofSeconds(15).toNanos();
            while (n < max && System.nanoTime() < deadline) {
                for (ConsumerRecord<byte[], byte[]> r : c.poll(Duration.ofMillis(500))) {
                    n++;
                    keys += r.key() == null ? 0 : r.key().length;
                    values += r.value() == null ? 0 : r.value().length;
                }
            }
        }
        return n == 0 ? new double[] {0, 0} : new double[] {(double) keys / n, (double) values / n};
    }

    /** Creates a topic for Kafka's own performance tools. */
    public void createTopic(String topic, int partitions) throws InterruptedException {
        try {
            admin.createTopics(List.of(new org.apache.kafka.clients.admin.NewTopic(topic, partitions, (short) 1)))
                    .all().get(TIMEOUT_S, TimeUnit.SECONDS);
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("cannot create topic " + topic + ": " + e, e);
        }
    }

    /** Deletes a topic, so that the raw benchmark's data does not fill the disk. */
    public void deleteTopic(String topic) throws InterruptedException {
        try {
            admin.deleteTopics(List.of(topic)).all().get(TIMEOUT_S * 3, TimeUnit.SECONDS);
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("cannot delete topic " + topic + ": " + e, e);
        }
    }

    @Override
    public void close() {
        admin.close(Duration.ofSeconds(5));
    }
}
