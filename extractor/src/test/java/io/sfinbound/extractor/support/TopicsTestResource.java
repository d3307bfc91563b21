package io.sfinbound.extractor.support;

import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.stream.Collectors;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import io.sfinbound.common.kafka.Topics;
import io.sfinbound.testing.EmbeddedKafka;

/**
 * Creates the extractor's topics on the test broker before the application starts, so the consumer group is
 * assigned its partitions at once instead of discovering auto-created topics minutes later (metadata refresh), and
 * starts the {@link TopicCollector}.
 */
public class TopicsTestResource implements QuarkusTestResourceLifecycleManager {

    @Override
    public Map<String, String> start() {
        createTopics();
        TopicCollector.start();
        return Map.of();
    }

    /** Creates the topics the extractor reads and writes, when missing. */
    public static void createTopics() {
        Properties p = new Properties();
        p.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, EmbeddedKafka.bootstrapServers());
        try (Admin admin = Admin.create(p)) {
            Set<String> existing = admin.listTopics().names().get();
            List<NewTopic> missing = List.of(Topics.RUN_REQUESTS, Topics.RECORDS, Topics.RUN_EVENTS).stream()
                    .filter(t -> !existing.contains(t)).map(t -> new NewTopic(t, 2, (short) 1)).collect(Collectors.toList());
            if (!missing.isEmpty()) {
                admin.createTopics(missing).all().get();
            }
        } catch (Exception e) {
            throw new IllegalStateException("cannot create the test topics", e);
        }
    }

    @Override
    public void stop() {
        // topics live as long as the shared broker
    }
}
