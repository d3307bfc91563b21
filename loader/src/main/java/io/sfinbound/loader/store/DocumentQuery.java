package io.sfinbound.loader.store;

import java.time.Instant;

/**
 * Filters and page of a document search; {@code null} filters are not applied.
 *
 * @param from      document date, inclusive
 * @param to        document date, exclusive
 * @param text      case-insensitive "contains" over verbatims and conversation turns
 * @param page      0-based page
 * @param size      page size
 */
public record DocumentQuery(long projectId, Instant from, Instant to, Long jobId, String runId, String naturalId,
        String text, int page, int size) {
}
