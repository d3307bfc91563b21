package io.sfinbound.sim.query;

import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.enterprise.context.ApplicationScoped;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;

import io.sfinbound.sim.SimConfig;
import io.sfinbound.sim.api.Bodies;
import io.sfinbound.sim.api.ParallelRows;
import io.sfinbound.sim.api.SalesforceException;
import io.sfinbound.sim.schema.FieldDef;

/**
 * REST query, queryAll and query-more (reference section 2): pages of {@code batchSize} records (default 2,000,
 * {@code Sforce-Query-Options: batchSize=n} within 200..2,000, at most 200 when two or more long text fields are
 * selected) with a {@code nextRecordsUrl} until {@code done}.
 */
@ApplicationScoped
public class QueryService {

    private static final Pattern BATCH = Pattern.compile("batchSize\\s*=\\s*(\\d+)", Pattern.CASE_INSENSITIVE);
    private static final Pattern LOCATOR = Pattern.compile("^(01g[0-9A-Za-z]{15})(?:-(\\d+))?$");

    private final QueryPlanner planner;
    private final Cursors cursors;
    private final int defaultBatch;
    private final JsonFactory json = new JsonFactory();

    public QueryService(QueryPlanner planner, Cursors cursors, SimConfig config) {
        this.planner = planner;
        this.cursors = cursors;
        this.defaultBatch = config.query().defaultBatchSize();
    }

    /** Batch size from {@code Sforce-Query-Options}, clamped like Salesforce's. */
    int batchSize(String options, Execution e) {
        int size = defaultBatch;
        if (options != null) {
            Matcher m = BATCH.matcher(options);
            if (m.find()) {
                try {
                    size = Math.max(200, Math.min(2000, Integer.parseInt(m.group(1))));
                } catch (NumberFormatException ignored) {
                    size = 2000;
                }
            }
        }
        if (e.longTextColumns >= 2) {
            size = Math.min(size, 200);
        }
        return size;
    }

    /** The first page of a query (the query runs now: errors are thrown here, before any byte is written). */
    public Bodies.Writer query(String soql, boolean all, String queryOptions, String version) {
        Execution e = planner.prepare(soql, all);
        int batch = batchSize(queryOptions, e);
        long total = e.totalSize();
        Execution.Page page = e.page(Execution.Resume.START, batch);
        String next = null;
        if (!page.done()) {
            Cursors.Cursor c = cursors.open(e, batch);
            long offset = page.rows().size();
            c.starts.put(offset, page.next());
            next = "/services/data/v" + version + "/query/" + c.id() + "-" + offset;
        }
        return write(total, page, next, e, version);
    }

    /** A following page of an open cursor. */
    public Bodies.Writer more(String locator, String version) {
        Matcher m = LOCATOR.matcher(locator == null ? "" : locator);
        if (!m.matches()) {
            throw SalesforceException.invalidLocator();
        }
        Cursors.Cursor c = cursors.get(m.group(1)).orElseThrow(SalesforceException::invalidLocator);
        long offset = m.group(2) == null ? 0 : Long.parseLong(m.group(2));
        Execution e = c.execution;
        long total = e.totalSize();
        if (offset >= total && total > 0 || offset < 0) {
            throw SalesforceException.invalidLocator();
        }
        Execution.Resume start = c.starts.get(offset);
        if (start == null) {
            start = seek(c, offset);
        }
        Execution.Page page = e.page(start, c.batchSize);
        String next = null;
        if (!page.done()) {
            long nextOffset = offset + page.rows().size();
            c.starts.put(nextOffset, page.next());
            next = "/services/data/v" + version + "/query/" + c.id() + "-" + nextOffset;
        }
        return write(total, page, next, e, version);
    }

    /** A start at an offset no page ended at: from the nearest known start, skipping forward. */
    private Execution.Resume seek(Cursors.Cursor c, long offset) {
        long best = 0;
        Execution.Resume r = Execution.Resume.START;
        for (Map.Entry<Long, Execution.Resume> s : c.starts.entrySet()) {
            if (s.getKey() <= offset && s.getKey() >= best) {
                best = s.getKey();
                r = s.getValue();
            }
        }
        long toSkip = offset - best;
        while (toSkip > 0) {
            Execution.Page p = c.execution.page(r, (int) Math.min(toSkip, 2000));
            if (p.rows().isEmpty()) {
                throw SalesforceException.invalidLocator();
            }
            toSkip -= p.rows().size();
            r = p.next();
        }
        return r;
    }

