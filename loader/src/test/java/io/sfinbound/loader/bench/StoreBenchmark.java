package io.sfinbound.loader.bench;

import java.io.IOException;
import java.io.InputStream;
import java.lang.management.ManagementFactory;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import javax.sql.DataSource;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.sfinbound.common.job.DuplicateMode;
import io.sfinbound.common.job.JobConfig;
import io.sfinbound.common.record.AttributeType;
import io.sfinbound.common.record.AttributeValue;
import io.sfinbound.common.record.DocumentKind;
import io.sfinbound.common.record.DocumentMessage;
import io.sfinbound.common.record.Verbatim;
import io.sfinbound.common.record.XmdDocument;
import io.sfinbound.common.kafka.Json;
import io.sfinbound.loader.config.JobVersions;
import io.sfinbound.loader.load.InboundMessage;
import io.sfinbound.loader.load.LoadService;
import io.sfinbound.loader.sink.PostgresDocumentSink;
import io.sfinbound.loader.store.DocumentStore;
import org.jboss.logging.Logger;
import org.postgresql.ds.PGSimpleDataSource;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;

/**
 * Documents per second into PostgreSQL through the loader's batch transaction ({@link LoadService#load}: outcome
 * lookup, row locks, duplicate decisions, document and outcome inserts, run counters, commit), for batch sizes 100,
 * 500 and 2,000 with documents of about 2 KB, with no duplicates and with 50% duplicates (half the natural ids
 * already stored with the same content, UNCHANGED). Kafka is not part of the measurement.
 * <p>
 * Run: {@code mvn -o -pl loader test-compile exec:java -Dexec.classpathScope=test
 * -Dexec.mainClass=io.sfinbound.loader.bench.StoreBenchmark [-Dexec.args="jdbc:postgresql://127.0.0.1:5432/sfinbound_bench postgres ''"]}.
 * Results go to the log and to {@code target/store-benchmark.txt}. The database's public schema is dropped and recreated from the loader's migration first. Not a test: figures depend on the machine.
 */
public final class StoreBenchmark {

    private static final Logger LOG = Logger.getLogger(StoreBenchmark.class);
    /** The loader's Flyway migrations, applied by hand: Flyway's PostgreSQL plugin is not on the plain classpath. */
    private static final List<String> MIGRATIONS = List.of("V1__document_store.sql", "V2__faster_writes.sql");
    private static final int DOCS_PER_CASE = Integer.getInteger("benchmark.documents", 10_000);

    private StoreBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        String url = args.length > 0 ? args[0] : "jdbc:postgresql://127.0.0.1:5432/sfinbound_bench";
        String user = args.length > 1 ? args[1] : "postgres";
        String password = args.length > 2 ? args[2] : "";
        createDatabase(url, user, password);
        PGSimpleDataSource pg = new PGSimpleDataSource();
        pg.setUrl(url);
        pg.setUser(user);
        pg.setPassword(password);
        // one long-lived connection, as the loader's pool gives: no connection set-up per batch, server-side prepared
        // statements reused, and one backend process whose CPU time can be read
        Connection shared = pg.getConnection();
        backendPid = backendPid(shared);
        DataSource ds = singleConnection(shared);
        try (Connection c = ds.getConnection(); Statement s = c.createStatement()) {
            // the benchmark database is throw-away: recreate the loader's schema from its migrations, in order
            s.execute("DROP SCHEMA public CASCADE; CREATE SCHEMA public");
            for (String migration : MIGRATIONS) {
                try (InputStream in = StoreBenchmark.class.getResourceAsStream("/db/migration/" + migration)) {
                    s.execute(new String(in.readAllBytes(), StandardCharsets.UTF_8));
                }
            }
        }

