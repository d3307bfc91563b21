package io.sfinbound.sim.query;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.function.Predicate;

import io.sfinbound.sim.api.SalesforceException;
import io.sfinbound.sim.data.DataStore;
import io.sfinbound.sim.data.Pos;
import io.sfinbound.sim.data.SimRecord;
import io.sfinbound.sim.schema.ObjectDef;
import io.sfinbound.soql.ast.SoqlQuery;

/**
 * A prepared query over the generated data: how to iterate the matching records (streaming in the generator's
 * natural order when the ORDER BY allows it, or sorted once in memory), with OFFSET and LIMIT, resumable at any
 * page boundary so that a locator never re-scans from the start. It reads the data as of the version it was prepared
 * at ({@link DataStore#version()}), as Salesforce's server-side cursors page over a snapshot.
 */
public final class Execution {

    /** How rows are produced. */
    enum Mode {
        /** by (SystemModstamp, Id), streaming. */
        STAMP,
        /** by index (= Id), streaming. */
        INDEX,
        /** matched then sorted in memory. */
        SORTED,
        /** aggregate rows computed by the soql evaluator. */
        AGGREGATE
    }

    /**
     * Where a page starts: after {@code key} (a {@link Pos}, an index, or a list position), with {@code skipped}
     * records of the OFFSET skipped and {@code emitted} rows returned so far.
     */
    public record Resume(Object key, long skipped, long emitted) {
        public static final Resume START = new Resume(null, 0, 0);
    }

    /** One page: its rows and where the next one starts. */
    public record Page(List<Object> rows, Resume next, boolean done) {
    }

    final String soql;
    final SoqlQuery query;
    final ObjectDef object;
    final boolean all;
    final Mode mode;
    final Predicate<Map<String, Object>> where;
    final Comparator<Map<String, Object>> order;
    final Instant from;
    final Instant to;
    final Long limit;
    final long offset;
    final List<Column> columns;
    final int longTextColumns;
    private final DataStore store;
    /** The data version the query reads: every page of its cursor sees the same snapshot. */
    final long asOf;
    private final int maxSort;
    private List<? extends Map<String, Object>> materialized;
    private Long total;

    Execution(String soql, SoqlQuery query, ObjectDef object, boolean all, Mode mode, Predicate<Map<String, Object>> where,
              Comparator<Map<String, Object>> order, Instant from, Instant to, Long limit, long offset, List<Column> columns,
              int longTextColumns, DataStore store, int maxSort, List<Map<String, Object>> aggregateRows) {
        this.soql = soql;
        this.query = query;
        this.object = object;
        this.all = all;
        this.mode = mode;
        this.where = where;
        this.order = order;
        this.from = from;
        this.to = to;
        this.limit = limit;
        this.offset = offset;
        this.columns = columns;
        this.longTextColumns = longTextColumns;
        this.store = store;
        this.asOf = store.version();
        this.maxSort = maxSort;
        if (aggregateRows != null) {
            this.materialized = aggregateRows;
            this.total = (long) aggregateRows.size();
        }
    }

    public SoqlQuery query() {
        return query;
    }

    public ObjectDef object() {
        return object;
    }

    public List<Column> columns() {
        return columns;
    }

    public boolean aggregate() {
        return mode == Mode.AGGREGATE;
    }

    /** Overrides the total (COUNT() queries: the count, with no rows). */
    void total(long t) {
        this.total = t;
    }

    /** Number of rows the query returns (Salesforce's {@code totalSize}). */
    public synchronized long totalSize() {
        if (total == null) {
            if (mode == Mode.SORTED) {
                total = (long) sorted().size();
            } else {
                long cap = limit == null ? Long.MAX_VALUE : offset + limit;
                long n = 0;
                Iterator<SimRecord> it = matches(null);
                while (n < cap && it.hasNext()) {
                    it.next();
                    n++;
                }
                total = Math.max(0, n - offset);
            }
        }
        return total;
    }

