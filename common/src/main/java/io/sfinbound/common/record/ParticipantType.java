package io.sfinbound.common.record;

/** Participant types of a conversation. */
public enum ParticipantType {
    AGENT,
    CLIENT,
    /** Chatbot or system lines. */
    BOT,
    UNKNOWN
}
