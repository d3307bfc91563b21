package io.sfinbound.extractor.rest;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.quarkus.logging.Log;
import io.sfinbound.common.job.DataType;
import io.sfinbound.extractor.ExtractorConfig;
import io.sfinbound.extractor.normalize.RecordNormalizer;
import io.sfinbound.extractor.query.ExtractionPlan;
import io.sfinbound.extractor.query.Keyset;
import io.sfinbound.extractor.query.QueryWindow;
import io.sfinbound.extractor.run.RunContext;
import io.sfinbound.extractor.salesforce.SalesforceClient;
import io.sfinbound.extractor.salesforce.SalesforceException;
import io.sfinbound.extractor.sms.ConversationGatherer;

/**
 * The REST path: {@code query} (or {@code queryAll}) of the window ordered by (date field, Id), {@code nextRecordsUrl}
 * paging, re-query from the last published keyset position when the locator expired, and halving of the window on
 * {@code QUERY_TIMEOUT}.
 */
@ApplicationScoped
public class RestExtractor {

    public static final String API = "REST";
    private static final int MAX_LOCATOR_REQUERIES = 10;

    private final SalesforceClient client;
    private final ConversationGatherer conversations;
    private final ExtractorConfig config;

    public RestExtractor(SalesforceClient client, ConversationGatherer conversations, ExtractorConfig config) {
        this.client = client;
        this.conversations = conversations;
        this.config = config;
    }

    /** Reads the plan's window and publishes every record through the context. */
    public void extract(RunContext ctx, ExtractionPlan plan) {
        Deque<QueryWindow> pending = new ArrayDeque<>();
        pending.push(plan.window());
        int splits = 0;
        while (!pending.isEmpty()) {
            if (limitReached(ctx, plan)) {
                return;
            }
            QueryWindow w = pending.pop();
            try {
                readWindow(ctx, plan, w);
            } catch (SalesforceException e) {
                if (e.kind() != SalesforceException.Kind.QUERY_TIMEOUT) {
                    throw e;
                }
                if (++splits > config.window().maxSplits()) {
                    throw new SalesforceException(SalesforceException.Kind.PERMANENT, e.status(), e.errorCode(),
                            "QUERY_TIMEOUT after splitting the window " + config.window().maxSplits() + " times: " + e.getMessage(), null, e);
                }
                QueryWindow rest = w.after(ctx.maxPosition());
                QueryWindow[] halves = split(rest, plan.dateOnly());
                if (halves == null) {
                    throw new SalesforceException(SalesforceException.Kind.PERMANENT, e.status(), e.errorCode(),
                            "QUERY_TIMEOUT on a window too small to split (" + rest + "): " + e.getMessage(), null, e);
                }
                Log.infof("run %s: QUERY_TIMEOUT, splitting %s into %s and %s", ctx.runId(), rest, halves[0], halves[1]);
                pending.push(halves[1]);
                pending.push(halves[0]);
            }
        }
    }

    /** The two halves of a window, or null when it cannot be split (one unit of the date field). */
    static QueryWindow[] split(QueryWindow w, boolean dateOnly) {
        Duration unit = dateOnly ? Duration.ofDays(1) : Duration.ofSeconds(1);
        Instant lo = w.from() == null ? Instant.EPOCH : w.from().timestamp();
        Instant hi = w.end();
        long unitsBetween = Duration.between(lo, hi).dividedBy(unit);
        if (unitsBetween < 1) {
            return null;
        }
        Instant mid = lo.plus(unit.multipliedBy(unitsBetween / 2));
        QueryWindow first = new QueryWindow(w.from(), mid);
        QueryWindow second = new QueryWindow(new Keyset(mid.plus(unit), ""), hi);
        return new QueryWindow[] {first, second};
    }

    private boolean limitReached(RunContext ctx, ExtractionPlan plan) {
        Integer remaining = plan.remaining(ctx.extracted());
        return remaining != null && remaining <= 0;
    }

    private void readWindow(RunContext ctx, ExtractionPlan plan, QueryWindow w) {
        int batchSize = Math.max(200, Math.min(2000, config.rest().batchSize()));
        boolean all = plan.job().includeDeleted();
        JsonNode page = client.query(ctx.session(), plan.windowQuery(w.after(ctx.maxPosition()), ctx.extracted()), all, batchSize);
        int requeries = 0;
        while (true) {
            long before = ctx.extracted();
            publishPage(ctx, plan, page);
            ctx.pageDone();
            if (limitReached(ctx, plan) || page.path("done").asBoolean(true) || !page.hasNonNull("nextRecordsUrl")) {
                return;
            }
            if (ctx.extracted() > before) {
                requeries = 0;
            }
            ctx.checkCancelled();
            try {
                page = client.queryMore(ctx.session(), page.get("nextRecordsUrl").asText(), batchSize);
            } catch (SalesforceException e) {
                if (e.kind() != SalesforceException.Kind.INVALID_LOCATOR || ++requeries > MAX_LOCATOR_REQUERIES) {
                    throw e;
                }
                QueryWindow resume = w.after(ctx.maxPosition());
                Log.infof("run %s: query locator invalid (%s); re-querying from %s", ctx.runId(), e.getMessage(), resume.from());
                page = client.query(ctx.session(), plan.windowQuery(resume, ctx.extracted()), all, batchSize);
            }
        }
    }

    private void publishPage(RunContext ctx, ExtractionPlan plan, JsonNode page) {
        JsonNode records = page.path("records");
        List<JsonNode> batch = new ArrayList<>(records.size());
        records.forEach(batch::add);
        Map<String, ObjectNode> entries = plan.job().dataType() == DataType.SMS_TEXT
                ? conversations.entriesOf(ctx, plan, batch) : Map.of();
        for (JsonNode r : batch) {
            ObjectNode data = RecordNormalizer.fromRest(r, plan.types());
            if (plan.job().dataType() == DataType.SMS_TEXT) {
                data.set(ConversationGatherer.FIELD, entries.getOrDefault(RecordNormalizer.id(r), ConversationGatherer.empty()));
            }
            ctx.emit(plan.object(), RecordNormalizer.id(r), data, RecordNormalizer.position(r, plan.dateField()), API);
        }
    }
}
