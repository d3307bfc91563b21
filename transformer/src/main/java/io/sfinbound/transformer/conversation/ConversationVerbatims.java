package io.sfinbound.transformer.conversation;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import io.sfinbound.common.record.Conversation;
import io.sfinbound.common.record.ParticipantType;
import io.sfinbound.common.record.Verbatim;

/**
 * XM Discover's verbatim split of a conversation: {@code clientVerbatim} (client turns), {@code agentVerbatim}
 * (agent and chatbot turns: XM Discover types a chatbot as an agent) and {@code unknownVerbatim}, each the turns'
 * texts joined by newlines. System lines are in the conversation only, never in a verbatim.
 */
public final class ConversationVerbatims {

    public static final String CLIENT = "clientVerbatim";
    public static final String AGENT = "agentVerbatim";
    public static final String UNKNOWN = "unknownVerbatim";

    private ConversationVerbatims() {
    }

    /** The non-empty verbatims of a conversation, client first. */
    public static List<Verbatim> split(Conversation conversation) {
        Map<String, ParticipantType> types = new HashMap<>();
        conversation.participants().forEach(p -> types.put(p.id(), p.type()));
        StringBuilder client = new StringBuilder();
        StringBuilder agent = new StringBuilder();
        StringBuilder unknown = new StringBuilder();
        for (Conversation.Turn t : conversation.turns()) {
            if (LiveChatConversations.SYSTEM_ID.equals(t.participantId()) || t.text().isBlank()) {
                continue;
            }
            ParticipantType type = types.getOrDefault(t.participantId(), ParticipantType.UNKNOWN);
            StringBuilder target = switch (type) {
                case CLIENT -> client;
                case AGENT, BOT -> agent;
                default -> unknown;
            };
            if (target.length() > 0) {
                target.append('\n');
            }
            target.append(t.text());
        }
        List<Verbatim> out = new ArrayList<>();
        if (client.length() > 0) {
            out.add(new Verbatim(CLIENT, client.toString()));
        }
        if (agent.length() > 0) {
            out.add(new Verbatim(AGENT, agent.toString()));
        }
        if (unknown.length() > 0) {
            out.add(new Verbatim(UNKNOWN, unknown.toString()));
        }
        return out;
    }
}
