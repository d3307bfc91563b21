package io.sfinbound.loader.load;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.logging.Log;
import io.sfinbound.common.job.DuplicateMode;
import io.sfinbound.common.job.JobConfig;
import io.sfinbound.common.kafka.Json;
import io.sfinbound.common.kafka.LineageHeaders;
import io.sfinbound.common.record.Conversation;
import io.sfinbound.common.record.DeadLetter;
import io.sfinbound.common.record.DocumentKind;
import io.sfinbound.common.record.DocumentMessage;
import io.sfinbound.common.record.LoadOutcome;
import io.sfinbound.common.record.LoadResult;
import io.sfinbound.common.record.RunEvent;
import io.sfinbound.common.record.RunEventType;
import io.sfinbound.common.record.Stage;
import io.sfinbound.common.record.Verbatim;
import io.sfinbound.common.record.XmdDocument;
import io.sfinbound.loader.config.JobVersions;
import io.sfinbound.loader.config.TransientException;
import io.sfinbound.loader.load.BatchOutcome.Out;
import io.sfinbound.loader.sink.DocumentSink;
import io.sfinbound.loader.store.ConcurrentWriteException;
import io.sfinbound.loader.store.DocumentStore;
import io.sfinbound.loader.store.DocumentWrite;
import io.sfinbound.loader.store.OutcomeRow;
import io.sfinbound.loader.store.RunCounters;

/**
 * Loads one batch of {@code sfinbound.documents} in one database transaction: deduplication by natural id with each
 * job's duplicate mode (against the store and inside the batch), the sink write, one outcome row per (run, source
 * record) and the runs' absolute counters. A (run, source record) already accounted for, by an earlier delivery or
 * earlier in the same batch, changes nothing and is never counted twice; its recorded outcome is published again so
 * that a crash between the commit and the publication loses nothing.
 */
@ApplicationScoped
public class LoadService {

    static final String MALFORMED_MESSAGE = "MALFORMED_MESSAGE";
    static final String INVALID_DOCUMENT = "INVALID_DOCUMENT";
    static final String UNKNOWN_JOB_VERSION = "UNKNOWN_JOB_VERSION";
    static final String SINK_REJECTED = "SINK_REJECTED";

    private static final int CONFLICT_ATTEMPTS = 5;

    private final DocumentStore store;
    private final DocumentSink sink;
    private final JobVersions jobs;
    private final MeterRegistry meters;

    public LoadService(DocumentStore store, DocumentSink sink, JobVersions jobs, MeterRegistry meters) {
        this.store = store;
        this.sink = sink;
        this.jobs = jobs;
        this.meters = meters;
    }

    /**
     * Loads a batch and commits it.
     *
     * @return what to publish now that the batch is committed
     * @throws TransientException when the database, config-api or the sink cannot do it now; nothing was committed
     */
    public BatchOutcome load(List<InboundMessage> batch) {
        List<Out<DeadLetter>> unaccountable = new ArrayList<>();
        List<Item> items = new ArrayList<>();
        Instant now = Instant.now();
        for (InboundMessage in : batch) {
            Item item = validate(in);
            if (item == null) {
                unaccountable.add(deadLetter(in, in.message() == null ? null : in.message().runId(),
                        in.message() == null ? 0 : in.message().jobId(),
                        in.message() == null ? null : in.message().sourceRecordId(), MALFORMED_MESSAGE, in.malformed(), now));
            } else {
                items.add(item);
            }
        }
        for (int attempt = 1;; attempt++) {
            try (Connection c = store.begin()) {
                try {
                    Map<LoadOutcome, Long> decided = new EnumMap<>(LoadOutcome.class);
                    BatchOutcome outcome = apply(c, items, Instant.now(), decided);
                    c.commit();
                    // counted after the commit and only for new decisions, so redelivery does not inflate the metric
                    decided.forEach((o, n) -> meters.counter("sfinbound.loader.records", "outcome", o.name()).increment(n));
                    List<Out<DeadLetter>> dead = new ArrayList<>(unaccountable);
                    dead.addAll(outcome.deadLetters());
                    return new BatchOutcome(dead, outcome.results(), outcome.events());
                } catch (SQLException | RuntimeException e) {
                    c.rollback();
                    throw e;
                }
            } catch (ConcurrentWriteException e) {
                if (attempt >= CONFLICT_ATTEMPTS) {
                    throw new TransientException("batch kept conflicting with another writer: " + e.getMessage(), e);
                }
                Log.debugf("[load] - concurrent write, retrying the batch: %s", e.getMessage());
            } catch (SQLException e) {
                if (isConflict(e) && attempt < CONFLICT_ATTEMPTS) {
                    Log.debugf("[load] - transaction conflict %s, retrying the batch", e.getSQLState());
                    continue;
                }
                throw new TransientException("database: " + e.getMessage(), e);
            }
        }
    }

