package io.sfinbound.e2e.compose;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.Reader;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import io.sfinbound.common.kafka.Topics;
import io.sfinbound.e2e.compose.ComposeFile.Service;
import io.sfinbound.testing.ServiceProcess;

/**
 * Keeps {@code docker-compose.yml} valid where no Docker engine can start it: every service has an image or a build
 * with its Dockerfile, its environment, a health check and depends-on ordering, and the ports, topics, databases and
 * URLs agree with the services' {@code application.properties}, {@link Topics} and the PostgreSQL init script. Plain
 * JUnit: it reads files, no service runs.
 */
class ComposeFileTest {

    /** The Quarkus applications of the stack. */
    private static final List<String> APPS = List.of("salesforce-sim", "config-api", "extractor", "transformer", "loader");
    /** The applications that talk to Kafka. */
    private static final List<String> KAFKA_USERS = List.of("config-api", "extractor", "transformer", "loader");
    /** The applications that call config-api's internal API. */
    private static final List<String> CONFIG_API_CLIENTS = List.of("extractor", "transformer", "loader");
    /** Each application with a database, and its database (docs/architecture.md). */
    private static final Map<String, String> DATABASES = Map.of("config-api", "sfinbound_config", "loader", "sfinbound_store");
    private static final Set<String> CONDITIONS = Set.of("service_started", "service_healthy", "service_completed_successfully");
    private static final String TOPIC_JOB = "kafka-topics";

    private static Path root;
    private static ComposeFile compose;
    private static Map<String, Properties> appProperties;

    @BeforeAll
    static void load() throws IOException {
        root = ServiceProcess.reactorRoot();
        compose = ComposeFile.load(root.resolve("docker-compose.yml"));
        appProperties = new LinkedHashMap<>();
        for (String app : APPS) {
            Properties p = new Properties();
            try (Reader r = Files.newBufferedReader(root.resolve(app).resolve("src/main/resources/application.properties"))) {
                p.load(r);
            }
            appProperties.put(app, p);
        }
    }

    private static int appPort(String app) {
        return Integer.parseInt(appProperties.get(app).getProperty("quarkus.http.port"));
    }

    private static boolean isOneShot(Service s) {
        return "no".equals(String.valueOf(s.spec().get("restart"))) && s.spec().containsKey("command");
    }

    @Test
    void holdsKafkaPostgresTheSimulatorAndTheFourServices() {
        assertThat(compose.services().keySet())
                .containsExactlyInAnyOrder("kafka", TOPIC_JOB, "postgres", "salesforce-sim", "config-api", "extractor", "transformer", "loader");
    }

    @Test
    void everyServiceHasAnImageOrABuildWhoseDockerfileRunsTheQuarkusApp() throws IOException {
        for (Service s : compose.all()) {
            assertThat(s.image().isPresent() || s.build().isPresent()).as("%s has an image or a build", s.name()).isTrue();
        }
        for (String app : APPS) {
            Map<String, Object> build = compose.service(app).build().orElseThrow(() -> new AssertionError(app + " is not built from its module"));
            Path context = root.resolve(String.valueOf(build.get("context"))).normalize();
            assertThat(context).as("%s build context", app).isEqualTo(root.resolve(app));
            Path dockerfile = context.resolve(String.valueOf(build.get("dockerfile")));
            assertThat(dockerfile).as("%s Dockerfile", app).isEqualTo(root.resolve(app).resolve("src/main/docker/Dockerfile.jvm")).isRegularFile();
            String text = Files.readString(dockerfile);
            assertThat(text).as("%s Dockerfile", app)
                    .containsPattern("(?m)^FROM registry\\.access\\.redhat\\.com/ubi9/openjdk-17-runtime:[\\w.]+$")
                    .contains("target/quarkus-app/lib/ /deployments/lib/")
                    .contains("target/quarkus-app/*.jar /deployments/")
                    .contains("target/quarkus-app/app/ /deployments/app/")
                    .contains("target/quarkus-app/quarkus/ /deployments/quarkus/")
                    .contains("JAVA_APP_JAR=\"/deployments/quarkus-run.jar\"")
                    .containsPattern("(?m)^EXPOSE " + appPort(app) + "$")
                    .containsPattern("(?m)^USER 185$");
        }
    }

