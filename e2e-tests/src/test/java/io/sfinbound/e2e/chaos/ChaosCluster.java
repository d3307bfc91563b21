package io.sfinbound.e2e.chaos;

import java.io.IOException;
import java.lang.reflect.Field;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import io.sfinbound.e2e.Stack;
import io.sfinbound.testing.EmbeddedKafka;
import io.sfinbound.testing.ServiceProcess;

/**
 * The stack the chaos test disrupts: where its APIs are, and how to crash and restart its parts. Two kinds: the
 * end-to-end {@link Stack} of {@code mvn verify} (short form; its PostgreSQL is the machine's shared server, which is
 * never restarted) and a stack of {@code bin/sfinbound} in its own folder (long form, {@code chaos/run}).
 */
interface ChaosCluster {

    /** The four services that are killed with SIGKILL and restarted. */
    List<String> SERVICES = List.of("extractor", "transformer", "loader", "config-api");

    String configApi();

    String loader();

    String simulator();

    String adminKey();

    /** Kills the service at once (SIGKILL) and starts it again; returns when it is ready. */
    void crash(String service);

    /** Stops the Kafka broker and starts it again. */
    void restartBroker();

    /** Whether {@link #restartPostgres()} is allowed (never for the machine's shared server). */
    boolean canRestartPostgres();

    void restartPostgres();

    /** Log files of the services, scanned for secrets. */
    List<Path> logs();

    /**
     * The e2e {@link Stack} plus a simulator of its own (so its faults and data changes never disturb the other
     * end-to-end tests). The in-JVM broker is restarted through the Kafka test kit: the broker part of the combined
     * node shuts down and starts again on the same port.
     */
    final class OfE2eStack implements ChaosCluster {
        private final Stack stack = Stack.get();
        private final ServiceProcess simulator;

        OfE2eStack(Map<String, String> simulatorProperties) {
            ServiceProcess.Builder b = ServiceProcess.of("salesforce-sim").name("chaos-salesforce-sim");
            simulatorProperties.forEach(b::property);
            simulator = b.start(Duration.ofSeconds(180));
            Runtime.getRuntime().addShutdownHook(new Thread(simulator::close, "chaos-simulator-stop"));
        }

        @Override
        public String configApi() {
            return service("configApi").url();
        }

        @Override
        public String loader() {
            return service("loader").url();
        }

        @Override
        public String simulator() {
            return simulator.url();
        }

        @Override
        public String adminKey() {
            return (String) field(Stack.class, stack, "adminKey");
        }

        @Override
        public void crash(String name) {
            ServiceProcess p = service(switch (name) {
                case "config-api" -> "configApi";
                default -> name;
            });
            p.kill();
            p.restart(Duration.ofSeconds(180));
        }

        @Override
        public void restartBroker() {
            EmbeddedKafka.bootstrapServers();
            Object kit = field(EmbeddedKafka.class, null, "cluster");
            try {
                Map<?, ?> brokers = (Map<?, ?>) kit.getClass().getMethod("brokers").invoke(kit);
                for (Object broker : brokers.values()) {
                    broker.getClass().getMethod("shutdown").invoke(broker);
                    broker.getClass().getMethod("awaitShutdown").invoke(broker);
                    broker.getClass().getMethod("startup").invoke(broker);
                }
                kit.getClass().getMethod("waitForReadyBrokers").invoke(kit);
            } catch (ReflectiveOperationException e) {
                throw new IllegalStateException("cannot restart the in-JVM broker", e);
            }
        }

        @Override
        public boolean canRestartPostgres() {
            return false;
        }

        @Override
        public void restartPostgres() {
            throw new UnsupportedOperationException("the e2e stack uses the machine's shared PostgreSQL");
        }

        @Override
        public List<Path> logs() {
            List<Path> logs = new ArrayList<>();
            for (String s : List.of("configApi", "extractor", "transformer", "loader")) {
                logs.add(service(s).log());
            }
            logs.add(simulator.log());
            return logs;
        }