    /** Records rendered per chunk: about 250 KB of chat bodies, well below G1's humongous-object size. */
    private static final int CHUNK = 100;

    /**
     * The page as Salesforce's JSON, streamed: the envelope, then the records rendered in chunks on every core
     * ({@link ParallelRows}), each chunk a run of root-level objects separated by commas.
     */
    private Bodies.Writer write(long total, Execution.Page page, String next, Execution e, String version) {
        return out -> {
            // the envelope by hand: numbers, a boolean and a locator URL of [0-9A-Za-z./-] need no escaping
            String head = "{\"totalSize\":" + total + ",\"done\":" + (next == null)
                    + (next == null ? "" : ",\"nextRecordsUrl\":\"" + next.replace("\\", "\\\\").replace("\"", "\\\"") + "\"") + ",\"records\":[";
            out.write(head.getBytes(java.nio.charset.StandardCharsets.US_ASCII));
            ParallelRows.write(page.rows(), CHUNK, (rows, first) -> {
                ByteArrayOutputStream b = new ByteArrayOutputStream(rows.size() * 3072);
                if (!first) {
                    b.write(',');
                }
                try (JsonGenerator g = json.createGenerator(b, JsonEncoding.UTF8)) {
                    g.setRootValueSeparator(COMMA);
                    for (Object row : rows) {
                        RecordJson.row(g, row, e.columns, version);
                    }
                }
                return b.toByteArray();
            }, out);
            out.write(']');
            out.write('}');
        };
    }

    private static final com.fasterxml.jackson.core.io.SerializedString COMMA = new com.fasterxml.jackson.core.io.SerializedString(",");

    /** {@code ?explain=}: the query plan, as Salesforce's query-plan tool shows it. */
    public Map<String, Object> explain(String soql) {
        Execution e = planner.prepare(soql, false);
        long cardinality = e.totalSize();
        boolean index = e.from != null || e.to != null;
        Map<String, Object> plan = new LinkedHashMap<>();
        plan.put("cardinality", cardinality);
        plan.put("fields", index ? List.of("SystemModstamp") : List.of());
        plan.put("leadingOperationType", index ? "Index" : "TableScan");
        plan.put("notes", List.of());
        plan.put("relativeCost", index ? 0.1 : 1.0);
        plan.put("sobjectCardinality", e.aggregate() ? cardinality : planner.source(false).records(e.object().name()).count());
        plan.put("sobjectType", e.object().name());
        return Map.of("plans", List.of(plan));
    }

    /** {@code &columns=true}: column metadata (used by the Salesforce CLI). */
    public Map<String, Object> columns(String soql) {
        Execution e = planner.prepare(soql, false);
        List<Map<String, Object>> cols = new ArrayList<>();
        for (Column c : e.columns) {
            cols.add(column(c));
        }
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("columnMetadata", cols);
        m.put("entityName", e.object().name());
        m.put("groupBy", false);
        m.put("idSelected", e.columns.stream().anyMatch(c -> c.key().equals("Id")));
        m.put("keyPrefix", e.object().keyPrefix());
        return m;
    }

    private static Map<String, Object> column(Column c) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("aggregate", c instanceof Column.Children);
        FieldDef f = c instanceof Column.Field fc ? fc.def() : null;
        m.put("apexType", f == null ? null : f.type().isText() ? "String" : f.type().describeName());
        m.put("booleanType", f != null && f.type() == io.sfinbound.sim.schema.FieldType.BOOLEAN);
        m.put("columnName", c.key());
        m.put("custom", f != null && f.custom());
        m.put("displayName", c.key());
        m.put("foreignKeyName", null);
        m.put("insertable", false);
        List<Map<String, Object>> joins = new ArrayList<>();
        if (c instanceof Column.Parent p) {
            p.columns().forEach(cc -> joins.add(column(cc)));
        } else if (c instanceof Column.Children ch) {
            ch.sub().columns.forEach(cc -> joins.add(column(cc)));
        }
        m.put("joinColumns", joins);
        m.put("numberType", f != null && !f.type().isText() && f.type() != io.sfinbound.sim.schema.FieldType.BOOLEAN
                && f.type() != io.sfinbound.sim.schema.FieldType.DATE && f.type() != io.sfinbound.sim.schema.FieldType.DATETIME);
        m.put("textType", f != null && f.type().isText());
        m.put("updatable", false);
        return m;
    }
}
