package io.sfinbound.transform.redaction;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Optional;

/**
 * A static check of a user regex for the shapes that backtrack catastrophically:
 * <ul>
 * <li>a group repeated without bound that itself contains an unbounded quantifier ({@code (a+)+}, {@code (\w*x?)*});</li>
 * <li>a group repeated without bound whose alternatives can start alike or match nothing ({@code (a|aa)+},
 * {@code (a|a?)+});</li>
 * <li>a group repeated a bounded number of times (two or more) holding an unbounded wildcard, such as {@code .*},
 * {@code \S+} or {@code [^,]*} ({@code (.*a){20}}): each repetition can split the text anywhere.</li>
 * </ul>
 * It is a guard at job save, not a proof (polynomial shapes such as {@code a*a*a*a*b} pass): the run-time guard is
 * {@link TimeBoundedCharSequence}. Hand-written because no maintained Java library does this analysis (the JDK's
 * {@code Pattern} has no backtracking limit). Plain Java, used by config-api's job save and the transformer.
 */
public final class RegexSafety {

    private RegexSafety() {
    }

    /** What the analysis knows of one open group. */
    private static final class Group {
        final int start;
        boolean unbounded;
        boolean broadUnbounded;
        boolean alternation;

        Group(int start) {
            this.start = start;
        }
    }

    /** The problem with a pattern, or empty when it looks safe. */
    public static Optional<String> check(String regex) {
        Deque<Group> groups = new ArrayDeque<>();
        groups.push(new Group(-1));
        boolean inClass = false;
        int atomStart = -1; // where the last atom began, to see whether a quantifier applies to a wildcard
        for (int i = 0; i < regex.length(); i++) {
            char c = regex.charAt(i);
            if (inClass) {
                if (c == '\\') {
                    i++;
                } else if (c == ']') {
                    inClass = false;
                }
                continue;
            }
            if (c == '\\') {
                if (i + 1 < regex.length() && regex.charAt(i + 1) == 'Q') {
                    int end = regex.indexOf("\\E", i + 2);
                    i = end < 0 ? regex.length() : end + 1;
                    atomStart = -1;
                    continue;
                }
                atomStart = i;
                i++;
                continue;
            }
            switch (c) {
                case '[' -> {
                    inClass = true;
                    atomStart = i;
                    if (i + 1 < regex.length() && regex.charAt(i + 1) == ']') {
                        i++; // a leading ] is a literal
                    }
                }
                case '(' -> {
                    groups.push(new Group(i));
                    atomStart = -1;
                }
                case '|' -> groups.peek().alternation = true;
                case ')' -> {
                    if (groups.size() == 1) {
                        return Optional.empty(); // unbalanced: Pattern.compile reports it
                    }
                    Group g = groups.pop();
                    int next = i + 1;
                    int repeat = next < regex.length() ? repetition(regex, next) : 1;
                    boolean unboundedRepeat = repeat == Integer.MAX_VALUE;
                    if (unboundedRepeat && g.unbounded) {
                        return problem("nested unbounded quantifiers", next);
                    }
                    if (unboundedRepeat && g.alternation && ambiguousAlternatives(regex.substring(g.start + 1, i))) {
                        return problem("a repeated group whose alternatives can match the same text", next);
                    }
                    if (repeat >= 2 && g.broadUnbounded) {
                        return problem("a repeated group holding an unbounded wildcard", next);
                    }
                    Group outer = groups.peek();
                    outer.unbounded |= g.unbounded || unboundedRepeat;
                    outer.broadUnbounded |= g.broadUnbounded;
                    if (next < regex.length() && isQuantifierStart(regex, next)) {
                        i = skipQuantifier(regex, next);
                    }
                    atomStart = -1;
                }
                case '*', '+', '{', '?' -> {
                    if (!isQuantifierStart(regex, i)) {
                        atomStart = i; // a literal brace
                        continue;
                    }
                    int end = skipQuantifier(regex, i);
                    if (repetition(regex, i) == Integer.MAX_VALUE) {
                        groups.peek().unbounded = true;
                        if (atomStart >= 0 && isBroad(regex, atomStart)) {
                            groups.peek().broadUnbounded = true;
                        }
                    }
                    i = end;
                    atomStart = -1;
                }
                default -> atomStart = i;
            }
        }
        return Optional.empty();
    }

