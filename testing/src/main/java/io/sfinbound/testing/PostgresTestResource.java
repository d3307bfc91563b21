package io.sfinbound.testing;

import java.util.Map;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

/**
 * Points a {@code @QuarkusTest} at a real PostgreSQL database ({@link TestPostgres}). The database name comes from the
 * init argument {@code database} (default {@code sfinbound_test}); give each module its own so that modules never share
 * tables.
 */
public class PostgresTestResource implements QuarkusTestResourceLifecycleManager {

    private String database = "sfinbound_test";

    @Override
    public void init(Map<String, String> initArgs) {
        database = initArgs.getOrDefault("database", database);
    }

    @Override
    public Map<String, String> start() {
        return Map.of(
                "quarkus.datasource.jdbc.url", TestPostgres.jdbcUrl(database),
                "quarkus.datasource.username", TestPostgres.user(),
                "quarkus.datasource.password", TestPostgres.password());
    }

    @Override
    public void stop() {
        // the server is shared by the test JVM
    }
}
