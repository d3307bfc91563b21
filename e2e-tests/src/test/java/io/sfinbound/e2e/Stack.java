package io.sfinbound.e2e;

import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.TimeUnit;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;

import io.sfinbound.common.kafka.Topics;

import io.sfinbound.testing.EmbeddedKafka;
import io.sfinbound.testing.ServiceProcess;
import io.sfinbound.testing.TestPostgres;

/**
 * The whole pipeline for end-to-end tests: a real Kafka broker, real PostgreSQL databases created fresh for the run,
 * the Salesforce simulator and the four services, each a separate JVM started from its packaged jar. Started once
 * per test JVM and shared by the end-to-end tests, which therefore use their own projects and jobs.
 */
public final class Stack {

    private static Stack instance;

    final String adminKey = "e2e-admin-" + random(18);
    final String serviceKey = "e2e-service-" + random(18);
    final String encryptionKey = "k1:" + Base64.getEncoder().encodeToString(randomBytes(32));
    ServiceProcess simulator;
    ServiceProcess configApi;
    ServiceProcess extractor;
    ServiceProcess transformer;
    ServiceProcess loader;

    private Stack() {
    }

    /** The running stack, started on first use. */
    public static synchronized Stack get() {
        if (instance == null) {
            Stack s = new Stack();
            Runtime.getRuntime().addShutdownHook(new Thread(Stack::stopIfStarted, "e2e-stack-stop"));
            s.start();
            instance = s;
        }
        return instance;
    }

    /** Every service of the stack, simulator first. */
    List<ServiceProcess> services() {
        return List.of(simulator, configApi, extractor, transformer, loader);
    }

    private void start() {
        Duration timeout = Duration.ofSeconds(120);
        String kafka = EmbeddedKafka.bootstrapServers();
        createTopics(kafka);
        String configDb = freshDatabase("sfinbound_e2e_config");
        String storeDb = freshDatabase("sfinbound_e2e_store");

        simulator = ServiceProcess.of("salesforce-sim")
                .property("sim.data.seed", "20261129")
                .property("sim.data.LiveChatTranscript.count", "60")
                .start(timeout);
        String sim = simulator.url();

        // config-api calls the transformer's preview for sample data: the transformer's port is chosen up front
        int transformerPort = ServiceProcess.freePort();
        configApi = common(ServiceProcess.of("config-api"), kafka)
                .env("SFINBOUND_TRANSFORMER_URL", "http://127.0.0.1:" + transformerPort)
                .env("QUARKUS_DATASOURCE_JDBC_URL", configDb)
                .env("QUARKUS_DATASOURCE_USERNAME", TestPostgres.user())
                .env("QUARKUS_DATASOURCE_PASSWORD", TestPostgres.password())
                .env("SFINBOUND_ENCRYPTION_KEYS", encryptionKey)
                .env("SFINBOUND_BOOTSTRAP_ADMIN_KEY", adminKey)
                .env("SFINBOUND_ALLOWED_LOGIN_HOSTS", "127.0.0.1")
                .env("SFINBOUND_CONNECTIONS_ALLOWED_HOSTS", "127.0.0.1")
                .env("SFINBOUND_CONNECTIONS_ALLOW_HTTP", "true")
                .start(timeout);
        String configUrl = configApi.url();

        extractor = common(ServiceProcess.of("extractor"), kafka)
                .env("SFINBOUND_CONFIG_API_URL", configUrl)
                .start(timeout);
        transformer = common(ServiceProcess.of("transformer"), kafka)
                .port(transformerPort)
                .env("SFINBOUND_CONFIG_API_URL", configUrl)
                .start(timeout);
        loader = common(ServiceProcess.of("loader"), kafka)
                .env("SFINBOUND_CONFIG_API_URL", configUrl)
                .env("QUARKUS_DATASOURCE_JDBC_URL", storeDb)
                .env("QUARKUS_DATASOURCE_USERNAME", TestPostgres.user())
                .env("QUARKUS_DATASOURCE_PASSWORD", TestPostgres.password())
                .start(timeout);
        System.out.printf("e2e stack up: simulator %s, config-api %s, extractor %s, transformer %s, loader %s, kafka %s%n",
                sim, configUrl, extractor.url(), transformer.url(), loader.url(), kafka);
    }

    /** As the launcher does: a consumer subscribing to a topic that does not exist yet waits for a metadata refresh. */
    private static void createTopics(String bootstrap) {
        Properties p = new Properties();
        p.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        try (Admin admin = Admin.create(p)) {
            Set<String> existing = admin.listTopics().names().get(30, TimeUnit.SECONDS);
            List<NewTopic> missing = Topics.ALL.stream().filter(t -> !existing.contains(t))
                    .map(t -> new NewTopic(t, Optional.of(2), Optional.empty())).toList();
            admin.createTopics(missing).all().get(30, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new IllegalStateException("cannot create the pipeline's topics on " + bootstrap, e);
        }
    }

    private ServiceProcess.Builder common(ServiceProcess.Builder b, String kafka) {
        return b.env("KAFKA_BOOTSTRAP_SERVERS", kafka)
                .env("SFINBOUND_SERVICE_KEY", serviceKey);
    }

    /** Stops the stack if it was started; called once the test session ends (see {@link StackSessionListener}). */
    static synchronized void stopIfStarted() {
        if (instance != null) {
            instance.stop();
            instance = null;
        }
    }

    private void stop() {
        // in parallel: five sequential graceful shutdowns on a loaded 2-core machine outlast the fork's exit timeout
        List<ServiceProcess> running = java.util.stream.Stream.of(loader, transformer, extractor, configApi, simulator)
                .filter(java.util.Objects::nonNull).toList();
        running.parallelStream().forEach(ServiceProcess::close);
    }

    /** Drops and creates a database, so that every end-to-end run starts from an empty store. */
    private static String freshDatabase(String name) {
        String url = TestPostgres.jdbcUrl("postgres");
        try (Connection c = DriverManager.getConnection(url, TestPostgres.user(), TestPostgres.password());
                Statement s = c.createStatement()) {
            s.execute("DROP DATABASE IF EXISTS " + name + " WITH (FORCE)");
        } catch (SQLException e) {
            throw new IllegalStateException("cannot drop " + name, e);
        }
        return TestPostgres.jdbcUrl(name);
    }

    private static String random(int bytes) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(randomBytes(bytes));
    }

    private static byte[] randomBytes(int n) {
        byte[] b = new byte[n];
        new SecureRandom().nextBytes(b);
        return b;
    }
}