    private static Optional<String> problem(String what, int at) {
        return Optional.of(what + " at column " + (at + 1)
                + " can backtrack catastrophically; make the inner repetition bounded or possessive");
    }

    private static boolean isQuantifierStart(String regex, int at) {
        char q = regex.charAt(at);
        return q == '*' || q == '+' || q == '?' || (q == '{' && regex.indexOf('}', at) > 0
                && regex.substring(at, regex.indexOf('}', at)).matches("\\{\\d+(,\\d*)?"));
    }

    /**
     * How many times the quantifier at {@code at} may repeat its atom: 1 when there is none (or {@code ?}),
     * {@link Integer#MAX_VALUE} when unbounded; a possessive quantifier never gives back, so it counts as 1.
     */
    private static int repetition(String regex, int at) {
        if (!isQuantifierStart(regex, at)) {
            return 1;
        }
        int baseEnd = regex.charAt(at) == '{' ? regex.indexOf('}', at) : at;
        int end = skipQuantifier(regex, at);
        if (end > baseEnd && regex.charAt(end) == '+') {
            return 1; // possessive
        }
        char q = regex.charAt(at);
        if (q == '*' || q == '+') {
            return Integer.MAX_VALUE;
        }
        if (q == '?') {
            return 1;
        }
        String body = regex.substring(at + 1, regex.indexOf('}', at));
        int comma = body.indexOf(',');
        if (comma < 0) {
            return parse(body);
        }
        return comma == body.length() - 1 ? Integer.MAX_VALUE : parse(body.substring(comma + 1));
    }

    private static int parse(String digits) {
        try {
            return Integer.parseInt(digits);
        } catch (NumberFormatException e) {
            return Integer.MAX_VALUE;
        }
    }

    /** The index of the quantifier's last character (including a lazy or possessive modifier). */
    private static int skipQuantifier(String regex, int at) {
        int end = at;
        if (regex.charAt(at) == '{') {
            int close = regex.indexOf('}', at);
            if (close < 0) {
                return at;
            }
            end = close;
        }
        return end + 1 < regex.length() && (regex.charAt(end + 1) == '+' || regex.charAt(end + 1) == '?') ? end + 1 : end;
    }

    /** Whether the atom at {@code at} matches nearly anything: {@code .}, {@code \S \W \D}, a negated class. */
    private static boolean isBroad(String regex, int at) {
        char c = regex.charAt(at);
        if (c == '.') {
            return true;
        }
        if (c == '\\' && at + 1 < regex.length()) {
            return "SWDHV".indexOf(regex.charAt(at + 1)) >= 0;
        }
        return c == '[' && at + 1 < regex.length() && regex.charAt(at + 1) == '^';
    }

    /** Whether two top-level alternatives of a group body start with the same atom, or one is empty or optional. */
    private static boolean ambiguousAlternatives(String body) {
        // drop the group's kind: (?:...), (?>...), (?<name>...), (?i:...)
        body = body.replaceFirst("^\\?(?:[:>]|<[A-Za-z][A-Za-z0-9]*>|[a-zA-Z-]+:)", "");
        java.util.List<String> alternatives = new java.util.ArrayList<>();
        int depth = 0;
        int from = 0;
        boolean inClass = false;
        for (int i = 0; i < body.length(); i++) {
            char c = body.charAt(i);
            if (c == '\\') {
                i++;
            } else if (inClass) {
                inClass = c != ']';
            } else if (c == '[') {
                inClass = true;
            } else if (c == '(') {
                depth++;
            } else if (c == ')') {
                depth--;
            } else if (c == '|' && depth == 0) {
                alternatives.add(body.substring(from, i));
                from = i + 1;
            }
        }
        alternatives.add(body.substring(from));
        java.util.Set<String> firsts = new java.util.HashSet<>();
        for (String alt : alternatives) {
            if (alt.isEmpty()) {
                return true;
            }
            int len = alt.charAt(0) == '\\' && alt.length() > 1 ? 2 : 1;
            String first = alt.substring(0, len);
            boolean optional = alt.length() > len && "*?".indexOf(alt.charAt(len)) >= 0;
            if (optional || !firsts.add(first)) {
                return true;
            }
        }
        return false;
    }
}
