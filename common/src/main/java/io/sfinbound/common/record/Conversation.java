package io.sfinbound.common.record;

import java.time.Instant;
import java.util.List;

/**
 * A chat or messaging conversation.
 *
 * @param participants the participants, in order of first appearance
 * @param turns        the turns in order
 */
public record Conversation(List<Participant> participants, List<Turn> turns) {

    /**
     * @param id   participant id, unique within the conversation
     * @param name display name as in the source
     * @param type agent, client, bot or unknown
     */
    public record Participant(String id, String name, ParticipantType type) {
    }

    /**
     * @param index         0-based position
     * @param participantId who spoke
     * @param timestamp     absolute time of the turn, {@code null} when the source has none
     * @param text          the (substituted and redacted) text
     */
    public record Turn(int index, String participantId, Instant timestamp, String text) {
    }
}
