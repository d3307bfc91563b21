package io.sfinbound.transformer.conversation;

/**
 * One line of a parsed chat transcript.
 *
 * @param speaker       display name as in the transcript; {@code null} for a system line
 * @param offsetSeconds seconds since the chat started; {@code null} for a system line
 * @param text          the decoded text
 */
public record ChatLine(String speaker, Long offsetSeconds, String text) {

    /** Whether the line is a system event (transfer, file transfer...) rather than a participant's message. */
    public boolean isSystem() {
        return speaker == null;
    }
}