        void close() {
            simulator.close();
        }

        private ServiceProcess service(String fieldName) {
            return (ServiceProcess) field(Stack.class, stack, fieldName);
        }

        /** {@link Stack} keeps its processes package-private to {@code io.sfinbound.e2e}; this package reads them. */
        private static Object field(Class<?> type, Object target, String name) {
            try {
                Field f = type.getDeclaredField(name);
                f.setAccessible(true);
                return f.get(target);
            } catch (ReflectiveOperationException e) {
                throw new IllegalStateException(e);
            }
        }
    }

    /**
     * A stack started by {@code bin/sfinbound} with {@code SFINBOUND_STACK_DIR}, {@code SFINBOUND_PORT_OFFSET} and
     * {@code SFINBOUND_DB_PREFIX} (inherited from {@code chaos/run}); components are killed by the pid files the
     * launcher writes and started again with {@code bin/sfinbound up --no-build --no-demo}.
     */
    final class OfScriptStack implements ChaosCluster {
        private final Path root = ServiceProcess.reactorRoot();
        private final Path stackDir;
        private final int offset;

        OfScriptStack(Path stackDir, int offset) {
            this.stackDir = stackDir;
            this.offset = offset;
        }

        @Override
        public String configApi() {
            return "http://127.0.0.1:" + (8081 + offset);
        }

        @Override
        public String loader() {
            return "http://127.0.0.1:" + (8084 + offset);
        }

        @Override
        public String simulator() {
            return "http://127.0.0.1:" + (8085 + offset);
        }

        @Override
        public String adminKey() {
            try {
                return Files.readString(stackDir.resolve("secrets/admin.key")).trim();
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
        }

        @Override
        public void crash(String service) {
            kill9(service);
            up();
        }

        @Override
        public void restartBroker() {
            kill9("kafka");
            up();
        }

        @Override
        public boolean canRestartPostgres() {
            return Files.isRegularFile(stackDir.resolve("run/postgres.pid"));
        }

        /** Kills the embedded server's wrapper JVM; {@code up} then stops the orphaned postmaster and starts it anew. */
        @Override
        public void restartPostgres() {
            kill9("postgres");
            up();
        }

        @Override
        public List<Path> logs() {
            List<Path> logs = new ArrayList<>();
            for (String s : List.of("config-api", "extractor", "transformer", "loader", "salesforce-sim")) {
                logs.add(stackDir.resolve("logs/" + s + ".log"));
            }
            return logs;
        }

        private void kill9(String component) {
            try {
                long pid = Long.parseLong(Files.readString(stackDir.resolve("run/" + component + ".pid")).trim());
                ProcessHandle h = ProcessHandle.of(pid).orElseThrow(() -> new IllegalStateException(component + " is not running"));
                if (!h.info().commandLine().orElse("").contains("-Dsfinbound-stack=" + component)) {
                    throw new IllegalStateException("pid " + pid + " is not this stack's " + component);
                }
                h.destroyForcibly();
                h.onExit().get(60, TimeUnit.SECONDS);
            } catch (Exception e) {
                throw new IllegalStateException("cannot kill " + component, e);
            }
        }

        private void up() {
            try {
                Process p = new ProcessBuilder(root.resolve("bin/sfinbound").toString(), "up", "--no-build", "--no-demo")
                        .redirectErrorStream(true)
                        .redirectOutput(ProcessBuilder.Redirect.appendTo(stackDir.resolve("logs/chaos-up.log").toFile()))
                        .start();
                if (!p.waitFor(10, TimeUnit.MINUTES) || p.exitValue() != 0) {
                    throw new IllegalStateException("bin/sfinbound up failed; see " + stackDir.resolve("logs/chaos-up.log"));
                }
            } catch (IOException e) {
                throw new IllegalStateException(e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
    }
}
