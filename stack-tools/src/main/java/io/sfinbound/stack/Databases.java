package io.sfinbound.stack;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Creates the databases of the stack on a PostgreSQL server when they are missing, and derives each database's JDBC
 * URL from the server's URL. The server URL names any database the user may connect to (for example
 * {@code jdbc:postgresql://db.example:5432/postgres?sslmode=require}); its host, port and parameters are kept.
 */
public final class Databases {

    /** config-api's database. */
    public static final String CONFIG = "sfinbound_config";
    /** The loader's document store. */
    public static final String STORE = "sfinbound_store";
    /** Every database the stack needs. */
    public static final List<String> ALL = List.of(CONFIG, STORE);

    private static final Pattern URL = Pattern.compile("^(jdbc:postgresql://[^/?]+)(?:/([^?]*))?(\\?.*)?$");
    private static final Pattern NAME = Pattern.compile("[a-z_][a-z0-9_]{0,62}");
    private static final String DUPLICATE_DATABASE = "42P04";

    private Databases() {
    }

    /**
     * The JDBC URL of {@code database} on the server of {@code serverUrl}.
     *
     * @throws IllegalArgumentException when {@code serverUrl} is not a {@code jdbc:postgresql://host[:port][/db][?params]} URL
     */
    public static String jdbcUrl(String serverUrl, String database) {
        Matcher m = URL.matcher(serverUrl.trim());
        if (!m.matches()) {
            throw new IllegalArgumentException("not a PostgreSQL JDBC URL (jdbc:postgresql://host:port/database): " + serverUrl);
        }
        String params = m.group(3) == null ? "" : m.group(3);
        return m.group(1) + "/" + database + params;
    }

    /**
     * Creates each database that does not exist yet. Safe to run concurrently with another initializer.
     *
     * @param serverUrl JDBC URL of a database the user can connect to
     * @return the databases that were created
     */
    public static List<String> ensure(String serverUrl, String user, String password, List<String> databases) throws SQLException {
        for (String db : databases) {
            if (!NAME.matcher(db).matches()) {
                throw new IllegalArgumentException("not a plain database name: " + db);
            }
        }
        List<String> created = new java.util.ArrayList<>();
        try (Connection c = DriverManager.getConnection(serverUrl, user, password)) {
            for (String db : databases) {
                if (exists(c, db)) {
                    continue;
                }
                try (Statement s = c.createStatement()) {
                    s.execute("CREATE DATABASE " + db); // names checked above; CREATE DATABASE takes no bind parameter
                    created.add(db);
                } catch (SQLException e) {
                    if (!DUPLICATE_DATABASE.equals(e.getSQLState())) {
                        throw e;
                    }
                }
            }
        }
        return created;
    }

    private static boolean exists(Connection c, String db) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT 1 FROM pg_database WHERE datname = ?")) {
            ps.setString(1, db);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next();
            }
        }
    }

    /**
     * {@code db-init --url <server JDBC URL> --user <user> --stack-id ID --stack-path DIR [--reset true] [db...]}
     * (password from {@code SFINBOUND_PG_PASSWORD}): creates the stack's databases, checks that existing ones are this
     * stack's ({@link StackDatabases}), and prints one {@code <database>=<JDBC URL>} line each, for the launcher. Exit 3
     * when a database belongs to another stack.
     */
    static int run(Args args) throws SQLException {
        String url = args.required("url");
        String user = args.get("user", "postgres");
        String password = System.getenv().getOrDefault("SFINBOUND_PG_PASSWORD", "");
        List<String> dbs = args.positional().isEmpty() ? ALL : args.positional();
        for (String db : dbs) {
            if (!NAME.matcher(db).matches()) {
                throw new Args.UsageException("not a plain database name: " + db);
            }
        }
        java.util.Map<String, StackDatabases.Outcome> outcomes;
        try {
            outcomes = StackDatabases.ensure(url, user, password, dbs, args.required("stack-id"), args.get("stack-path", "?"),
                    Boolean.parseBoolean(args.get("reset", "false")));
        } catch (StackDatabases.ForeignDatabaseException e) {
            Console.err(e.getMessage());
            return 3;
        }
        for (String db : dbs) {
            Console.out(db + "=" + jdbcUrl(url, db));
        }
        outcomes.forEach((db, o) -> {
            switch (o) {
                case CREATED -> Console.err("database " + db + ": created");
                case RESET -> Console.err("database " + db + ": dropped (it belonged to another stack) and created again");
                case ADOPTED -> Console.err("database " + db + ": existed without an owner and is now this stack's; if config-api refuses"
                        + " the admin key (401), it holds another admin key: run bin/sfinbound up --reset-db");
                case KEPT -> { }
            }
        });
        return 0;
    }
}
