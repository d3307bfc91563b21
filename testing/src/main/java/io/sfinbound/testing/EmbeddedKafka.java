package io.sfinbound.testing;

import java.util.Map;

import org.apache.kafka.common.test.KafkaClusterTestKit;
import org.apache.kafka.common.test.TestKitNodes;

/**
 * A real Kafka broker (KRaft, combined broker and controller) in the test JVM, started once and shared by every
 * test of the JVM: starting one costs 1 to 2 s, so one per test class would dominate the run.
 */
public final class EmbeddedKafka {

    private static KafkaClusterTestKit cluster;

    private EmbeddedKafka() {
    }

    /** Starts the broker on first use and returns its bootstrap servers. */
    public static synchronized String bootstrapServers() {
        if (cluster == null) {
            cluster = start();
            Runtime.getRuntime().addShutdownHook(new Thread(EmbeddedKafka::stop, "embedded-kafka-stop"));
        }
        return cluster.bootstrapServers();
    }

    private static KafkaClusterTestKit start() {
        try {
            KafkaClusterTestKit.Builder builder = new KafkaClusterTestKit.Builder(new TestKitNodes.Builder()
                    .setCombined(true)
                    .setNumBrokerNodes(1)
                    .setNumControllerNodes(1)
                    .build());
            for (Map.Entry<String, String> e : singleNodeSettings().entrySet()) {
                builder.setConfigProp(e.getKey(), e.getValue());
            }
            KafkaClusterTestKit kit = builder.build();
            kit.format();
            kit.startup();
            kit.waitForReadyBrokers();
            return kit;
        } catch (Exception e) {
            throw new IllegalStateException("cannot start the in-JVM Kafka broker", e);
        }
    }

    /** Replication settings of a one-node cluster. */
    static Map<String, String> singleNodeSettings() {
        return Map.of(
                "offsets.topic.replication.factor", "1",
                "offsets.topic.num.partitions", "1",
                "transaction.state.log.replication.factor", "1",
                "transaction.state.log.min.isr", "1",
                "share.coordinator.state.topic.replication.factor", "1",
                "share.coordinator.state.topic.min.isr", "1",
                "group.initial.rebalance.delay.ms", "0",
                "auto.create.topics.enable", "true",
                "num.partitions", "2");
    }

    /**
     * Stops the broker if it runs. Called when the test session ends ({@link TestSessionListener}), before the JVM's
     * shutdown hooks: Kafka's own hook deletes the broker's temporary directories, and a broker still running then
     * fails its log directory and halts the JVM with exit code 1, which surefire reports as a crashed fork.
     */
    public static synchronized void stop() {
        if (cluster != null) {
            try {
                cluster.close();
            } catch (Exception e) {
                // the JVM is exiting; nothing useful can be done with a failed close
            }
            cluster = null;
        }
    }
}