    private static boolean isConflict(SQLException e) {
        String state = e.getSQLState();
        return "40001".equals(state) || "40P01".equals(state) || "23505".equals(state);
    }

    /** Checks a message; {@code null} when it cannot even be accounted for (no run or source record id). */
    private Item validate(InboundMessage in) {
        DocumentMessage m = in.message();
        if (m == null || blank(m.runId()) || blank(m.sourceRecordId())) {
            return null;
        }
        if (in.malformed() != null) {
            return Item.failed(in, MALFORMED_MESSAGE, in.malformed());
        }
        if (m.kind() == null) {
            return Item.failed(in, MALFORMED_MESSAGE, "kind: missing");
        }
        if (m.kind() != DocumentKind.DOCUMENT) {
            return new Item(in, null, null, null, null, null);
        }
        XmdDocument d = m.document();
        if (d == null) {
            return Item.failed(in, INVALID_DOCUMENT, "document: missing for kind DOCUMENT");
        }
        if (blank(d.naturalId())) {
            return Item.failed(in, INVALID_DOCUMENT, "document.naturalId: missing");
        }
        ObjectNode body = Json.mapper().valueToTree(d);
        // serialized once here and reused for the write when the document is stored as it came
        String json = body.toString();
        if (json.contains("\\u0000")) {
            // PostgreSQL text and jsonb cannot hold NUL; such a document would fail its batch forever
            return Item.failed(in, INVALID_DOCUMENT, "document: contains a NUL character");
        }
        Optional<JobConfig> job = jobs.find(m.jobId(), m.jobVersion());
        if (job.isEmpty()) {
            return Item.failed(in, UNKNOWN_JOB_VERSION, "job " + m.jobId() + " version " + m.jobVersion() + " does not exist");
        }
        return new Item(in, body, json, job.get().duplicateMode(), null, null);
    }

