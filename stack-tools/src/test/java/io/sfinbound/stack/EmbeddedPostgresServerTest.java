package io.sfinbound.stack;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.sfinbound.testing.ServiceProcess;

/**
 * The embedded PostgreSQL of the local stack keeps its data across a stop and a start on the same data directory, as
 * {@code bin/sfinbound stop} followed by {@code up} does. Plain JUnit: the server is started directly, no Quarkus.
 */
class EmbeddedPostgresServerTest {

    /** Unpacked once per build, not per test run. */
    private static final Path BINARIES = Path.of("target", "embedded-pg-binaries").toAbsolutePath();

    @TempDir
    Path data;

    @Test
    void keepsDatabasesAndRowsAcrossARestartOnTheSameDataDirectory() throws Exception {
        int port = ServiceProcess.freePort();
        try (EmbeddedPostgresServer pg = EmbeddedPostgresServer.start(port, data, BINARIES)) {
            assertThat(pg.port()).isEqualTo(port);
            Databases.ensure(pg.jdbcUrl("postgres"), EmbeddedPostgresServer.USER, "", List.of(Databases.STORE));
            try (Connection c = DriverManager.getConnection(pg.jdbcUrl(Databases.STORE), EmbeddedPostgresServer.USER, "");
                    Statement s = c.createStatement()) {
                s.execute("CREATE TABLE kept (v text)");
                s.execute("INSERT INTO kept VALUES ('survives a restart')");
            }
        }

        try (EmbeddedPostgresServer pg = EmbeddedPostgresServer.start(port, data, BINARIES)) {
            assertThat(Databases.ensure(pg.jdbcUrl("postgres"), EmbeddedPostgresServer.USER, "", List.of(Databases.STORE))).isEmpty();
            try (Connection c = DriverManager.getConnection(pg.jdbcUrl(Databases.STORE), EmbeddedPostgresServer.USER, "");
                    Statement s = c.createStatement();
                    ResultSet rs = s.executeQuery("SELECT v FROM kept")) {
                assertThat(rs.next()).isTrue();
                assertThat(rs.getString(1)).isEqualTo("survives a restart");
            }
        }
    }
}
