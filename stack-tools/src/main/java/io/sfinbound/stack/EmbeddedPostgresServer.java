package io.sfinbound.stack;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.CountDownLatch;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

/**
 * The local stack's PostgreSQL when the machine has none: the zonky embedded PostgreSQL (binaries from Maven Central)
 * on a fixed port, with its data directory kept in the stack folder so that the databases survive a restart. The
 * process runs until it is terminated; its shutdown hook stops the server cleanly (SIGTERM, as {@code bin/sfinbound
 * stop} sends).
 */
public final class EmbeddedPostgresServer implements AutoCloseable {

    /** The superuser of the embedded server (zonky's initdb: trust authentication on localhost). */
    public static final String USER = "postgres";

    private final EmbeddedPostgres postgres;

    private EmbeddedPostgresServer(EmbeddedPostgres postgres) {
        this.postgres = postgres;
    }

    /**
     * Starts the server, initializing the data directory only when it holds no cluster yet.
     *
     * @param port    fixed TCP port on localhost
     * @param dataDir data directory; created when missing, reused when it holds a cluster
     * @param binaries where the PostgreSQL binaries are unpacked (once); null for zonky's default under the temp dir
     */
    public static EmbeddedPostgresServer start(int port, Path dataDir, Path binaries) throws IOException {
        Files.createDirectories(dataDir);
        // a postmaster.pid left by a killed server would make pg_ctl refuse to start; the launcher only gets here
        // after it checked that the port is free, so the old server is gone
        Files.deleteIfExists(dataDir.resolve("postmaster.pid"));
        EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder();
        if (binaries != null) {
            Files.createDirectories(binaries);
            builder.setOverrideWorkingDirectory(binaries.toFile());
        }
        EmbeddedPostgres pg = builder
                .setPort(port)
                .setDataDirectory(dataDir)
                .setCleanDataDirectory(false)
                .setRegisterShutdownHook(false)
                .setServerConfig("listen_addresses", "127.0.0.1")
                .start();
        return new EmbeddedPostgresServer(pg);
    }

    /** The JDBC URL of a database of this server. */
    public String jdbcUrl(String database) {
        return "jdbc:postgresql://127.0.0.1:" + postgres.getPort() + "/" + database;
    }

    public int port() {
        return postgres.getPort();
    }

    @Override
    public void close() throws IOException {
        postgres.close();
    }

    /** Runs the server in the foreground until the JVM is asked to stop. */
    static int run(Args args) throws Exception {
        int port = args.getInt("port", 15432);
        Path data = Path.of(args.required("data"));
        String binaries = args.get("binaries", "");
        EmbeddedPostgresServer server = start(port, data, binaries.isEmpty() ? null : Path.of(binaries));
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            try {
                server.close();
            } catch (IOException e) {
                Console.err("embedded PostgreSQL did not stop cleanly: " + e.getMessage());
            } finally {
                stopped.countDown();
            }
        }, "embedded-postgres-stop"));
        Console.out("embedded PostgreSQL ready on 127.0.0.1:" + server.port() + " (data " + data + ")");
        stopped.await();
        return 0;
    }
}