    @Test
    void kafkaAndItsTopicJobUseTheImageOfTheBuildsKafkaVersion() throws IOException {
        Matcher m = Pattern.compile("<kafka\\.version>([^<]+)</kafka\\.version>").matcher(Files.readString(root.resolve("pom.xml")));
        assertThat(m.find()).as("kafka.version in the parent pom").isTrue();
        assertThat(compose.service("kafka").image()).contains("apache/kafka:" + m.group(1));
        assertThat(compose.service(TOPIC_JOB).image()).contains("apache/kafka:" + m.group(1));
        assertThat(compose.service("postgres").image().orElse("")).matches("postgres:\\d+(\\.\\d+)?");
    }

    @Test
    void everyServiceIsConfiguredByItsEnvironment() {
        for (Service s : compose.all()) {
            assertThat(s.environment()).as("%s environment", s.name()).isNotEmpty();
            assertThat(s.spec()).as("%s configured by environment only", s.name()).doesNotContainKeys("env_file", "configs", "secrets");
        }
        for (String app : APPS) {
            assertThat(compose.service(app).environment()).as(app).containsEntry("QUARKUS_HTTP_PORT", Integer.toString(appPort(app)));
        }
        String bootstrap = internalBootstrap();
        String serviceKey = compose.service("config-api").environment().get("SFINBOUND_SERVICE_KEY");
        assertThat(serviceKey).as("the service key comes from the environment, not the file").startsWith("${SFINBOUND_SERVICE_KEY");
        for (String app : KAFKA_USERS) {
            Map<String, String> env = compose.service(app).environment();
            assertThat(env).as(app).containsEntry("KAFKA_BOOTSTRAP_SERVERS", bootstrap).containsEntry("SFINBOUND_SERVICE_KEY", serviceKey);
        }
        String configApiUrl = "http://config-api:" + appPort("config-api");
        for (String app : CONFIG_API_CLIENTS) {
            assertThat(compose.service(app).environment()).as(app).containsEntry("SFINBOUND_CONFIG_API_URL", configApiUrl);
        }
        Map<String, String> configApi = compose.service("config-api").environment();
        for (String secret : List.of("SFINBOUND_ENCRYPTION_KEYS", "SFINBOUND_BOOTSTRAP_ADMIN_KEY", "QUARKUS_DATASOURCE_PASSWORD")) {
            assertThat(configApi.get(secret)).as("config-api %s is interpolated, never a literal", secret).matches("\\$\\{[A-Z_]+:\\?.+}");
        }
        assertThat(configApi.get("SFINBOUND_ALLOWED_LOGIN_HOSTS")).as("config-api may log in to the simulator")
                .contains("salesforce-sim:" + appPort("salesforce-sim"));
        assertThat(compose.service("postgres").environment().get("POSTGRES_PASSWORD")).isEqualTo(configApi.get("QUARKUS_DATASOURCE_PASSWORD"));
    }

    @Test
    void everyLongRunningServiceHasAHealthCheck() {
        for (Service s : compose.all()) {
            if (isOneShot(s)) {
                assertThat(s.healthcheck()).as("%s is a one-shot job", s.name()).isEmpty();
                continue;
            }
            assertThat(s.healthTest()).as("%s health check", s.name()).isNotBlank();
        }
        for (String app : APPS) {
            assertThat(compose.service(app).healthTest()).as(app).contains("http://localhost:" + appPort(app) + "/q/health/ready");
        }
        assertThat(compose.service("kafka").healthTest()).contains("kafka-broker-api-versions.sh");
        assertThat(compose.service("postgres").healthTest()).contains("pg_isready").contains("127.0.0.1");
    }

