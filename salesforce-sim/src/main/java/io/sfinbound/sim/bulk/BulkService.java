package io.sfinbound.sim.bulk;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

import jakarta.enterprise.context.ApplicationScoped;

import io.sfinbound.sim.SimConfig;
import io.sfinbound.sim.api.SalesforceException;
import io.sfinbound.sim.api.SfFormats;
import io.sfinbound.sim.auth.Directory;
import io.sfinbound.sim.data.Ids;
import io.sfinbound.sim.data.SimRecord;
import io.sfinbound.sim.query.Column;
import io.sfinbound.sim.query.Execution;
import io.sfinbound.sim.query.QueryPlanner;
import io.sfinbound.soql.ast.SelectSubquery;
import io.sfinbound.soql.ast.TypeOf;

/**
 * Bulk API 2.0 query jobs (reference section 6): create ({@code query} / {@code queryAll}), states over a
 * configurable processing time, CSV results paged by {@code Sforce-Locator} ({@code null} on the last page) and
 * {@code maxRecords}, abort, delete, list; jobs can be failed or stalled through the admin API.
 */
@ApplicationScoped
public class BulkService {

    private static final List<String> DELIMITERS = List.of("COMMA", "TAB", "PIPE", "SEMICOLON", "CARET", "BACKQUOTE");

    private final QueryPlanner planner;
    private final SimConfig.Bulk config;
    private final Map<String, BulkJob> jobs = new ConcurrentHashMap<>();
    private final AtomicLong counter = new AtomicLong(System.currentTimeMillis() % 1_000_000L * 1000);
    private final AtomicInteger failNext = new AtomicInteger();
    private final AtomicInteger stallNext = new AtomicInteger();
    private volatile String failNextMessage = "Internal error: query job failed";

    public BulkService(QueryPlanner planner, SimConfig config) {
        this.planner = planner;
        this.config = config.bulk();
    }

    /** Creates a job from the request body's fields. */
    public BulkJob create(Map<String, Object> body, Directory.User user, String version) {
        Object op = body.get("operation");
        Object query = body.get("query");
        if (!"query".equals(op) && !"queryAll".equals(op)) {
            throw new SalesforceException(400, "API_ERROR", "InvalidJob : Invalid operation: " + op + "; valid values are query, queryAll");
        }
        if (!(query instanceof String soql) || soql.isBlank()) {
            throw new SalesforceException(400, "API_ERROR", "InvalidJob : query is required");
        }
        String contentType = String.valueOf(body.getOrDefault("contentType", "CSV"));
        if (!contentType.equals("CSV")) {
            throw new SalesforceException(400, "API_ERROR", "InvalidJob : Invalid contentType: " + contentType);
        }
        String delimiter = String.valueOf(body.getOrDefault("columnDelimiter", "COMMA"));
        if (!DELIMITERS.contains(delimiter)) {
            throw new SalesforceException(400, "API_ERROR", "InvalidJob : Invalid columnDelimiter: " + delimiter);
        }
        String lineEnding = String.valueOf(body.getOrDefault("lineEnding", "LF"));
        if (!lineEnding.equals("LF") && !lineEnding.equals("CRLF")) {
            throw new SalesforceException(400, "API_ERROR", "InvalidJob : Invalid lineEnding: " + lineEnding);
        }
        Execution e = planner.prepare(soql, "queryAll".equals(op));
        rejectUnsupported(e);
        String id = Ids.of("750", counter.incrementAndGet());
        BulkJob job = new BulkJob(id, (String) op, e.object().name(), user, Instant.now(), version, delimiter, lineEnding, e, config.processingTime());
        if (failNext.getAndUpdate(n -> Math.max(0, n - 1)) > 0) {
            job.failWhenDone(failNextMessage);
        } else if (stallNext.getAndUpdate(n -> Math.max(0, n - 1)) > 0) {
            job.stall(true);
        }
        jobs.put(id, job);
        return job;
    }