        DocumentStore store = new DocumentStore(ds);
        LoadService service = new LoadService(store, new PostgresDocumentSink(store), new FixedJobVersions(),
                new SimpleMeterRegistry());
        Path report = Path.of(System.getProperty("benchmark.report", "target/store-benchmark.txt"));
        Files.createDirectories(report.toAbsolutePath().getParent());
        Files.writeString(report, String.format(Locale.ROOT, "document size: %d bytes of JSON, %d documents per case%n",
                Json.mapper().writeValueAsBytes(document("Salesforce;500000000000001", 1)).length, DOCS_PER_CASE));
        // warm-up: JIT and PostgreSQL caches
        run(service, 500, 2_000, false);
        append(report, "batch size | duplicates | documents | seconds | documents/s | loader CPU s | PG backend CPU s"
                + " | documents per CPU-second");
        for (boolean duplicates : new boolean[] {false, true}) {
            for (int batchSize : new int[] {100, 500, 2_000}) {
                double[] r = run(service, batchSize, DOCS_PER_CASE, duplicates);
                append(report, String.format(Locale.ROOT, "%10d | %10s | %9d | %7.2f | %11.0f | %12.2f | %16.2f | %25.0f",
                        batchSize, duplicates ? "50%" : "0%", DOCS_PER_CASE, r[0], r[1], r[2], r[3],
                        DOCS_PER_CASE / (r[2] + r[3])));
            }
        }
    }

    private static void append(Path report, String line) throws IOException {
        LOG.info(line);
        Files.writeString(report, line + System.lineSeparator(), StandardOpenOption.APPEND);
    }

    /**
     * Loads {@code total} documents in batches; returns {seconds, documents per second, this JVM's CPU seconds, the
     * PostgreSQL backend's CPU seconds}. CPU time is reported because wall time on the shared machine depends on the
     * other builds.
     */
    private static double[] run(LoadService service, int batchSize, int total, boolean duplicates) {
        long project = Math.abs(UUID.randomUUID().getMostSignificantBits() % 1_000_000_000L);
        if (duplicates) {
            // a previous run stored every other document with the same content
            String previous = UUID.randomUUID().toString();
            List<InboundMessage> pre = new ArrayList<>();
            for (int i = 0; i < total; i += 2) {
                pre.add(message(previous, project, i));
                if (pre.size() == 2_000) {
                    service.load(pre);
                    pre = new ArrayList<>();
                }
            }
            if (!pre.isEmpty()) {
                service.load(pre);
            }
        }
        String run = UUID.randomUUID().toString();
        List<List<InboundMessage>> batches = new ArrayList<>();
        List<InboundMessage> batch = new ArrayList<>();
        for (int i = 0; i < total; i++) {
            batch.add(message(run, project, i));
            if (batch.size() == batchSize) {
                batches.add(batch);
                batch = new ArrayList<>();
            }
        }
        if (!batch.isEmpty()) {
            batches.add(batch);
        }
        long start = System.nanoTime();
        long cpu0 = processCpuNanos();
        double pg0 = backendCpuSeconds();
        for (List<InboundMessage> b : batches) {
            service.load(b);
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        double cpu = (processCpuNanos() - cpu0) / 1e9;
        double pg = backendCpuSeconds() - pg0;
        return new double[] {seconds, total / seconds, cpu, pg};
    }

    private static InboundMessage message(String run, long project, int i) {
        String naturalId = "Salesforce;" + String.format("500%012d", i);
        DocumentMessage m = new DocumentMessage(run, 1, 1, project, naturalId.substring(11), DocumentKind.DOCUMENT, null,
                document(naturalId, i));
        return new InboundMessage(project + "/" + naturalId, m, null, null, Map.of());
    }

    /** About 2 KB of JSON: a 1,200-character verbatim and ten attributes. */
    private static XmdDocument document(String naturalId, int i) {
        Map<String, AttributeValue> attrs = new LinkedHashMap<>();
        for (int a = 0; a < 10; a++) {
            attrs.put("attribute_" + a, new AttributeValue(AttributeType.TEXT,
                    JsonNodeFactory.instance.textNode("value " + a + " of document " + i)));
        }
        String text = ("The agent was helpful and solved my billing issue quickly, thanks. ").repeat(18);
        return new XmdDocument(naturalId, Instant.parse("2026-01-01T00:00:00Z").plusSeconds(i), "Salesforce", "Salesforce",
                "Operational reporting", "bench", attrs, List.of(new Verbatim("feedback", text)), null, 0);
    }

    private static void createDatabase(String url, String user, String password) throws Exception {
        String name = url.substring(url.lastIndexOf('/') + 1);
        String admin = url.substring(0, url.lastIndexOf('/') + 1) + "postgres";
        try (Connection c = DriverManager.getConnection(admin, user, password); Statement s = c.createStatement()) {
            var rs = s.executeQuery("SELECT 1 FROM pg_database WHERE datname = '" + name.replace("'", "") + "'");
            if (!rs.next()) {
                s.execute("CREATE DATABASE \"" + name.replace("\"", "") + "\"");
            }
        }
    }

    private static int backendPid;

    private static int backendPid(Connection c) throws Exception {
        try (Statement s = c.createStatement(); var rs = s.executeQuery("SELECT pg_backend_pid()")) {
            rs.next();
            return rs.getInt(1);
        }
    }

    private static long processCpuNanos() {
        return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean()).getProcessCpuTime();
    }

    /** utime + stime of the PostgreSQL backend from /proc (same machine only; 0 when it cannot be read). */
    private static double backendCpuSeconds() {
        try {
            String stat = Files.readString(Path.of("/proc/" + backendPid + "/stat"));
            String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            return (Long.parseLong(f[11]) + Long.parseLong(f[12])) / 100.0;
        } catch (IOException | RuntimeException e) {
            return 0;
        }
    }

    /** A data source that always hands out the same connection and ignores {@code close()}. */
    private static DataSource singleConnection(Connection shared) {
        Connection proxy = (Connection) Proxy.newProxyInstance(StoreBenchmark.class.getClassLoader(),
                new Class<?>[] {Connection.class}, (p, method, a) -> {
                    if (method.getName().equals("close")) {
                        if (!shared.getAutoCommit()) {
                            shared.rollback();
                            shared.setAutoCommit(true);
                        }
                        return null;
                    }
                    try {
                        return method.invoke(shared, a);
                    } catch (InvocationTargetException e) {
                        throw e.getCause();
                    }
                });
        PGSimpleDataSource ds = new PGSimpleDataSource() {
            @Override
            public Connection getConnection() {
                return proxy;
            }
        };
        return ds;
    }

    /** Every job is version 1 in SKIP mode; no config-api needed. */
    private static final class FixedJobVersions extends JobVersions {

        FixedJobVersions() {
            super(null, null);
        }

        @Override
        public Optional<JobConfig> find(long jobId, int version) {
            return Optional.of(new JobConfig(jobId, version, 1, 1, "bench", null, null, "62.0", "SELECT Id FROM Case",
                    "CreatedDate", false, null, null, null, null, DuplicateMode.SKIP, null, List.of(), null, null));
        }
    }
}
