package io.sfinbound.loader.api;

import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.logging.Log;
import io.sfinbound.common.problem.ProblemException;
import io.sfinbound.loader.store.DocumentQuery;
import io.sfinbound.loader.store.DocumentStore;
import io.sfinbound.loader.store.StoredDocument;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

/** The read side of the document store: search, one document, a run's report, purge of a run. */
@ApplicationScoped
public class DocumentService {

    static final int MAX_PAGE_SIZE = 500;

    private final DocumentStore store;

    public DocumentService(DocumentStore store) {
        this.store = store;
    }

    /** Documents of a project matching the filters ({@code null} filters are not applied). */
    public DocumentPage findDocuments(long projectId, String from, String to, Long jobId, String runId, String naturalId,
            String text, Integer page, Integer size) {
        requireProjectId(projectId);
        int p = page == null ? 0 : page;
        int s = size == null ? 50 : size;
        if (jobId != null && jobId < 1) {
            throw ProblemException.badRequest("jobId", "must be a positive job id");
        }
        if (p < 0) {
            throw ProblemException.badRequest("page", "must be 0 or more");
        }
        if (s < 1 || s > MAX_PAGE_SIZE) {
            throw ProblemException.badRequest("size", "must be between 1 and " + MAX_PAGE_SIZE);
        }
        Instant f = instant("from", from);
        Instant t = instant("to", to);
        if (f != null && t != null && !f.isBefore(t)) {
            throw ProblemException.badRequest("to", "must be after from");
        }
        DocumentQuery q = new DocumentQuery(projectId, f, t, jobId, emptyToNull(runId), emptyToNull(naturalId),
                emptyToNull(text), p, s);
        try {
            DocumentStore.Page result = store.search(q);
            return new DocumentPage(result.items(), p, s, result.total());
        } catch (SQLException e) {
            throw new IllegalStateException("document search failed", e);
        }
    }

    /** Project ids are config-api's identity values, from 1: another number is a mistake, not an empty project. */
    private static void requireProjectId(long projectId) {
        if (projectId < 1) {
            throw ProblemException.badRequest("projectId", "must be a positive project id");
        }
    }

    /** One document by natural id. */
    public StoredDocument findDocument(long projectId, String naturalId) {
        requireProjectId(projectId);
        try {
            return store.find(projectId, naturalId)
                    .orElseThrow(() -> ProblemException.notFound("document " + naturalId + " of project " + projectId));
        } catch (SQLException e) {
            throw new IllegalStateException("document lookup failed", e);
        }
    }

    /** Writes the run's processed-documents report as CSV, one row per accounted record. */
    public void writeReport(String runId, OutputStream out) {
        try {
            Writer w = new OutputStreamWriter(out, StandardCharsets.UTF_8);
            CSVPrinter csv = new CSVPrinter(w, CSVFormat.RFC4180.builder()
                    .setHeader("run_id", "job_id", "project_id", "source_record_id", "natural_id", "outcome", "reason",
                            "decided_at")
                    .get());
            store.forEachOutcome(runId, row -> {
                try {
                    csv.printRecord(row.runId(), row.jobId(), row.projectId(), row.sourceRecordId(), row.naturalId(),
                            row.outcome(), row.reason(), row.decidedAt());
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
            csv.flush();
        } catch (IOException | UncheckedIOException e) {
            Log.debugf("[writeReport] - client went away: %s", e.getMessage());
        } catch (SQLException e) {
            throw new IllegalStateException("report of run " + runId + " failed", e);
        }
    }

    /** Checks the run exists at the loader before a streamed answer starts (a 404 cannot follow a 200). */
    public void requireKnownRun(String runId) {
        try {
            if (!store.runKnown(runId)) {
                throw ProblemException.notFound("run " + runId);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("run lookup failed", e);
        }
    }

    /** Deletes the documents that the run wrote last; returns how many. */
    public int purgeRun(String runId) {
        requireKnownRun(runId);
        try {
            int deleted = store.purgeRun(runId);
            Log.infof("[purgeRun] - purged %d documents of run %s", deleted, runId);
            return deleted;
        } catch (SQLException e) {
            throw new IllegalStateException("purge of run " + runId + " failed", e);
        }
    }

    private static Instant instant(String field, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return Instant.parse(value);
        } catch (DateTimeParseException e) {
            try {
                return LocalDate.parse(value).atStartOfDay(ZoneOffset.UTC).toInstant();
            } catch (DateTimeParseException e2) {
                throw ProblemException.badRequest(field, "must be an ISO-8601 instant (2026-01-31T00:00:00Z) or date (2026-01-31)");
            }
        }
    }

    private static String emptyToNull(String s) {
        return s == null || s.isEmpty() ? null : s;
    }
}