    /** What Bulk queries cannot do (GROUP BY, aggregates, OFFSET, sub-queries, TYPEOF), with Salesforce's wording. */
    private static void rejectUnsupported(Execution e) {
        var q = e.query();
        String feature = null;
        if (e.aggregate()) {
            feature = "Aggregate queries";
        } else if (q.offset() != null) {
            feature = "OFFSET";
        } else if (q.select().stream().anyMatch(s -> s instanceof SelectSubquery)) {
            feature = "Aggregate Relationships (parent-to-child sub-queries)";
        } else if (q.select().stream().anyMatch(s -> s instanceof TypeOf)) {
            feature = "TYPEOF";
        }
        if (feature != null) {
            throw new SalesforceException(400, "API_ERROR", "FeatureNotEnabled : " + feature + " is not supported by the Bulk API");
        }
    }

    /** A job of the caller's org. */
    public BulkJob job(String id, Directory.User user) {
        BulkJob j = jobs.get(id);
        if (j == null || !j.owner.org().equals(user.org())) {
            throw SalesforceException.notFound();
        }
        return j;
    }

    /** Any job, for the admin API. */
    public Optional<BulkJob> job(String id) {
        return Optional.ofNullable(jobs.get(id));
    }

    public List<BulkJob> jobs(Directory.User user) {
        List<BulkJob> out = new ArrayList<>();
        jobs.values().stream().filter(j -> j.owner.org().equals(user.org())).sorted(Comparator.comparing(j -> j.created)).forEach(out::add);
        return out;
    }

    public void delete(String id, Directory.User user) {
        job(id, user);
        jobs.remove(id);
    }

    public BulkJob abort(String id, Directory.User user) {
        BulkJob j = job(id, user);
        if (!j.abort(Instant.now())) {
            throw new SalesforceException(400, "INVALIDJOBSTATE", "Aborting already Completed Job not allowed");
        }
        return j;
    }

    /** The job info JSON (create response when {@code full} is false). */
    public Map<String, Object> info(BulkJob j, boolean full) {
        BulkJob.State state = j.state(Instant.now());
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", j.id);
        m.put("operation", j.operation);
        m.put("object", j.object);
        m.put("createdById", j.owner.id());
        m.put("createdDate", SfFormats.json(j.created));
        m.put("systemModstamp", SfFormats.json(j.modified()));
        m.put("state", state.name());
        if (full && state == BulkJob.State.Failed) {
            m.put("errorMessage", j.errorMessage());
        }
        m.put("concurrencyMode", "Parallel");
        m.put("contentType", "CSV");
        m.put("apiVersion", Double.parseDouble(j.apiVersion));
        if (full) {
            m.put("jobType", "V2Query");
        }
        m.put("lineEnding", j.lineEnding);
        m.put("columnDelimiter", j.columnDelimiter);
        if (full) {
            m.put("numberRecordsProcessed", j.recordsProcessed());
            m.put("retries", 0);
            m.put("totalProcessingTime", j.processingMillis());
            m.put("isPkChunkingSupported", true);
        }
        return m;
    }

    /** One results page: its size, next locator and a body writer. */
    public record ResultPage(long records, String nextLocator, BodyWriter body) {
    }

    /** Writes a page body. */
    public interface BodyWriter {
        void write(OutputStream out, int cutAfter) throws IOException;
    }