    private BatchOutcome apply(Connection c, List<Item> items, Instant now, Map<LoadOutcome, Long> decidedCounts)
            throws SQLException {
        List<Out<DeadLetter>> deadLetters = new ArrayList<>();
        List<Out<LoadResult>> results = new ArrayList<>();
        Map<String, Long> runJobs = new LinkedHashMap<>();
        Map<String, Map<String, String>> runLineage = new HashMap<>();

        Map<String, OutcomeRow> accounted = store.findOutcomes(c,
                items.stream().map(i -> i.msg().runId()).toList(),
                items.stream().map(i -> i.msg().sourceRecordId()).toList());
        Set<String> seen = new HashSet<>();
        List<Item> fresh = new ArrayList<>();
        for (Item item : items) {
            DocumentMessage m = item.msg();
            runJobs.putIfAbsent(m.runId(), m.jobId());
            runLineage.putIfAbsent(m.runId(), item.in().lineage());
            String key = DocumentStore.outcomeKey(m.runId(), m.sourceRecordId());
            OutcomeRow earlier = accounted.get(key);
            if (earlier != null) {
                results.add(result(earlier, item.in().lineage()));
                if (earlier.deadLettered()) {
                    deadLetters.add(deadLetter(item.in(), m.runId(), m.jobId(), m.sourceRecordId(), earlier.error(),
                            earlier.reason(), now));
                }
            } else if (seen.add(key)) {
                fresh.add(item);
            }
        }

        List<Item> docs = fresh.stream().filter(i -> i.body() != null).toList();
        Map<String, ObjectNode> stored = store.lockDocuments(c,
                docs.stream().map(i -> i.msg().projectId()).toList(),
                docs.stream().map(i -> i.msg().document().naturalId()).toList());
        Map<String, ObjectNode> current = new HashMap<>(stored);
        Map<String, Pending> pending = new LinkedHashMap<>();
        List<Decided> decided = new ArrayList<>();
        for (Item item : fresh) {
            DocumentMessage m = item.msg();
            if (item.error() != null) {
                decided.add(new Decided(item, LoadOutcome.FAILED, item.reason(), item.error()));
            } else if (m.kind() == DocumentKind.FILTERED) {
                decided.add(new Decided(item, LoadOutcome.FILTERED, m.reason(), null));
            } else if (m.kind() == DocumentKind.DEAD_LETTERED) {
                decided.add(new Decided(item, LoadOutcome.FAILED, m.reason(), null));
            } else {
                String docKey = DocumentStore.documentKey(m.projectId(), m.document().naturalId());
                DuplicatePolicy.Decision d = DuplicatePolicy.decide(item.mode(), current.get(docKey), item.body());
                Decided dec = new Decided(item, d.outcome(), d.reason(), null);
                decided.add(dec);
                if (d.body() != null) {
                    current.put(docKey, d.body());
                    Pending p = pending.get(docKey);
                    if (p == null) {
                        p = new Pending(!stored.containsKey(docKey));
                        pending.put(docKey, p);
                    }
                    p.last = item;
                    p.body = d.body();
                    p.contributors.add(dec);
                }
            }
        }

        List<Pending> pendingList = new ArrayList<>(pending.values());
        List<DocumentWrite> writes = pendingList.stream().map(Pending::write).toList();
        Map<Integer, String> rejected = writes.isEmpty() ? Map.of() : sink.write(c, writes, now);
        rejected.forEach((index, reason) -> {
            for (Decided dec : pendingList.get(index).contributors) {
                dec.outcome = LoadOutcome.FAILED;
                dec.reason = "rejected by the sink: " + reason;
                dec.error = SINK_REJECTED;
            }
        });

        List<OutcomeRow> rows = new ArrayList<>(decided.size());
        Map<String, EnumMap<LoadOutcome, Long>> deltas = new HashMap<>();
        for (Decided dec : decided) {
            DocumentMessage m = dec.item.msg();
            OutcomeRow row = new OutcomeRow(m.runId(), m.sourceRecordId(), m.jobId(), m.projectId(),
                    m.document() == null ? null : m.document().naturalId(), dec.outcome, dec.reason, dec.error,
                    dec.error != null, now);
            rows.add(row);
            results.add(result(row, dec.item.in().lineage()));
            deltas.computeIfAbsent(m.runId(), r -> new EnumMap<>(LoadOutcome.class)).merge(dec.outcome, 1L, Long::sum);
            decidedCounts.merge(dec.outcome, 1L, Long::sum);
            if (dec.error != null) {
                deadLetters.add(deadLetter(dec.item.in(), m.runId(), m.jobId(), m.sourceRecordId(), dec.error, dec.reason, now));
            }
        }
        store.insertOutcomes(c, rows);

        List<Out<RunEvent>> events = new ArrayList<>();
        for (Map.Entry<String, Long> run : runJobs.entrySet()) {
            RunCounters counters = store.advance(c, run.getKey(), run.getValue(),
                    deltas.getOrDefault(run.getKey(), new EnumMap<>(LoadOutcome.class)), now);
            RunEvent event = new RunEvent(run.getKey(), run.getValue(), Stage.LOADER, RunEventType.PROGRESS,
                    counters.sequence(), counters.asMap(), null, null, now);
            events.add(new Out<>(run.getKey(), event, lineage(runLineage.get(run.getKey()), run.getKey(), run.getValue())));
        }
        return new BatchOutcome(deadLetters, results, events);
    }

