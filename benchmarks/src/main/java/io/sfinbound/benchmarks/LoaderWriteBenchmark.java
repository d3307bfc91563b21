package io.sfinbound.benchmarks;

import java.io.InputStream;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;
import org.postgresql.ds.PGSimpleDataSource;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.sfinbound.common.job.DuplicateMode;
import io.sfinbound.common.job.JobConfig;
import io.sfinbound.common.record.AttributeType;
import io.sfinbound.common.record.AttributeValue;
import io.sfinbound.common.record.DocumentKind;
import io.sfinbound.common.record.DocumentMessage;
import io.sfinbound.common.record.Verbatim;
import io.sfinbound.common.record.XmdDocument;
import io.sfinbound.loader.config.JobVersions;
import io.sfinbound.loader.load.BatchOutcome;
import io.sfinbound.loader.load.InboundMessage;
import io.sfinbound.loader.load.LoadService;
import io.sfinbound.loader.sink.PostgresDocumentSink;
import io.sfinbound.loader.store.DocumentStore;

/**
 * The loader's batch transaction ({@link LoadService#load}: outcome lookup, row locks, duplicate decisions, COPY of
 * documents and outcomes, run counters, commit) into PostgreSQL on 127.0.0.1:5432, database
 * {@code sfinbound_bench_jmh} (recreated; {@code -Dbench.jdbc-url=...} to change), with new 2 KB documents. Kafka
 * is not included. One operation is one batch (JMH cannot scale a score by a parameter): documents per second =
 * score x {@code batchSize}. The table grows during the run, as a real store does.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 5)
@Measurement(iterations = 5, time = 5)
@Fork(1)
public class LoaderWriteBenchmark {

    private static final List<String> MIGRATIONS = List.of("V1__document_store.sql", "V2__faster_writes.sql");

    @Param({"500", "2000"})
    public int batchSize;

    private Connection connection;
    private LoadService service;
    private long project;
    private int next;
    private List<InboundMessage> batch;

    @Setup(Level.Trial)
    public void setUp() throws Exception {
        String url = System.getProperty("bench.jdbc-url", "jdbc:postgresql://127.0.0.1:5432/sfinbound_bench_jmh");
        String user = System.getProperty("bench.jdbc-user", "postgres");
        String password = System.getProperty("bench.jdbc-password", "");
        createDatabase(url, user, password);
        connection = DriverManager.getConnection(url, user, password);
        try (Statement s = connection.createStatement()) {
            s.execute("DROP SCHEMA public CASCADE; CREATE SCHEMA public");
            for (String m : MIGRATIONS) {
                try (InputStream in = LoadService.class.getResourceAsStream("/db/migration/" + m)) {
                    s.execute(new String(in.readAllBytes(), StandardCharsets.UTF_8));
                }
            }
        }
        DocumentStore store = new DocumentStore(singleConnection(connection));
        service = new LoadService(store, new PostgresDocumentSink(store), new FixedJobVersions(), new SimpleMeterRegistry());
        project = 1;
    }

    @TearDown(Level.Trial)
    public void tearDown() throws SQLException {
        connection.close();
    }

    /** A batch of new documents of a new run, built outside the measurement. */
    @Setup(Level.Invocation)
    public void nextBatch() {
        String run = UUID.randomUUID().toString();
        batch = new ArrayList<>(batchSize);
        for (int i = 0; i < batchSize; i++) {
            batch.add(message(run, project, next++));
        }
    }

    @Benchmark
    public BatchOutcome loadBatch() {
        return service.load(batch);
    }

    static InboundMessage message(String run, long project, int i) {
        String naturalId = "Salesforce;" + String.format("570%015d", i);
        DocumentMessage m = new DocumentMessage(run, 1, 1, project, naturalId.substring(11), DocumentKind.DOCUMENT, null,
                document(naturalId, i));
        return new InboundMessage(project + "/" + naturalId, m, null, null, Map.of());
    }

    /** About 2 KB of JSON: a 1,200-character verbatim and ten attributes (as the loader's StoreBenchmark). */
    static XmdDocument document(String naturalId, int i) {
        Map<String, AttributeValue> attrs = new LinkedHashMap<>();
        for (int a = 0; a < 10; a++) {
            attrs.put("attribute_" + a, new AttributeValue(AttributeType.TEXT,
                    JsonNodeFactory.instance.textNode("value " + a + " of document " + i)));
        }
        String text = "The agent was helpful and solved my billing issue quickly, thanks. ".repeat(18);
        return new XmdDocument(naturalId, Instant.parse("2026-01-01T00:00:00Z").plusSeconds(i), "Salesforce", "Salesforce",
                "Operational reporting", "bench", attrs, List.of(new Verbatim("feedback", text)), null, 0);
    }

    private static void createDatabase(String url, String user, String password) throws SQLException {
        String name = url.substring(url.lastIndexOf('/') + 1);
        String admin = url.substring(0, url.lastIndexOf('/') + 1) + "postgres";
        try (Connection c = DriverManager.getConnection(admin, user, password); Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("SELECT 1 FROM pg_database WHERE datname = '" + name.replace("'", "") + "'")) {
            if (!rs.next()) {
                s.execute("CREATE DATABASE \"" + name.replace("\"", "") + "\"");
            }
        }
    }

    /** One long-lived connection, as the loader's pool hands out; {@code close()} only ends the transaction. */
    static PGSimpleDataSource singleConnection(Connection shared) {
        Connection proxy = (Connection) Proxy.newProxyInstance(LoaderWriteBenchmark.class.getClassLoader(),
                new Class<?>[] {Connection.class}, (p, method, args) -> {
                    if (method.getName().equals("close")) {
                        if (!shared.getAutoCommit()) {
                            shared.rollback();
                            shared.setAutoCommit(true);
                        }
                        return null;
                    }
                    try {
                        return method.invoke(shared, args);
                    } catch (InvocationTargetException e) {
                        throw e.getCause();
                    }
                });
        return new PGSimpleDataSource() {
            @Override
            public Connection getConnection() {
                return proxy;
            }
        };
    }

    /** Every job is version 1 in SKIP mode; no config-api needed. */
    static final class FixedJobVersions extends JobVersions {

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