    public ResultPage results(String id, Directory.User user, String locator, Integer maxRecords) {
        BulkJob j = job(id, user);
        BulkJob.State state = j.state(Instant.now());
        if (state != BulkJob.State.JobComplete) {
            throw new SalesforceException(412, "JOB_NOT_COMPLETE", "can only download query results of successfully completed bulk job with status: JOB_COMPLETE. Current status: "
                    + state.name().replaceAll("([a-z])([A-Z])", "$1_$2").toUpperCase(java.util.Locale.ROOT));
        }
        long offset = 0;
        if (locator != null && !locator.isBlank()) {
            try {
                offset = Long.parseLong(new String(Base64.getUrlDecoder().decode(locator), StandardCharsets.US_ASCII));
            } catch (IllegalArgumentException e) {
                throw new SalesforceException(400, "INVALIDLOCATOR", "Invalid locator: " + locator);
            }
        }
        if (maxRecords != null && maxRecords < 1) {
            throw new SalesforceException(400, "INVALIDPARAMETER", "maxRecords must be a positive integer");
        }
        long total = j.recordsProcessed();
        if (offset < 0 || offset > total) {
            throw new SalesforceException(400, "INVALIDLOCATOR", "Invalid locator: " + locator);
        }
        long size = maxRecords == null ? config.defaultPageSize() : maxRecords;
        long n = Math.min(size, total - offset);
        long end = offset + n;
        String next = end < total ? Base64.getUrlEncoder().withoutPadding().encodeToString(Long.toString(end).getBytes(StandardCharsets.US_ASCII)) : "null";
        long start = offset;
        return new ResultPage(n, next, (out, cutAfter) -> writePage(j, start, n, out, cutAfter));
    }

    private void writePage(BulkJob j, long offset, long n, OutputStream raw, int cutAfter) throws IOException {
        OutputStream target = cutAfter >= 0 ? new CuttingStream(raw, cutAfter) : raw;
        BufferedWriter w = new BufferedWriter(new OutputStreamWriter(target, StandardCharsets.UTF_8), 64 * 1024);
        CsvWriter csv = new CsvWriter(w, CsvWriter.delimiter(j.columnDelimiter), j.lineEnding.equals("CRLF") ? "\r\n" : "\n");
        List<Column> columns = j.execution.columns();
        csv.header(columns);
        Execution.Resume r = j.starts.get(offset);
        if (r == null) {
            r = seek(j, offset);
        }
        long written = 0;
        while (written < n) {
            Execution.Page p = j.execution.page(r, (int) Math.min(1000, n - written));
            for (Object row : p.rows()) {
                csv.row((SimRecord) row, columns);
            }
            written += p.rows().size();
            r = p.next();
            if (p.rows().isEmpty()) {
                break;
            }
        }
        j.starts.put(offset + written, r);
        w.flush();
    }

    private static Execution.Resume seek(BulkJob j, long offset) {
        long best = 0;
        Execution.Resume r = Execution.Resume.START;
        for (Map.Entry<Long, Execution.Resume> s : j.starts.entrySet()) {
            if (s.getKey() <= offset && s.getKey() >= best) {
                best = s.getKey();
                r = s.getValue();
            }
        }
        long skip = offset - best;
        while (skip > 0) {
            Execution.Page p = j.execution.page(r, (int) Math.min(skip, 5000));
            if (p.rows().isEmpty()) {
                break;
            }
            skip -= p.rows().size();
            r = p.next();
        }
        return r;
    }

    // ---- admin ----

    public void failNext(int count, String message) {
        failNext.set(count);
        if (message != null) {
            failNextMessage = message;
        }
    }

    public void stallNext(int count) {
        stallNext.set(count);
    }

    public boolean fail(String id, String message) {
        BulkJob j = jobs.get(id);
        if (j == null) {
            return false;
        }
        j.fail(message == null ? failNextMessage : message, Instant.now());
        return true;
    }

    public boolean stall(String id, boolean on) {
        BulkJob j = jobs.get(id);
        if (j == null) {
            return false;
        }
        j.stall(on);
        return true;
    }

    /** Stops a response body after a number of bytes, then fails the write (the connection is reset). */
    static final class CuttingStream extends OutputStream {
        private final OutputStream out;
        private long left;

        CuttingStream(OutputStream out, long left) {
            this.out = out;
            this.left = left;
        }

        @Override
        public void write(int b) throws IOException {
            if (left-- <= 0) {
                throw new CutException();
            }
            out.write(b);
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            if (len > left) {
                out.write(b, off, (int) Math.max(0, left));
                left = 0;
                throw new CutException();
            }
            out.write(b, off, len);
            left -= len;
        }

        @Override
        public void flush() throws IOException {
            out.flush();
        }
    }

    /** The injected cut of a response. */
    static final class CutException extends IOException {
        CutException() {
            super("connection reset by fault injection");
        }
    }
}