    private static Out<LoadResult> result(OutcomeRow row, Map<String, String> lineage) {
        LoadResult r = new LoadResult(row.runId(), row.jobId(), row.projectId(), row.sourceRecordId(), row.naturalId(),
                row.outcome(), row.reason(), row.decidedAt());
        return new Out<>(row.runId(), r, lineage(lineage, row.runId(), row.jobId()));
    }

    private static Out<DeadLetter> deadLetter(InboundMessage in, String runId, long jobId, String sourceRecordId,
            String error, String reason, Instant now) {
        DeadLetter d = new DeadLetter(runId, jobId, sourceRecordId, Stage.LOADER, error, reason, in.payload(), now);
        return new Out<>(in.key(), d, lineage(in.lineage(), runId, jobId));
    }

    private static Map<String, String> lineage(Map<String, String> incoming, String runId, long jobId) {
        Map<String, String> h = new LinkedHashMap<>(incoming == null ? Map.of() : incoming);
        if (runId != null) {
            h.put(LineageHeaders.RUN_ID, runId);
        }
        if (jobId != 0) {
            h.put(LineageHeaders.JOB_ID, Long.toString(jobId));
        }
        h.put(LineageHeaders.STAGE, "loader");
        return h;
    }

    /** Verbatim and conversation text, for the "text contains" filter. */
    static String searchText(XmdDocument d) {
        StringBuilder sb = new StringBuilder();
        if (d.verbatims() != null) {
            for (Verbatim v : d.verbatims()) {
                if (v != null && v.text() != null) {
                    sb.append(v.text()).append('\n');
                }
            }
        }
        Conversation conv = d.conversation();
        if (conv != null && conv.turns() != null) {
            for (Conversation.Turn t : conv.turns()) {
                if (t != null && t.text() != null) {
                    sb.append(t.text()).append('\n');
                }
            }
        }
        return sb.toString();
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }

    /** A message that can be accounted for; error and reason set when the loader fails it before deciding. */
    private record Item(InboundMessage in, ObjectNode body, String json, DuplicateMode mode, String error, String reason) {

        static Item failed(InboundMessage in, String error, String reason) {
            return new Item(in, null, null, null, error, reason);
        }

        DocumentMessage msg() {
            return in.message();
        }
    }

    /** A decision, mutable because the sink may still reject the write it led to. */
    private static final class Decided {
        final Item item;
        LoadOutcome outcome;
        String reason;
        String error;

        Decided(Item item, LoadOutcome outcome, String reason, String error) {
            this.item = item;
            this.outcome = outcome;
            this.reason = reason;
            this.error = error;
        }
    }

    /** The write a batch makes for one natural id: the last decision wins, every contributor shares its fate. */
    private static final class Pending {
        final boolean insert;
        final List<Decided> contributors = new ArrayList<>();
        Item last;
        ObjectNode body;

        Pending(boolean insert) {
            this.insert = insert;
        }

        DocumentWrite write() {
            DocumentMessage m = last.msg();
            XmdDocument d = m.document();
            if (body == last.body()) {
                // stored as it came: its date, text and JSON are known without another round of Jackson
                return new DocumentWrite(m.projectId(), d.naturalId(), m.jobId(), m.jobVersion(), m.runId(),
                        m.sourceRecordId(), d.documentDate(), body, searchText(d), last.json(), insert);
            }
            Instant date = body.hasNonNull("documentDate") ? Instant.parse(body.get("documentDate").asText()) : null;
            return new DocumentWrite(m.projectId(), d.naturalId(), m.jobId(), m.jobVersion(), m.runId(), m.sourceRecordId(),
                    date, body, searchTextOf(body), insert);
        }
    }

    /** Search text of a (possibly merged) body. */
    static String searchTextOf(ObjectNode body) {
        try {
            return searchText(Json.mapper().treeToValue(body, XmdDocument.class));
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException("document body is not an XmdDocument", e);
        }
    }
}