    /** The rows of one page of at most {@code max} rows. */
    public Page page(Resume at, int max) {
        long remaining = limit == null ? Long.MAX_VALUE : limit - at.emitted();
        List<Object> rows = new ArrayList<>(Math.min(max, 2048));
        if (mode == Mode.SORTED || mode == Mode.AGGREGATE) {
            List<? extends Map<String, Object>> list = mode == Mode.SORTED ? sorted() : materialized;
            int start = at.key() == null ? 0 : (Integer) at.key();
            int end = (int) Math.min(list.size(), start + Math.min((long) max, remaining));
            rows.addAll(list.subList(start, end));
            return new Page(rows, new Resume(end, at.skipped(), at.emitted() + rows.size()), end >= list.size() || rows.size() >= remaining);
        }
        Iterator<SimRecord> it = matches(at.key());
        long skipped = at.skipped();
        while (skipped < offset && it.hasNext()) {
            it.next();
            skipped++;
        }
        Object key = at.key();
        while (rows.size() < max && rows.size() < remaining && it.hasNext()) {
            SimRecord r = it.next();
            rows.add(r);
            key = mode == Mode.STAMP ? r.pos() : (Object) r.index();
        }
        long emitted = at.emitted() + rows.size();
        boolean done = !it.hasNext() || (limit != null && emitted >= limit);
        return new Page(rows, new Resume(key, skipped, emitted), done);
    }

    /** All rows from a resume point, for streaming (Bulk results). */
    public Iterator<Object> rows(Resume at) {
        return new Iterator<>() {
            Resume r = at;
            Iterator<Object> page = Collections.emptyIterator();
            boolean done;

            @Override
            public boolean hasNext() {
                while (!page.hasNext() && !done) {
                    Page p = page(r, 1000);
                    page = p.rows().iterator();
                    r = p.next();
                    done = p.done();
                }
                return page.hasNext();
            }

            @Override
            public Object next() {
                if (!hasNext()) {
                    throw new NoSuchElementException();
                }
                return page.next();
            }
        };
    }

    private Iterator<SimRecord> matches(Object after) {
        Iterator<SimRecord> base = switch (mode) {
            case STAMP -> store.scanByStamp(object, (Pos) after, from, to, all, asOf);
            case INDEX, SORTED -> store.scanByIndex(object, after == null ? -1 : (Long) after, all, asOf);
            case AGGREGATE -> throw new IllegalStateException();
        };
        if (where == null) {
            return base;
        }
        return new Iterator<>() {
            SimRecord next;

            @Override
            public boolean hasNext() {
                while (next == null && base.hasNext()) {
                    SimRecord r = base.next();
                    if (where.test(r)) {
                        next = r;
                    }
                }
                return next != null;
            }

            @Override
            public SimRecord next() {
                if (!hasNext()) {
                    throw new NoSuchElementException();
                }
                SimRecord r = next;
                next = null;
                return r;
            }
        };
    }

    private synchronized List<? extends Map<String, Object>> sorted() {
        if (materialized == null) {
            List<SimRecord> list = new ArrayList<>();
            Iterator<SimRecord> it = matches(null);
            while (it.hasNext()) {
                list.add(it.next());
                if (list.size() > maxSort) {
                    throw new SalesforceException(400, "QUERY_TIMEOUT", "Your query request was running for too long.");
                }
            }
            list.sort(order);
            int from = (int) Math.min(offset, list.size());
            int to = limit == null ? list.size() : (int) Math.min(list.size(), from + limit);
            materialized = new ArrayList<>(list.subList(from, to));
        }
        return materialized;
    }

    /** The same query restricted to the rows of the given records (for child sub-queries). */
    List<SimRecord> filterChildren(List<SimRecord> children) {
        List<SimRecord> out = new ArrayList<>();
        for (SimRecord c : children) {
            if ((all || !c.deleted()) && (where == null || where.test(c))) {
                out.add(c);
            }
        }
        if (order != null) {
            out.sort(order);
        }
        int from = (int) Math.min(offset, out.size());
        int to = limit == null ? out.size() : (int) Math.min(out.size(), from + limit);
        return out.subList(from, to);
    }
}
