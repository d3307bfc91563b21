package io.sfinbound.transformer.conversation;

import java.time.Instant;
import java.util.List;

/**
 * A live-chat Body read into its header facts and lines.
 *
 * @param started       the first {@code Chat Started:} time, {@code null} when absent or in an unknown locale
 * @param origins       {@code Chat Origin:} values
 * @param agentNames    names from {@code Agent <name>} header lines
 * @param transferNames names on both sides of {@code Chat Transferred From X To Y} lines
 * @param lines         messages and system lines in order
 * @param headerLines   how many header lines were recognised
 */
public record ParsedTranscript(
        Instant started,
        List<String> origins,
        List<String> agentNames,
        List<String> transferNames,
        List<ChatLine> lines,
        int headerLines) {

    /** Whether nothing at all was recognised. */
    public boolean isEmpty() {
        return lines.isEmpty() && headerLines == 0;
    }
}
