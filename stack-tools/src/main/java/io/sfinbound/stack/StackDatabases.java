package io.sfinbound.stack;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The stack's databases on a shared PostgreSQL server (the local one, or a configured one), marked as belonging to
 * one stack folder by a database comment. config-api keeps the stack's admin key (only when no admin key exists yet)
 * and encrypts connection secrets with the stack's key, so a second stack folder (another clone) reusing the
 * databases of the first would be refused with 401 or fail to decrypt; the launcher says so instead, and can reset
 * them on request.
 */
public final class StackDatabases {

    private static final String MARK = "sfinbound stack ";

    /** What happened to a database. */
    public enum Outcome {
        /** It did not exist and was created for this stack. */
        CREATED,
        /** It exists and belongs to this stack. */
        KEPT,
        /** It existed without an owner (made by hand or by an older launcher) and now belongs to this stack. */
        ADOPTED,
        /** It belonged to another stack and was dropped and created again, on request. */
        RESET
    }

    /** A database belongs to another stack folder. */
    public static final class ForeignDatabaseException extends Exception {
        private static final long serialVersionUID = 1L;

        public ForeignDatabaseException(String message) {
            super(message);
        }
    }

    private StackDatabases() {
    }

    /**
     * Creates the databases this stack lacks and checks that the others are its own.
     *
     * @param stackId   this stack's id
     * @param stackPath this stack's folder, for messages
     * @param reset     drop and create again a database of another stack instead of refusing
     * @throws ForeignDatabaseException when a database belongs to another stack and {@code reset} is false
     */
    public static Map<String, Outcome> ensure(String serverUrl, String user, String password, List<String> databases,
            String stackId, String stackPath, boolean reset) throws SQLException, ForeignDatabaseException {
        Map<String, Outcome> outcomes = new LinkedHashMap<>();
        String mark = MARK + stackId + " " + stackPath;
        try (Connection c = DriverManager.getConnection(serverUrl, user, password)) {
            for (String db : databases) {
                Optional<Optional<String>> comment = comment(c, db);
                if (comment.isEmpty()) {
                    create(serverUrl, user, password, db);
                    outcomes.put(db, Outcome.CREATED);
                } else if (comment.get().filter(t -> t.startsWith(MARK)).isEmpty()) {
                    outcomes.put(db, Outcome.ADOPTED);
                } else if (owner(comment.get().get()).equals(stackId)) {
                    outcomes.put(db, Outcome.KEPT);
                } else if (reset) {
                    drop(c, db);
                    create(serverUrl, user, password, db);
                    outcomes.put(db, Outcome.RESET);
                } else {
                    String other = comment.get().get().substring(MARK.length() + owner(comment.get().get()).length()).trim();
                    throw new ForeignDatabaseException("database " + db + " belongs to the stack in " + other
                            + " (its admin key and encryption key are in that stack's secrets). Run that stack, or start this one with"
                            + " --reset-db to drop and recreate " + String.join(", ", databases)
                            + ", or use SFINBOUND_PG_EMBEDDED=true for a server of this stack's own");
                }
                if (outcomes.get(db) != Outcome.KEPT) {
                    try (Statement s = c.createStatement()) {
                        s.execute("COMMENT ON DATABASE " + db + " IS '" + mark.replace("'", "''") + "'");
                    }
                }
            }
        }
        return outcomes;
    }

    private static String owner(String comment) {
        String rest = comment.substring(MARK.length());
        int space = rest.indexOf(' ');
        return space < 0 ? rest : rest.substring(0, space);
    }

    /** Empty when the database does not exist; otherwise its comment, if any. */
    private static Optional<Optional<String>> comment(Connection c, String db) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(
                "SELECT shobj_description(oid, 'pg_database') FROM pg_database WHERE datname = ?")) {
            ps.setString(1, db);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(Optional.ofNullable(rs.getString(1))) : Optional.empty();
            }
        }
    }

    private static void create(String serverUrl, String user, String password, String db) throws SQLException {
        Databases.ensure(serverUrl, user, password, List.of(db));
    }

    private static void drop(Connection c, String db) throws SQLException {
        try (Statement s = c.createStatement()) {
            s.execute("DROP DATABASE " + db + " WITH (FORCE)"); // PostgreSQL 13+: ends the sessions of a stopped stack's leftovers
        } catch (SQLException e) {
            if (!"42601".equals(e.getSQLState())) { // syntax error: a server before 13
                throw e;
            }
            try (Statement s = c.createStatement()) {
                s.execute("DROP DATABASE " + db);
            }
        }
    }
}