    @Test
    void dependenciesStartWhatEachServiceNeedsFirstAndHaveNoCycle() {
        Map<String, Object> services = compose.services();
        for (Service s : compose.all()) {
            s.dependsOn().forEach((dep, condition) -> {
                assertThat(services).as("%s depends on an existing service", s.name()).containsKey(dep);
                assertThat(CONDITIONS).as("%s -> %s condition", s.name(), dep).contains(condition);
                Service target = compose.service(dep);
                if (condition.equals("service_healthy")) {
                    assertThat(target.healthcheck()).as("%s waits for %s to be healthy, which needs a health check", s.name(), dep).isPresent();
                }
                if (condition.equals("service_completed_successfully")) {
                    assertThat(isOneShot(target)).as("%s waits for %s to complete, which must be a one-shot job", s.name(), dep).isTrue();
                }
            });
        }
        for (String app : KAFKA_USERS) {
            assertThat(compose.service(app).dependsOn()).as(app)
                    .containsEntry("kafka", "service_healthy")
                    .containsEntry(TOPIC_JOB, "service_completed_successfully");
        }
        DATABASES.keySet().forEach(app -> assertThat(compose.service(app).dependsOn()).as(app).containsEntry("postgres", "service_healthy"));
        CONFIG_API_CLIENTS.forEach(app -> assertThat(compose.service(app).dependsOn()).as(app).containsEntry("config-api", "service_healthy"));
        assertThat(compose.service(TOPIC_JOB).dependsOn()).containsEntry("kafka", "service_healthy");
        assertThat(startOrder()).as("a start order exists (no cycle)").hasSize(services.size());
    }

    /** Kahn's algorithm over depends_on; shorter than the service count when there is a cycle. */
    private static List<String> startOrder() {
        Map<String, Set<String>> pending = new HashMap<>();
        compose.all().forEach(s -> pending.put(s.name(), new HashSet<>(s.dependsOn().keySet())));
        Deque<String> ready = new ArrayDeque<>();
        pending.forEach((n, deps) -> {
            if (deps.isEmpty()) {
                ready.add(n);
            }
        });
        List<String> order = new java.util.ArrayList<>();
        while (!ready.isEmpty()) {
            String n = ready.poll();
            order.add(n);
            pending.forEach((m, deps) -> {
                if (deps.remove(n) && deps.isEmpty()) {
                    ready.add(m);
                }
            });
        }
        return order;
    }

    @Test
    void publishedPortsAreTheServicesOwnPortsAndDoNotClash() {
        for (String app : APPS) {
            assertThat(compose.service(app).ports()).as(app).containsExactly(Map.entry(appPort(app), appPort(app)));
        }
        assertThat(compose.service("kafka").ports()).containsEntry(9092, 9092);
        assertThat(compose.service("kafka").environment().get("KAFKA_ADVERTISED_LISTENERS")).contains("://localhost:9092");
        List<Integer> hostPorts = compose.all().stream().flatMap(s -> s.ports().values().stream()).toList();
        assertThat(hostPorts).doesNotHaveDuplicates();
    }

    @Test
    void theTopicJobCreatesExactlyThePipelinesTopicsAndTheServicesUseNoOther() throws IllegalAccessException {
        Set<String> topics = new TreeSet<>();
        for (Field f : Topics.class.getFields()) {
            if (Modifier.isStatic(f.getModifiers()) && f.getType() == String.class) {
                topics.add((String) f.get(null));
            }
        }
        Matcher m = Pattern.compile("(?m)^\\s*create\\s+(\\S+)").matcher(compose.service(TOPIC_JOB).commandText());
        Set<String> created = new TreeSet<>();
        while (m.find()) {
            created.add(m.group(1));
        }
        assertThat(created).as("topics created by %s", TOPIC_JOB).isEqualTo(topics);
        assertThat(compose.service("kafka").environment()).as("no topic appears by accident").containsEntry("KAFKA_AUTO_CREATE_TOPICS_ENABLE", "false");

        for (Map.Entry<String, Properties> e : appProperties.entrySet()) {
            Set<String> used = e.getValue().stringPropertyNames().stream()
                    .filter(k -> k.matches("mp\\.messaging\\.(incoming|outgoing)\\.[^.]+\\.topic"))
                    .map(k -> e.getValue().getProperty(k).trim())
                    .filter(v -> !v.contains("${"))
                    .collect(Collectors.toCollection(TreeSet::new));
            assertThat(topics).as("topics of %s's application.properties", e.getKey()).containsAll(used);
        }
    }

