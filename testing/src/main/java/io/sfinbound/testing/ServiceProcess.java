package io.sfinbound.testing;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.HttpURLConnection;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * One sfinbound Quarkus service started as a separate JVM from its built {@code target/quarkus-app/quarkus-run.jar},
 * for tests that need the real service over the network (the simulator in the extractor's tests, every service in
 * the end-to-end tests). It listens on a free port, logs to {@code target/<name>.log} of the calling module, and is
 * ready when {@code /q/health/ready} answers 200.
 */
public final class ServiceProcess implements AutoCloseable {

    private final String name;
    private final Path jar;
    private final Map<String, String> properties;
    private final Map<String, String> environment;
    private final Path log;
    private int port;
    private Process process;

    private ServiceProcess(String name, Path jar, Map<String, String> properties, Map<String, String> environment, Path log, int port) {
        this.name = name;
        this.jar = jar;
        this.properties = properties;
        this.environment = environment;
        this.log = log;
        this.port = port;
    }

    /**
     * Prepares a service of the reactor. The module must have been packaged (it is, when it precedes the calling
     * module in the reactor or the caller declares a test-scoped dependency on it).
     *
     * @param module the module directory name, for example {@code salesforce-sim}
     */
    public static Builder of(String module) {
        return new Builder(module);
    }

    /** Builds a {@link ServiceProcess}. */
    public static final class Builder {
        private final String module;
        private final Map<String, String> properties = new LinkedHashMap<>();
        private final Map<String, String> environment = new LinkedHashMap<>();
        private String name;
        private int port;

        private Builder(String module) {
            this.module = module;
            this.name = module;
        }

        /** A name for the log file, when one module runs twice. */
        public Builder name(String n) {
            this.name = n;
            return this;
        }

        /** A fixed port instead of a free one. */
        public Builder port(int p) {
            this.port = p;
            return this;
        }

        /** A system property ({@code -Dkey=value}), for example a Quarkus configuration key. */
        public Builder property(String key, String value) {
            properties.put(key, value);
            return this;
        }

        /** An environment variable of the process. */
        public Builder env(String key, String value) {
            environment.put(key, value);
            return this;
        }

        /** Starts the process and waits until it is ready. */
        public ServiceProcess start(Duration timeout) {
            Path root = reactorRoot();
            Path jar = root.resolve(module).resolve("target/quarkus-app/quarkus-run.jar");
            if (!Files.isRegularFile(jar)) {
                throw new IllegalStateException(jar + " is missing: package " + module + " first (mvn -pl " + module + " package)");
            }
            Path log = Path.of("target").toAbsolutePath().resolve(name + ".log");
            ServiceProcess p = new ServiceProcess(name, jar, properties, environment, log, port == 0 ? freePort() : port);
            p.launch(timeout);
            return p;
        }
    }

    /** The base URL, {@code http://127.0.0.1:<port>}. */
    public String url() {
        return "http://127.0.0.1:" + port;
    }

    public int port() {
        return port;
    }

    public String name() {
        return name;
    }

    /** The log file of the process. */
    public Path log() {
        return log;
    }

    /** Whether the process is alive. */
    public boolean isAlive() {
        return process != null && process.isAlive();
    }

    /** Kills the process at once (SIGKILL), as a crash would. */
    public void kill() {
        if (process != null) {
            process.destroyForcibly();
            try {
                process.waitFor(30, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    /** Starts the process again on the same port after {@link #kill()} or {@link #close()}. */
    public void restart(Duration timeout) {
        kill();
        launch(timeout);
    }

    @Override
    public void close() {
        if (process != null && process.isAlive()) {
            process.destroy();
            try {
                if (!process.waitFor(20, TimeUnit.SECONDS)) {
                    process.destroyForcibly();
                }
            } catch (InterruptedException e) {
                process.destroyForcibly();
                Thread.currentThread().interrupt();
            }
        }
    }

    private void launch(Duration timeout) {
        List<String> cmd = new ArrayList<>();
        cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        cmd.add("-Xmx" + System.getProperty("sfinbound.service.xmx", "384m"));
        cmd.add("-XX:+UseSerialGC");
        cmd.add("-XX:TieredStopAtLevel=1");
        cmd.add("-Dquarkus.http.port=" + port);
        cmd.add("-Dquarkus.http.host=127.0.0.1");
        properties.forEach((k, v) -> cmd.add("-D" + k + "=" + v));
        cmd.add("-jar");
        cmd.add(jar.toString());
        ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true);
        pb.environment().putAll(environment);
        try {
            Files.createDirectories(log.getParent());
            pb.redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
            process = pb.start();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start " + name, e);
        }
        Instant deadline = Instant.now().plus(timeout);
        while (Instant.now().isBefore(deadline)) {
            if (!process.isAlive()) {
                throw new IllegalStateException(name + " exited with " + process.exitValue() + " while starting; see " + log);
            }
            if (ready()) {
                return;
            }
            try {
                process.waitFor(200, TimeUnit.MILLISECONDS); // polls readiness; returns early if the process dies
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while starting " + name, e);
            }
        }
        close();
        throw new IllegalStateException(name + " was not ready within " + timeout + "; see " + log);
    }

    private boolean ready() {
        try {
            HttpURLConnection c = (HttpURLConnection) URI.create(url() + "/q/health/ready").toURL().openConnection();
            c.setConnectTimeout(500);
            c.setReadTimeout(2000);
            try {
                return c.getResponseCode() == 200;
            } finally {
                c.disconnect();
            }
        } catch (IOException e) {
            return false;
        }
    }

    /** A free TCP port on the loopback interface. */
    public static int freePort() {
        try (ServerSocket s = new ServerSocket(0)) {
            s.setReuseAddress(true);
            return s.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The directory of the parent {@code pom.xml}, found upwards from the working directory. */
    public static Path reactorRoot() {
        File dir = new File("").getAbsoluteFile();
        while (dir != null) {
            if (new File(dir, "pom.xml").isFile() && new File(dir, "salesforce-sim").isDirectory()) {
                return dir.toPath();
            }
            dir = dir.getParentFile();
        }
        throw new IllegalStateException("cannot find the sfinbound reactor root above " + new File("").getAbsolutePath());
    }
}
