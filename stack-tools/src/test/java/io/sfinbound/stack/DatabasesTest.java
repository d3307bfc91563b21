package io.sfinbound.stack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import io.sfinbound.testing.TestPostgres;

/**
 * {@link Databases} against a real PostgreSQL server (the tests' server, {@link TestPostgres}). Plain JUnit: the
 * launcher's tools are not a Quarkus application.
 */
class DatabasesTest {

    private final String db = "sfinbound_stacktools_test_" + ProcessHandle.current().pid();

    @AfterEach
    void dropDatabase() throws Exception {
        try (Connection c = DriverManager.getConnection(TestPostgres.jdbcUrl("postgres"), TestPostgres.user(), TestPostgres.password());
                Statement s = c.createStatement()) {
            s.execute("DROP DATABASE IF EXISTS " + db);
        }
    }

    @Test
    void derivesEachDatabaseUrlFromTheServerUrlKeepingHostPortAndParameters() {
        assertThat(Databases.jdbcUrl("jdbc:postgresql://db.example:6543/postgres?sslmode=require&ApplicationName=x", "sfinbound_store"))
                .isEqualTo("jdbc:postgresql://db.example:6543/sfinbound_store?sslmode=require&ApplicationName=x");
        assertThat(Databases.jdbcUrl("jdbc:postgresql://127.0.0.1:5432/", "sfinbound_config"))
                .isEqualTo("jdbc:postgresql://127.0.0.1:5432/sfinbound_config");
        assertThat(Databases.jdbcUrl("jdbc:postgresql://localhost", "sfinbound_config"))
                .isEqualTo("jdbc:postgresql://localhost/sfinbound_config");
        assertThat(Databases.jdbcUrl("jdbc:postgresql://h1:5432,h2:5432/app", "sfinbound_config"))
                .isEqualTo("jdbc:postgresql://h1:5432,h2:5432/sfinbound_config");
    }

    @Test
    void refusesAUrlThatIsNotPostgres() {
        assertThatThrownBy(() -> Databases.jdbcUrl("jdbc:mysql://db:3306/x", "sfinbound_config"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("jdbc:mysql://db:3306/x");
    }

    @Test
    void createsAMissingDatabaseOnceAndLeavesAnExistingOne() throws Exception {
        String server = TestPostgres.jdbcUrl("postgres");

        List<String> first = Databases.ensure(server, TestPostgres.user(), TestPostgres.password(), List.of(db));
        List<String> second = Databases.ensure(server, TestPostgres.user(), TestPostgres.password(), List.of(db));

        assertThat(first).containsExactly(db);
        assertThat(second).isEmpty();
        try (Connection c = DriverManager.getConnection(Databases.jdbcUrl(server, db), TestPostgres.user(), TestPostgres.password())) {
            assertThat(c.getCatalog()).isEqualTo(db);
        }
    }

    @Test
    void refusesANameThatIsNotAPlainIdentifier() {
        assertThatThrownBy(() -> Databases.ensure("jdbc:postgresql://127.0.0.1:1/x", "u", "", List.of("x; DROP DATABASE y")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("not a plain database name");
    }
}