    @Test
    void theServicesDatabasesAreTheOnesTheInitScriptCreates() throws IOException {
        Service postgres = compose.service("postgres");
        @SuppressWarnings("unchecked")
        List<String> volumes = (List<String>) postgres.spec().get("volumes");
        String init = volumes.stream().filter(v -> v.contains(":/docker-entrypoint-initdb.d")).findFirst()
                .orElseThrow(() -> new AssertionError("postgres mounts no init script folder"));
        Path initDir = root.resolve(init.substring(0, init.indexOf(':'))).normalize();
        assertThat(initDir).isDirectory();
        Set<String> created = new TreeSet<>();
        try (var files = Files.list(initDir)) {
            for (Path sql : files.filter(p -> p.toString().endsWith(".sql")).toList()) {
                Matcher m = Pattern.compile("(?i)CREATE DATABASE\\s+\"?(\\w+)\"?").matcher(Files.readString(sql));
                while (m.find()) {
                    created.add(m.group(1));
                }
            }
        }
        assertThat(created).containsAll(DATABASES.values());
        DATABASES.forEach((app, db) -> assertThat(compose.service(app).environment()).as(app)
                .containsEntry("QUARKUS_DATASOURCE_JDBC_URL", "jdbc:postgresql://postgres:5432/" + db)
                .containsEntry("QUARKUS_DATASOURCE_USERNAME", postgres.environment().get("POSTGRES_USER")));
        DATABASES.values().forEach(db -> assertThat(postgres.healthTest()).as("healthy means %s exists", db).contains("-d " + db));
        assertThat(compose.volumes()).containsKeys("postgres-data", "kafka-data");
    }

    @Test
    void kafkaIsASingleKRaftNodeWhoseListenersAgree() {
        Map<String, String> env = compose.service("kafka").environment();
        assertThat(env.get("KAFKA_PROCESS_ROLES")).isEqualTo("broker,controller");
        Map<String, String> listeners = listenerPorts(env.get("KAFKA_LISTENERS"));
        Map<String, String> advertised = listenerPorts(env.get("KAFKA_ADVERTISED_LISTENERS"));
        assertThat(env.get("KAFKA_CONTROLLER_QUORUM_VOTERS")).isEqualTo(env.get("KAFKA_NODE_ID") + "@kafka:" + listeners.get(env.get("KAFKA_CONTROLLER_LISTENER_NAMES")));
        assertThat(listeners).containsKeys(env.get("KAFKA_INTER_BROKER_LISTENER_NAME"), env.get("KAFKA_CONTROLLER_LISTENER_NAMES"));
        advertised.forEach((name, port) -> assertThat(listeners).as("advertised listener %s is a listener", name).containsEntry(name, port));
        for (String name : listeners.keySet()) {
            assertThat(env.get("KAFKA_LISTENER_SECURITY_PROTOCOL_MAP")).as("protocol of %s", name).contains(name + ":");
        }
        assertThat(env).containsEntry("KAFKA_OFFSETS_TOPIC_REPLICATION_FACTOR", "1").containsEntry("KAFKA_TRANSACTION_STATE_LOG_REPLICATION_FACTOR", "1");
        assertThat(compose.service(TOPIC_JOB).environment()).containsEntry("BOOTSTRAP", internalBootstrap());
    }

    /** The address the containers reach Kafka at: the inter-broker listener as advertised. */
    private static String internalBootstrap() {
        Map<String, String> env = compose.service("kafka").environment();
        String name = env.get("KAFKA_INTER_BROKER_LISTENER_NAME");
        for (String l : env.get("KAFKA_ADVERTISED_LISTENERS").split(",")) {
            if (l.startsWith(name + "://")) {
                return l.substring(name.length() + 3);
            }
        }
        throw new AssertionError("the inter-broker listener " + name + " is not advertised");
    }

    /** Listener name to port, from {@code NAME://host:port,...}. */
    private static Map<String, String> listenerPorts(String spec) {
        Map<String, String> ports = new LinkedHashMap<>();
        for (String l : spec.split(",")) {
            ports.put(l.substring(0, l.indexOf("://")), l.substring(l.lastIndexOf(':') + 1));
        }
        return ports;
    }
}
