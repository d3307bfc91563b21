package io.sfinbound.loader.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import io.sfinbound.testing.TestPostgres;
import org.junit.jupiter.api.Test;

/** COPY text encoding against a real PostgreSQL: what goes in comes back unchanged, and a duplicate key is 23505. */
class CopyRowsTest {

    private static final List<String> AWKWARD = Arrays.asList("plain", "tab\there", "line\nbreak\r\nwindows",
            "back\\slash \\N \\. \\t", "{\"json\":\"a \\\"quote\\\" and \\\\n\"}", "", null, "ünïcødé ✓ 😀", "\\.");

    @Test
    void awkwardValuesRoundTrip() throws SQLException {
        try (Connection c = connect(); Statement s = c.createStatement()) {
            c.setAutoCommit(false);
            s.execute("CREATE TEMP TABLE copy_rows_test (n int PRIMARY KEY, v text) ON COMMIT DROP");
            long copied;
            try (CopyRows rows = new CopyRows(c, "COPY copy_rows_test (n, v) FROM STDIN")) {
                for (int i = 0; i < AWKWARD.size(); i++) {
                    rows.field(Integer.toString(i)).last(AWKWARD.get(i));
                }
                copied = rows.finish();
            }
            assertThat(copied).isEqualTo(AWKWARD.size());
            List<String> back = new ArrayList<>();
            try (ResultSet rs = s.executeQuery("SELECT v FROM copy_rows_test ORDER BY n")) {
                while (rs.next()) {
                    back.add(rs.getString(1));
                }
            }
            assertThat(back).containsExactlyElementsOf(AWKWARD);
            c.rollback();
        }
    }

    @Test
    void duplicateKeyIsAUniqueViolationThatRetriesTheBatch() throws SQLException {
        try (Connection c = connect(); Statement s = c.createStatement()) {
            c.setAutoCommit(false);
            s.execute("CREATE TEMP TABLE copy_rows_dup (n int PRIMARY KEY) ON COMMIT DROP");
            assertThatThrownBy(() -> {
                try (CopyRows rows = new CopyRows(c, "COPY copy_rows_dup (n) FROM STDIN")) {
                    rows.last("1").last("1");
                    rows.finish();
                }
            }).isInstanceOfSatisfying(SQLException.class, e -> assertThat(e.getSQLState()).isEqualTo("23505"));
            c.rollback();
        }
    }

    private static Connection connect() throws SQLException {
        return DriverManager.getConnection(TestPostgres.jdbcUrl("postgres"), TestPostgres.user(), TestPostgres.password());
    }
}
