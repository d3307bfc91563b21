package io.sfinbound.extractor.sms;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.sfinbound.extractor.ExtractorConfig;
import io.sfinbound.extractor.normalize.RecordNormalizer;
import io.sfinbound.extractor.query.ExtractionPlan;
import io.sfinbound.extractor.run.RunContext;
import io.sfinbound.extractor.salesforce.SalesforceClient;

/**
 * SMS text: gathers every {@code ConversationEntry} of a page of {@code MessagingSession} records, so that each
 * published session carries its whole conversation under {@code ConversationEntries} in the shape of a REST child
 * subquery ({@code totalSize}, {@code done}, {@code records}). Entries are read with one query per batch of
 * sessions ({@code ConversationId IN (...)}), paged with {@code nextRecordsUrl}, in conversation order.
 */
@ApplicationScoped
public class ConversationGatherer {

    /** The field of the session record that holds its entries. */
    public static final String FIELD = "ConversationEntries";
    /** Fields read from {@code ConversationEntry}. */
    public static final String ENTRY_FIELDS = "Id, ConversationId, ActorId, ActorName, ActorType, EntryType, EntryTime, EntryTimeMilliSecs, Seq, Message";

    private final SalesforceClient client;
    private final ExtractorConfig config;

    public ConversationGatherer(SalesforceClient client, ExtractorConfig config) {
        this.client = client;
        this.config = config;
    }

    /** An empty child result: a session without entries. */
    public static ObjectNode empty() {
        return childResult(List.of());
    }

    /** The entries of each session of the batch, by session Id. */
    public Map<String, ObjectNode> entriesOf(RunContext ctx, ExtractionPlan plan, Collection<JsonNode> sessions) {
        Map<String, List<JsonNode>> bySession = new LinkedHashMap<>();
        List<String> ids = new ArrayList<>();
        for (JsonNode s : sessions) {
            String id = RecordNormalizer.id(s);
            ids.add(id);
            bySession.put(id, new ArrayList<>());
        }
        int batch = Math.max(1, config.rest().conversationBatch());
        for (int i = 0; i < ids.size(); i += batch) {
            List<String> chunk = ids.subList(i, Math.min(ids.size(), i + batch));
            readEntries(ctx, plan, chunk, bySession);
        }
        Map<String, ObjectNode> out = new LinkedHashMap<>();
        bySession.forEach((id, entries) -> out.put(id, childResult(entries)));
        return out;
    }

    private void readEntries(RunContext ctx, ExtractionPlan plan, List<String> ids, Map<String, List<JsonNode>> bySession) {
        StringBuilder in = new StringBuilder();
        for (String id : ids) {
            if (in.length() > 0) {
                in.append(", ");
            }
            in.append('\'').append(id.replace("\\", "\\\\").replace("'", "\\'")).append('\'');
        }
        String soql = "SELECT " + ENTRY_FIELDS + " FROM ConversationEntry WHERE ConversationId IN (" + in
                + ") ORDER BY ConversationId ASC, EntryTime ASC, Seq ASC, Id ASC";
        int batchSize = Math.max(200, Math.min(2000, config.rest().batchSize()));
        JsonNode page = client.query(ctx.session(), soql, plan.job().includeDeleted(), batchSize);
        while (true) {
            for (JsonNode e : page.path("records")) {
                List<JsonNode> list = bySession.get(e.path("ConversationId").asText());
                if (list != null) {
                    list.add(RecordNormalizer.fromRest(e));
                }
            }
            if (page.path("done").asBoolean(true) || !page.hasNonNull("nextRecordsUrl")) {
                return;
            }
            ctx.checkCancelled();
            page = client.queryMore(ctx.session(), page.get("nextRecordsUrl").asText(), batchSize);
        }
    }

    private static ObjectNode childResult(List<JsonNode> entries) {
        ObjectNode child = JsonNodeFactory.instance.objectNode();
        child.put("totalSize", entries.size());
        child.put("done", true);
        ArrayNode records = child.putArray("records");
        entries.forEach(records::add);
        return child;
    }
}
