package io.sfinbound.transformer.redaction;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Optional;

/**
 * A static check of a user regex for the shapes that backtrack catastrophically: a quantified group that itself
 * contains an unbounded quantifier ({@code (a+)+}, {@code (\w*x?)*}, {@code (a|a?)+}). It is a guard at job save,
 * not a proof: the run-time guard is {@link TimeBoundedCharSequence}. Plain Java, reusable by config-api.
 */
public final class RegexSafety {

    private RegexSafety() {
    }

    /** The problem with a pattern, or empty when it looks safe. */
    public static Optional<String> check(String regex) {
        // For each open group: whether it contains an unbounded quantifier.
        Deque<boolean[]> groups = new ArrayDeque<>();
        groups.push(new boolean[] {false});
        boolean inClass = false;
        for (int i = 0; i < regex.length(); i++) {
            char c = regex.charAt(i);
            if (c == '\\') {
                i++;
                continue;
            }
            if (inClass) {
                if (c == ']') {
                    inClass = false;
                }
                continue;
            }
            switch (c) {
                case '[' -> inClass = true;
                case '(' -> groups.push(new boolean[] {false});
                case ')' -> {
                    if (groups.size() == 1) {
                        return Optional.empty();
                    }
                    boolean innerUnbounded = groups.pop()[0];
                    int next = i + 1;
                    boolean quantified = next < regex.length() && isUnboundedQuantifier(regex, next);
                    if (quantified && innerUnbounded) {
                        return Optional.of("nested unbounded quantifiers at column " + (next + 1)
                                + " can backtrack catastrophically; make the inner repetition bounded or possessive");
                    }
                    if (innerUnbounded || quantified) {
                        groups.peek()[0] = true;
                    }
                }
                case '*', '+' -> {
                    // A possessive quantifier (a++) never gives back what it matched, so it cannot backtrack.
                    boolean possessive = i + 1 < regex.length() && regex.charAt(i + 1) == '+';
                    if (!possessive) {
                        groups.peek()[0] = true;
                    }
                    i = skipModifier(regex, i);
                }
                case '{' -> {
                    int close = regex.indexOf('}', i);
                    if (close > 0) {
                        boolean possessive = close + 1 < regex.length() && regex.charAt(close + 1) == '+';
                        if (regex.substring(i, close).matches("\\{\\d+,") && !possessive) {
                            groups.peek()[0] = true;
                        }
                        i = skipModifier(regex, close);
                    }
                }
                default -> {
                }
            }
        }
        return Optional.empty();
    }

    /** Skips a lazy or possessive modifier after the quantifier ending at {@code at}. */
    private static int skipModifier(String regex, int at) {
        return at + 1 < regex.length() && (regex.charAt(at + 1) == '+' || regex.charAt(at + 1) == '?') ? at + 1 : at;
    }

    private static boolean isUnboundedQuantifier(String regex, int at) {
        char q = regex.charAt(at);
        if (q == '*' || q == '+') {
            return !(at + 1 < regex.length() && regex.charAt(at + 1) == '+');
        }
        if (q == '{') {
            int close = regex.indexOf('}', at);
            return close > 0 && regex.substring(at, close).matches("\\{\\d+,")
                    && !(close + 1 < regex.length() && regex.charAt(close + 1) == '+');
        }
        return false;
    }
}
