package io.sfinbound.stack;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.TimeUnit;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;

import io.sfinbound.common.kafka.Topics;

/**
 * Creates the pipeline's topics before the services start. With auto-creation alone, a consumer that subscribes to a
 * topic nobody has produced to yet only sees it after its next metadata refresh (up to five minutes by default), so
 * the first run request of a fresh stack could wait that long. Partitions and replication are the broker's defaults.
 */
public final class TopicSetup {

    private TopicSetup() {
    }

    /** Creates the topics of {@code names} the broker lacks; returns the ones it created. */
    public static List<String> ensure(String bootstrap, List<String> names, Duration timeout) throws Exception {
        Properties p = new Properties();
        p.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        p.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, (int) timeout.toMillis());
        try (Admin admin = Admin.create(p)) {
            Set<String> existing = admin.listTopics().names().get(timeout.toMillis(), TimeUnit.MILLISECONDS);
            List<String> missing = names.stream().filter(n -> !existing.contains(n)).toList();
            if (!missing.isEmpty()) {
                admin.createTopics(missing.stream().map(n -> new NewTopic(n, Optional.empty(), Optional.empty())).toList())
                        .all().get(timeout.toMillis(), TimeUnit.MILLISECONDS);
            }
            return missing;
        }
    }

    /** {@code create-topics --bootstrap host:port}: creates every missing pipeline topic; exit 0, or 1 on failure. */
    static int run(Args args) {
        String bootstrap = args.get("bootstrap", "127.0.0.1:9092");
        try {
            List<String> created = ensure(bootstrap, Topics.ALL, Duration.ofSeconds(args.getInt("timeout", 30)));
            Console.out(created.isEmpty() ? "topics: all " + Topics.ALL.size() + " exist"
                    : "topics: created " + String.join(", ", created));
            return 0;
        } catch (Exception e) {
            Console.err("cannot create the topics on " + bootstrap + ": " + e);
            return 1;
        }
    }
}
