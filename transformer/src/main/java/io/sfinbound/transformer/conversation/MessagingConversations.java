package io.sfinbound.transformer.conversation;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import io.sfinbound.common.job.ParticipantMode;
import io.sfinbound.common.record.Conversation;
import io.sfinbound.common.record.ParticipantType;
import io.sfinbound.transform.mapping.SalesforceValues;
import io.sfinbound.transform.job.TransformException;

/**
 * Turns a {@code MessagingSession} record with its {@code ConversationEntries} child records (a REST child subquery:
 * {@code {"totalSize", "done", "records": [...]}}) into one {@link Conversation}. Entries are ordered by
 * {@code EntryTime}, then {@code EntryTimeMilliSecs}, then {@code Seq}; entries without a message (opt-ins,
 * bot-established events) are skipped. {@code ActorType} decides the participant type: Agent and Supervisor are
 * agents, Bot a bot, EndUser the client, System lines belong to the participant {@code system} (a bot, as in live
 * chat, and never in a verbatim); entries without an ActorType fall back to the job's mode
 * (first speaker agent or customer), else unknown.
 */
public final class MessagingConversations {

    private static final Comparator<JsonNode> ENTRY_ORDER = Comparator
            .comparing((JsonNode e) -> SalesforceValues.instant(e.get("EntryTime")).orElse(Instant.MAX))
            .thenComparing(e -> e.path("EntryTimeMilliSecs").asLong(0))
            .thenComparing(e -> SalesforceValues.number(e.get("Seq")).map(java.math.BigDecimal::doubleValue)
                    .orElse(Double.MAX_VALUE));

    /** Builds the conversation of a session record. */
    public Conversation build(JsonNode session, ParticipantMode mode) {
        JsonNode child = session.get("ConversationEntries");
        List<JsonNode> entries = new ArrayList<>();
        if (child != null && !child.isNull()) {
            JsonNode records = child.isArray() ? child : child.get("records");
            if (records == null || !records.isArray()) {
                throw new TransformException(TransformException.MALFORMED_TRANSCRIPT,
                        "ConversationEntries is neither a child subquery result with records nor an array");
            }
            for (JsonNode e : records) {
                if (!e.isObject()) {
                    throw new TransformException(TransformException.MALFORMED_TRANSCRIPT,
                            "a ConversationEntries record is not an object");
                }
                entries.add(e);
            }
        }
        entries.sort(ENTRY_ORDER);
        Map<String, Conversation.Participant> participants = new LinkedHashMap<>();
        List<Conversation.Turn> turns = new ArrayList<>();
        int speakers = 0;
        for (JsonNode e : entries) {
            String text = SalesforceValues.text(e.get("Message"));
            if (text == null || text.isBlank()) {
                continue;
            }
            String actorType = SalesforceValues.text(e.get("ActorType"));
            String name = SalesforceValues.text(e.get("ActorName"));
            String actorId = SalesforceValues.text(e.get("ActorId"));
            boolean system = "System".equalsIgnoreCase(actorType);
            String key = system ? LiveChatConversations.SYSTEM_ID
                    : actorId != null ? actorId : (name != null ? name : String.valueOf(actorType));
            Conversation.Participant p = participants.get(key);
            if (p == null) {
                if (system) {
                    p = new Conversation.Participant(LiveChatConversations.SYSTEM_ID, "System", ParticipantType.BOT);
                } else {
                    ParticipantType type = typeOf(actorType, speakers++, mode);
                    p = new Conversation.Participant("p" + speakers,
                            name != null ? name : (actorType != null ? actorType : "Unknown"), type);
                }
                participants.put(key, p);
            }
            Instant at = SalesforceValues.instant(e.get("EntryTime")).orElse(null);
            long millis = e.path("EntryTimeMilliSecs").asLong(0);
            if (at != null && millis > 0 && millis < 1000 && at.getNano() == 0) {
                at = at.plusMillis(millis);
            }
            turns.add(new Conversation.Turn(turns.size(), p.id(), at, text.strip()));
        }
        return new Conversation(List.copyOf(participants.values()), List.copyOf(turns));
    }

    static ParticipantType typeOf(String actorType, int position, ParticipantMode mode) {
        if (actorType != null) {
            switch (actorType.toLowerCase(Locale.ROOT)) {
                case "agent", "supervisor" -> {
                    return ParticipantType.AGENT;
                }
                case "bot", "chatbot", "system" -> {
                    return ParticipantType.BOT;
                }
                case "enduser", "end_user", "customer" -> {
                    return ParticipantType.CLIENT;
                }
                default -> {
                    return ParticipantType.UNKNOWN;
                }
            }
        }
        if (mode == ParticipantMode.FIRST_IS_AGENT) {
            return position == 1 ? ParticipantType.CLIENT : ParticipantType.AGENT;
        }
        if (mode == ParticipantMode.FIRST_IS_CUSTOMER) {
            return position == 0 ? ParticipantType.CLIENT : ParticipantType.AGENT;
        }
        return ParticipantType.UNKNOWN;
    }
}
