package io.sfinbound.transform.job;

import java.util.regex.Pattern;

/**
 * Record values quoted in error messages. A dead letter's reason reaches two places: the DLQ, which holds the
 * unredacted record anyway, and the DEAD_LETTERED outcome on {@code sfinbound.documents}, which is redacted from
 * there on. Values are quoted as {@code ‹value›} so that the outcome's reason can drop them.
 */
public final class SensitiveValues {

    private static final Pattern QUOTED = Pattern.compile("\u2039[^\u203A]*\u203A");

    private SensitiveValues() {
    }

    /** Quotes a record value in a message (abbreviated to 40 characters). */
    public static String quote(Object value) {
        String s = String.valueOf(value);
        return "\u2039" + (s.length() > 40 ? s.substring(0, 40) + "..." : s) + "\u203A";
    }

    /** The message without the record values it quotes. */
    public static String withoutValues(String message) {
        return message == null ? null : QUOTED.matcher(message).replaceAll("\u2039\u2026\u203A");
    }
}
