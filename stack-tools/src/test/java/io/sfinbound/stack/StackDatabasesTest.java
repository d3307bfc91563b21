package io.sfinbound.stack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import io.sfinbound.stack.StackDatabases.Outcome;
import io.sfinbound.testing.TestPostgres;

/**
 * Ownership of the stack's databases on a shared PostgreSQL server (the tests' real server): created and marked for
 * one stack, kept for it, refused to another stack, reset on request. Plain JUnit: no Quarkus application.
 */
class StackDatabasesTest {

    private final String db = "sfinbound_stacktools_own_" + ProcessHandle.current().pid();
    private final String server = TestPostgres.jdbcUrl("postgres");

    @AfterEach
    void drop() throws Exception {
        sql("DROP DATABASE IF EXISTS " + db);
    }

    private void sql(String statement) throws Exception {
        try (Connection c = DriverManager.getConnection(server, TestPostgres.user(), TestPostgres.password());
                Statement s = c.createStatement()) {
            s.execute(statement);
        }
    }

    private Map<String, Outcome> ensure(String stackId, boolean reset) throws Exception {
        return StackDatabases.ensure(server, TestPostgres.user(), TestPostgres.password(), List.of(db), stackId, "/clones/" + stackId + "/.stack", reset);
    }

    private void putRow(String value) throws Exception {
        try (Connection c = DriverManager.getConnection(Databases.jdbcUrl(server, db), TestPostgres.user(), TestPostgres.password());
                Statement s = c.createStatement()) {
            s.execute("CREATE TABLE IF NOT EXISTS marker (v text)");
            s.execute("INSERT INTO marker VALUES ('" + value + "')");
        }
    }

    private long rows() throws Exception {
        try (Connection c = DriverManager.getConnection(Databases.jdbcUrl(server, db), TestPostgres.user(), TestPostgres.password());
                Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("SELECT count(*) FROM pg_tables WHERE tablename = 'marker'")) {
            rs.next();
            return rs.getLong(1);
        }
    }

    @Test
    void createsForOneStackThenKeepsItsDataForThatStack() throws Exception {
        assertThat(ensure("stackA", false)).containsEntry(db, Outcome.CREATED);
        putRow("a");

        assertThat(ensure("stackA", false)).containsEntry(db, Outcome.KEPT);
        assertThat(rows()).isEqualTo(1);
    }

    @Test
    void refusesTheDatabaseOfAnotherStackNamingItsFolder() throws Exception {
        ensure("stackA", false);
        putRow("a");

        assertThatThrownBy(() -> ensure("stackB", false))
                .isInstanceOf(StackDatabases.ForeignDatabaseException.class)
                .hasMessageContaining("belongs to the stack in /clones/stackA/.stack")
                .hasMessageContaining("--reset-db");
        assertThat(rows()).as("nothing was dropped").isEqualTo(1);
    }

    @Test
    void resetDropsTheOtherStacksDatabaseAndGivesANewOneToThisStack() throws Exception {
        ensure("stackA", false);
        putRow("a");

        assertThat(ensure("stackB", true)).containsEntry(db, Outcome.RESET);

        assertThat(rows()).as("a fresh database").isZero();
        assertThat(ensure("stackB", false)).containsEntry(db, Outcome.KEPT);
        assertThatThrownBy(() -> ensure("stackA", false)).isInstanceOf(StackDatabases.ForeignDatabaseException.class);
    }

    @Test
    void adoptsADatabaseWithoutOwnerAndKeepsItsData() throws Exception {
        sql("CREATE DATABASE " + db);
        putRow("made by hand");

        assertThat(ensure("stackA", false)).containsEntry(db, Outcome.ADOPTED);

        assertThat(rows()).isEqualTo(1);
        assertThat(ensure("stackA", false)).containsEntry(db, Outcome.KEPT);
    }
}
