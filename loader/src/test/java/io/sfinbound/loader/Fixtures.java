package io.sfinbound.loader;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import io.sfinbound.common.record.AttributeType;
import io.sfinbound.common.record.AttributeValue;
import io.sfinbound.common.record.Conversation;
import io.sfinbound.common.record.DocumentKind;
import io.sfinbound.common.record.DocumentMessage;
import io.sfinbound.common.record.ParticipantType;
import io.sfinbound.common.record.Verbatim;
import io.sfinbound.common.record.XmdDocument;

/** Builders of test messages; ids are random so that tests never see each other's documents. */
public final class Fixtures {

    private Fixtures() {
    }

    /** A fresh project id. */
    public static long project() {
        return ThreadLocalRandom.current().nextLong(1_000_000, Long.MAX_VALUE / 2);
    }

    /** A fresh run id. */
    public static String run() {
        return UUID.randomUUID().toString();
    }

    /** A fresh job id with the given last digit (the stub's duplicate mode: 1 SKIP, 2 REPLACE, 3 UPDATE, 4 unknown). */
    public static long job(int lastDigit) {
        return ThreadLocalRandom.current().nextLong(1_000_000_000L, 100_000_000_000L) * 10 + lastDigit;
    }

    /** A feedback document with one verbatim and the given attributes (name → text). */
    public static XmdDocument document(String naturalId, Instant date, String text, Map<String, String> attributes) {
        Map<String, AttributeValue> attrs = new LinkedHashMap<>();
        attributes.forEach((k, v) -> attrs.put(k, new AttributeValue(AttributeType.TEXT, JsonNodeFactory.instance.textNode(v))));
        return new XmdDocument(naturalId, date, "Salesforce", "Salesforce", "Operational reporting", "job", attrs,
                List.of(new Verbatim("feedback", text)), null, 0);
    }

    /** A chat document with a two-turn conversation. */
    public static XmdDocument chat(String naturalId, Instant date, String clientText, String agentText) {
        Conversation conv = new Conversation(
                List.of(new Conversation.Participant("c", "Client", ParticipantType.CLIENT),
                        new Conversation.Participant("a", "Agent", ParticipantType.AGENT)),
                List.of(new Conversation.Turn(0, "c", date, clientText), new Conversation.Turn(1, "a", date, agentText)));
        return new XmdDocument(naturalId, date, "Salesforce", "Salesforce", "chat", "job", Map.of(), List.of(), conv, 0);
    }

    /** A DOCUMENT message whose source record id is the natural id without its {@code Salesforce;} prefix. */
    public static DocumentMessage message(String runId, long jobId, long projectId, XmdDocument doc) {
        String sourceId = doc.naturalId().replaceFirst("^Salesforce;", "");
        return new DocumentMessage(runId, jobId, 1, projectId, sourceId, DocumentKind.DOCUMENT, null, doc);
    }

    /** A DOCUMENT message with an explicit source record id (several records may map to one natural id). */
    public static DocumentMessage message(String runId, long jobId, long projectId, String sourceRecordId, XmdDocument doc) {
        return new DocumentMessage(runId, jobId, 1, projectId, sourceRecordId, DocumentKind.DOCUMENT, null, doc);
    }

    /** A FILTERED message. */
    public static DocumentMessage filtered(String runId, long jobId, long projectId, String sourceRecordId) {
        return new DocumentMessage(runId, jobId, 1, projectId, sourceRecordId, DocumentKind.FILTERED, "rule Status = Closed",
                null);
    }

    /** A DEAD_LETTERED message. */
    public static DocumentMessage deadLettered(String runId, long jobId, long projectId, String sourceRecordId) {
        return new DocumentMessage(runId, jobId, 1, projectId, sourceRecordId, DocumentKind.DEAD_LETTERED,
                "MALFORMED_TRANSCRIPT: no body", null);
    }
}
