package io.sfinbound.soql.eval;

import java.util.List;
import java.util.Map;

/**
 * A materialized query result.
 *
 * @param totalSize number of rows of the result (for {@code SELECT COUNT()} queries: the count, with no rows)
 * @param records   the projected rows in order
 */
public record QueryResult(long totalSize, List<Map<String, Object>> records) {

    public QueryResult {
        records = records == null ? List.of() : records;
    }
}
