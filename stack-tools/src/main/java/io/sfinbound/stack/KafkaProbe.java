package io.sfinbound.stack;

import java.time.Duration;
import java.time.Instant;
import java.util.Properties;
import java.util.concurrent.TimeUnit;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.DescribeClusterOptions;

/**
 * Tells whether a Kafka broker answers metadata requests: the launcher's readiness check of the stack's broker (a
 * listening port alone does not mean the KRaft controller has elected itself and the broker is serving).
 */
public final class KafkaProbe {

    private KafkaProbe() {
    }

    /** Whether the cluster at {@code bootstrap} answers a describe-cluster request within {@code timeout}. */
    public static boolean answers(String bootstrap, Duration timeout) {
        Properties p = new Properties();
        p.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        p.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, (int) timeout.toMillis());
        p.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, (int) timeout.toMillis());
        p.put(AdminClientConfig.RECONNECT_BACKOFF_MAX_MS_CONFIG, 500);
        Admin admin = Admin.create(p);
        try {
            return !admin.describeCluster(new DescribeClusterOptions().timeoutMs((int) timeout.toMillis()))
                    .nodes().get(timeout.toMillis() + 1000, TimeUnit.MILLISECONDS).isEmpty();
        } catch (Exception e) {
            return false;
        } finally {
            admin.close(Duration.ofMillis(200)); // a pending metadata call to a dead broker must not hold the caller
        }
    }

    /** {@code wait-kafka --bootstrap host:port --timeout seconds}: exit 0 once the broker answers, 1 on timeout. */
    static int run(Args args) {
        String bootstrap = args.get("bootstrap", "127.0.0.1:9092");
        Instant deadline = Instant.now().plusSeconds(args.getInt("timeout", 60));
        while (Instant.now().isBefore(deadline)) {
            if (answers(bootstrap, Duration.ofSeconds(3))) {
                return 0;
            }
        }
        Console.err("Kafka at " + bootstrap + " did not answer a metadata request in time");
        return 1;
    }
}
