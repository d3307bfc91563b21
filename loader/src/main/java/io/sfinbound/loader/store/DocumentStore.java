package io.sfinbound.loader.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;

import javax.sql.DataSource;

import jakarta.enterprise.context.ApplicationScoped;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.sfinbound.common.kafka.Json;
import io.sfinbound.common.record.LoadOutcome;
import io.sfinbound.common.record.XmdDocument;

/**
 * The PostgreSQL document store and the loader's accounting tables, in plain JDBC. Batch writes pass whole columns as
 * arrays to one {@code unnest} statement: one round trip per batch, whatever its size.
 */
@ApplicationScoped
public class DocumentStore {

    private final DataSource dataSource;

    public DocumentStore(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** A connection with auto-commit off, for one batch transaction. */
    public Connection begin() throws SQLException {
        Connection c = dataSource.getConnection();
        c.setAutoCommit(false);
        return c;
    }

    /** Key of an outcome row in maps: {@code runId + '\n' + sourceRecordId}. */
    public static String outcomeKey(String runId, String sourceRecordId) {
        return runId + '\n' + sourceRecordId;
    }

    /** Key of a document in maps: {@code projectId + '\n' + naturalId}. */
    public static String documentKey(long projectId, String naturalId) {
        return projectId + "\n" + naturalId;
    }

    /** The outcome rows that already exist for these (run, source record) pairs, by {@link #outcomeKey}. */
    public Map<String, OutcomeRow> findOutcomes(Connection c, List<String> runIds, List<String> sourceRecordIds) throws SQLException {
        Map<String, OutcomeRow> found = new HashMap<>();
        if (runIds.isEmpty()) {
            return found;
        }
        try (PreparedStatement ps = c.prepareStatement("""
                SELECT o.run_id, o.source_record_id, o.job_id, o.project_id, o.natural_id, o.outcome, o.reason,
                       o.error, o.dead_lettered, o.decided_at
                  FROM load_outcome o
                  JOIN unnest(?::text[], ?::text[]) AS k(run_id, source_record_id)
                    ON o.run_id = k.run_id AND o.source_record_id = k.source_record_id""")) {
            ps.setArray(1, c.createArrayOf("text", runIds.toArray()));
            ps.setArray(2, c.createArrayOf("text", sourceRecordIds.toArray()));
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    OutcomeRow row = new OutcomeRow(rs.getString(1), rs.getString(2), rs.getLong(3), rs.getLong(4),
                            rs.getString(5), LoadOutcome.valueOf(rs.getString(6)), rs.getString(7), rs.getString(8),
                            rs.getBoolean(9), rs.getTimestamp(10).toInstant());
                    found.put(outcomeKey(row.runId(), row.sourceRecordId()), row);
                }
            }
        }
        return found;
    }

    /**
     * Locks and returns the stored documents with these (project, natural id) pairs, by {@link #documentKey}. The lock
     * keeps another loader instance (during a rebalance) from deciding on the same documents at the same time.
     */
    public Map<String, ObjectNode> lockDocuments(Connection c, List<Long> projectIds, List<String> naturalIds) throws SQLException {
        Map<String, ObjectNode> found = new HashMap<>();
        if (projectIds.isEmpty()) {
            return found;
        }
        try (PreparedStatement ps = c.prepareStatement("""
                SELECT d.project_id, d.natural_id, d.body::text
                  FROM document d
                  JOIN unnest(?::bigint[], ?::text[]) AS k(project_id, natural_id)
                    ON d.project_id = k.project_id AND d.natural_id = k.natural_id
                   FOR UPDATE OF d""")) {
            ps.setArray(1, c.createArrayOf("bigint", projectIds.toArray()));
            ps.setArray(2, c.createArrayOf("text", naturalIds.toArray()));
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    found.put(documentKey(rs.getLong(1), rs.getString(2)), (ObjectNode) Json.mapper().readTree(rs.getString(3)));
                }
            } catch (JsonProcessingException e) {
                throw new IllegalStateException("stored document body is not JSON", e);
            }
        }
        return found;
    }

    /** Inserts new documents and overwrites existing ones. */
    public void writeDocuments(Connection c, List<DocumentWrite> writes, Instant loadDate) throws SQLException {
        List<DocumentWrite> inserts = writes.stream().filter(DocumentWrite::insert).toList();
        List<DocumentWrite> updates = writes.stream().filter(w -> !w.insert()).toList();
        if (!inserts.isEmpty()) {
            // COPY, not INSERT ... unnest: binding a batch's bodies as one text[] parameter and casting it to jsonb[]
            // cost more than the insert itself (measured: see README, "Throughput"). A natural id inserted meanwhile by
            // another transaction makes COPY fail with a unique violation (23505), which retries the whole batch, as
            // the former ON CONFLICT DO NOTHING row count did.
            long inserted;
            try (CopyRows rows = new CopyRows(c, """
                    COPY document (project_id, natural_id, job_id, job_version, run_id, source_record_id, document_date,
                                   load_date, body, search_text) FROM STDIN""")) {
                String load = loadDate.toString();
                for (DocumentWrite w : inserts) {
                    rows.field(Long.toString(w.projectId())).field(w.naturalId()).field(Long.toString(w.jobId()))
                            .field(Integer.toString(w.jobVersion())).field(w.runId()).field(w.sourceRecordId())
                            .field(w.documentDate() == null ? null : w.documentDate().toString()).field(load)
                            .field(w.bodyJson()).last(w.searchText());
                }
                inserted = rows.finish();
            }
            if (inserted != inserts.size()) {
                throw new ConcurrentWriteException((inserts.size() - inserted) + " documents were not inserted");
            }
        }
        if (!updates.isEmpty()) {
            try (PreparedStatement ps = c.prepareStatement("""
                    UPDATE document d
                       SET job_id = u.job_id, job_version = u.job_version, run_id = u.run_id,
                           source_record_id = u.source_record_id, document_date = u.document_date, load_date = ?,
                           body = u.body, search_text = u.search_text
                      FROM unnest(?::bigint[], ?::text[], ?::bigint[], ?::int[], ?::text[], ?::text[], ?::timestamptz[],
                                  ?::jsonb[], ?::text[])
                           AS u(project_id, natural_id, job_id, job_version, run_id, source_record_id, document_date, body,
                                search_text)
                     WHERE d.project_id = u.project_id AND d.natural_id = u.natural_id""")) {
                ps.setTimestamp(1, Timestamp.from(loadDate));
                bindColumns(c, ps, 2, updates);
                int updated = ps.executeUpdate();
                if (updated != updates.size()) {
                    throw new ConcurrentWriteException((updates.size() - updated) + " documents were deleted concurrently");
                }
            }
        }
    }

    private static void bindColumns(Connection c, PreparedStatement ps, int first, List<DocumentWrite> ws) throws SQLException {
        int n = ws.size();
        Long[] projectIds = new Long[n];
        String[] naturalIds = new String[n];
        Long[] jobIds = new Long[n];
        Integer[] versions = new Integer[n];
        String[] runIds = new String[n];
        String[] sourceIds = new String[n];
        String[] dates = new String[n];
        String[] bodies = new String[n];
        String[] texts = new String[n];
        for (int i = 0; i < n; i++) {
            DocumentWrite w = ws.get(i);
            projectIds[i] = w.projectId();
            naturalIds[i] = w.naturalId();
            jobIds[i] = w.jobId();
            versions[i] = w.jobVersion();
            runIds[i] = w.runId();
            sourceIds[i] = w.sourceRecordId();
            dates[i] = w.documentDate() == null ? null : w.documentDate().toString();
            bodies[i] = w.bodyJson();
            texts[i] = w.searchText();
        }
        int i = first;
        ps.setArray(i++, c.createArrayOf("bigint", projectIds));
        ps.setArray(i++, c.createArrayOf("text", naturalIds));
        ps.setArray(i++, c.createArrayOf("bigint", jobIds));
        ps.setArray(i++, c.createArrayOf("int4", versions));
        ps.setArray(i++, c.createArrayOf("text", runIds));
        ps.setArray(i++, c.createArrayOf("text", sourceIds));
        ps.setArray(i++, c.createArrayOf("text", dates));
        ps.setArray(i++, c.createArrayOf("text", bodies));
        ps.setArray(i, c.createArrayOf("text", texts));
    }

    /** Inserts outcome rows; they must all be new (checked before, under the batch's locks). */
    public void insertOutcomes(Connection c, List<OutcomeRow> rows) throws SQLException {
        if (rows.isEmpty()) {
            return;
        }
        // COPY for the same reason as the documents; a row recorded meanwhile by another transaction is a unique
        // violation (23505) that retries the batch
        long inserted;
        try (CopyRows copy = new CopyRows(c, """
                COPY load_outcome (run_id, source_record_id, job_id, project_id, natural_id, outcome, reason, error,
                                   dead_lettered, decided_at) FROM STDIN""")) {
            for (OutcomeRow r : rows) {
                copy.field(r.runId()).field(r.sourceRecordId()).field(Long.toString(r.jobId()))
                        .field(Long.toString(r.projectId())).field(r.naturalId()).field(r.outcome().name())
                        .field(r.reason()).field(r.error()).field(r.deadLettered() ? "t" : "f").last(r.decidedAt().toString());
            }
            inserted = copy.finish();
        }
        if (inserted != rows.size()) {
            throw new ConcurrentWriteException((rows.size() - inserted) + " outcomes were not recorded");
        }
    }

    /**
     * Adds the batch's new outcomes of one run to its counters and takes the next sequence number. The row lock taken
     * by the upsert orders concurrent batches of the same run, so a higher sequence always carries counters that
     * include every lower one.
     */
    public RunCounters advance(Connection c, String runId, long jobId, EnumMap<LoadOutcome, Long> delta, Instant now)
            throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("""
                INSERT INTO run_progress AS p (run_id, job_id, sequence, loaded, updated, unchanged, skipped_duplicate,
                                               filtered, failed, updated_at)
                VALUES (?, ?, 1, ?, ?, ?, ?, ?, ?, ?)
                ON CONFLICT (run_id) DO UPDATE
                   SET sequence = p.sequence + 1,
                       loaded = p.loaded + excluded.loaded,
                       updated = p.updated + excluded.updated,
                       unchanged = p.unchanged + excluded.unchanged,
                       skipped_duplicate = p.skipped_duplicate + excluded.skipped_duplicate,
                       filtered = p.filtered + excluded.filtered,
                       failed = p.failed + excluded.failed,
                       updated_at = excluded.updated_at
                RETURNING sequence, loaded, updated, unchanged, skipped_duplicate, filtered, failed""")) {
            ps.setString(1, runId);
            ps.setLong(2, jobId);
            int i = 3;
            for (LoadOutcome o : LoadOutcome.values()) {
                ps.setLong(i++, delta.getOrDefault(o, 0L));
            }
            ps.setTimestamp(i, Timestamp.from(now));
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return new RunCounters(runId, jobId, rs.getLong(1), rs.getLong(2), rs.getLong(3), rs.getLong(4),
                        rs.getLong(5), rs.getLong(6), rs.getLong(7));
            }
        }
    }

    // ---- read side ----

    /** One page of documents matching the query, with the total count. */
    public Page search(DocumentQuery q) throws SQLException {
        StringBuilder where = new StringBuilder(" WHERE project_id = ?");
        List<Object> params = new ArrayList<>();
        params.add(q.projectId());
        if (q.from() != null) {
            where.append(" AND document_date >= ?");
            params.add(Timestamp.from(q.from()));
        }
        if (q.to() != null) {
            where.append(" AND document_date < ?");
            params.add(Timestamp.from(q.to()));
        }
        if (q.jobId() != null) {
            where.append(" AND job_id = ?");
            params.add(q.jobId());
        }
        if (q.runId() != null) {
            where.append(" AND run_id = ?");
            params.add(q.runId());
        }
        if (q.naturalId() != null) {
            where.append(" AND natural_id = ?");
            params.add(q.naturalId());
        }
        if (q.text() != null) {
            where.append(" AND search_text ILIKE ? ESCAPE '\\'");
            params.add("%" + q.text().replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%");
        }
        try (Connection c = dataSource.getConnection()) {
            long total;
            try (PreparedStatement ps = c.prepareStatement("SELECT count(*) FROM document" + where)) {
                bind(ps, params);
                try (ResultSet rs = ps.executeQuery()) {
                    rs.next();
                    total = rs.getLong(1);
                }
            }
            List<StoredDocument> items = new ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement(SELECT_STORED + where + " ORDER BY id LIMIT ? OFFSET ?")) {
                bind(ps, params);
                ps.setInt(params.size() + 1, q.size());
                ps.setLong(params.size() + 2, (long) q.page() * q.size());
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        items.add(stored(rs));
                    }
                }
            }
            return new Page(items, total);
        }
    }

    /** A page of documents and the number of all matching. */
    public record Page(List<StoredDocument> items, long total) {
    }

    /** One document by natural id. */
    public Optional<StoredDocument> find(long projectId, String naturalId) throws SQLException {
        try (Connection c = dataSource.getConnection();
                PreparedStatement ps = c.prepareStatement(SELECT_STORED + " WHERE project_id = ? AND natural_id = ?")) {
            ps.setLong(1, projectId);
            ps.setString(2, naturalId);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(stored(rs)) : Optional.empty();
            }
        }
    }

    /** Deletes the documents last written by a run; returns how many. */
    public int purgeRun(String runId) throws SQLException {
        try (Connection c = dataSource.getConnection();
                PreparedStatement ps = c.prepareStatement("DELETE FROM document WHERE run_id = ?")) {
            ps.setString(1, runId);
            return ps.executeUpdate();
        }
    }

    /** Whether the loader has accounted for any record of the run. */
    public boolean runKnown(String runId) throws SQLException {
        try (Connection c = dataSource.getConnection();
                PreparedStatement ps = c.prepareStatement("SELECT 1 FROM run_progress WHERE run_id = ?")) {
            ps.setString(1, runId);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next();
            }
        }
    }

    /** Streams a run's outcome rows in source record order (the processed-documents report). */
    public void forEachOutcome(String runId, Consumer<OutcomeRow> sink) throws SQLException {
        try (Connection c = dataSource.getConnection()) {
            // a cursor (fetch size in a transaction) so a run of millions of records is never held in memory
            c.setAutoCommit(false);
            try (PreparedStatement ps = c.prepareStatement("""
                    SELECT run_id, source_record_id, job_id, project_id, natural_id, outcome, reason, error, dead_lettered,
                           decided_at
                      FROM load_outcome WHERE run_id = ? ORDER BY source_record_id""")) {
                ps.setFetchSize(1000);
                ps.setString(1, runId);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        sink.accept(new OutcomeRow(rs.getString(1), rs.getString(2), rs.getLong(3), rs.getLong(4),
                                rs.getString(5), LoadOutcome.valueOf(rs.getString(6)), rs.getString(7), rs.getString(8),
                                rs.getBoolean(9), rs.getTimestamp(10).toInstant()));
                    }
                }
            } finally {
                c.rollback();
            }
        }
    }

    /** The loader's counters of a run, if it accounted for any record of it. */
    public Optional<RunCounters> counters(String runId) throws SQLException {
        try (Connection c = dataSource.getConnection();
                PreparedStatement ps = c.prepareStatement("""
                        SELECT job_id, sequence, loaded, updated, unchanged, skipped_duplicate, filtered, failed
                          FROM run_progress WHERE run_id = ?""")) {
            ps.setString(1, runId);
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) {
                    return Optional.empty();
                }
                return Optional.of(new RunCounters(runId, rs.getLong(1), rs.getLong(2), rs.getLong(3), rs.getLong(4),
                        rs.getLong(5), rs.getLong(6), rs.getLong(7), rs.getLong(8)));
            }
        }
    }

    private static final String SELECT_STORED = """
            SELECT body::text, project_id, job_id, job_version, run_id, load_date, source_record_id FROM document""";

    private static StoredDocument stored(ResultSet rs) throws SQLException {
        try {
            XmdDocument d = Json.mapper().readValue(rs.getString(1), XmdDocument.class);
            return StoredDocument.of(d, rs.getLong(2), rs.getLong(3), rs.getInt(4), rs.getString(5),
                    rs.getTimestamp(6).toInstant(), rs.getString(7));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored document body is not an XmdDocument", e);
        }
    }

    private static void bind(PreparedStatement ps, List<Object> params) throws SQLException {
        for (int i = 0; i < params.size(); i++) {
            ps.setObject(i + 1, params.get(i));
        }
    }
}
