package io.sfinbound.transform.redaction;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * XM Discover's substitution rule file: one rule per line, {@code phrase : replacement} (either side may be in
 * double quotes, with {@code \"} inside), case-sensitive, {@code #} starts a comment line, blank lines are ignored.
 * A phrase is replaced where it stands as a whole phrase (not inside a longer word); longer phrases win over their
 * prefixes; every replacement happens in one pass, so a replacement is never substituted again.
 * Plain Java, reusable by config-api's rule file validation.
 */
public final class SubstitutionRules {

    /** The template a user downloads. */
    public static final String TEMPLATE = """
            # Substitution rules (XM Discover format)
            #
            # One rule per line:   phrase to be replaced : phrase to substitute
            # - Phrases are case-sensitive: "acme" and "Acme" are different phrases.
            # - Put a phrase in double quotes when it contains ':' or starts or ends with spaces;
            #   write \\" for a double quote inside quotes.
            # - A phrase is replaced only where it stands as a whole phrase, not inside a longer word.
            # - When phrases overlap, the longer one wins; a replacement is never substituted again.
            # - Substitution runs before redaction, on every verbatim, conversation turn and chosen text attribute.
            # - Lines starting with # are comments; blank lines are ignored.
            #
            # Examples (remove or replace them):
            corroded virus : Coronavirus
            "Acme Corp." : "Acme Corporation"
            "Note: internal" : "Note"
            """;


    private final Map<String, String> rules;
    private final Pattern pattern;

    private SubstitutionRules(Map<String, String> rules) {
        this.rules = rules;
        if (rules.isEmpty()) {
            this.pattern = null;
        } else {
            List<String> phrases = new ArrayList<>(rules.keySet());
            phrases.sort(Comparator.comparingInt(String::length).reversed());
            StringBuilder sb = new StringBuilder();
            for (String p : phrases) {
                if (sb.length() > 0) {
                    sb.append('|');
                }
                boolean wordStart = Character.isLetterOrDigit(p.codePointAt(0));
                boolean wordEnd = Character.isLetterOrDigit(p.codePointBefore(p.length()));
                sb.append(wordStart ? "(?<![\\p{L}\\p{N}_])" : "").append(Pattern.quote(p))
                        .append(wordEnd ? "(?![\\p{L}\\p{N}_])" : "");
            }
            this.pattern = Pattern.compile(sb.toString());
        }
    }

    /** Parses a rule file; the errors list receives every bad line (then the result should not be used). */
    public static SubstitutionRules parse(String file, List<RuleFileError> errors) {
        Map<String, String> rules = new LinkedHashMap<>();
        if (file != null) {
            String[] lines = file.split("\\R", -1);
            for (int n = 0; n < lines.length; n++) {
                String line = lines[n];
                String trimmed = line.strip();
                if (trimmed.isEmpty() || trimmed.startsWith("#")) {
                    continue;
                }
                parseLine(line, n + 1, rules, errors);
            }
        }
        return new SubstitutionRules(rules);
    }

    private static void parseLine(String line, int lineNo, Map<String, String> rules, List<RuleFileError> errors) {
        int[] pos = {0};
        skipSpaces(line, pos);
        int phraseColumn = pos[0] + 1;
        String phrase = token(line, pos, lineNo, errors, true);
        if (phrase == null) {
            return;
        }
        skipSpaces(line, pos);
        if (pos[0] >= line.length() || line.charAt(pos[0]) != ':') {
            errors.add(new RuleFileError(lineNo, pos[0] + 1, "expected ':' between the phrase and its replacement"));
            return;
        }
        pos[0]++;
        skipSpaces(line, pos);
        String replacement = token(line, pos, lineNo, errors, false);
        if (replacement == null) {
            return;
        }
        skipSpaces(line, pos);
        if (pos[0] < line.length()) {
            errors.add(new RuleFileError(lineNo, pos[0] + 1, "unexpected text after the replacement"));
            return;
        }
        if (phrase.isEmpty()) {
            errors.add(new RuleFileError(lineNo, phraseColumn, "the phrase to replace is empty"));
            return;
        }
        if (rules.containsKey(phrase)) {
            errors.add(new RuleFileError(lineNo, phraseColumn, "the phrase '" + phrase + "' has a rule already"));
            return;
        }
        rules.put(phrase, replacement);
    }

    private static String token(String line, int[] pos, int lineNo, List<RuleFileError> errors, boolean phrase) {
        if (pos[0] < line.length() && line.charAt(pos[0]) == '"') {
            StringBuilder sb = new StringBuilder();
            int start = pos[0];
            pos[0]++;
            while (pos[0] < line.length()) {
                char c = line.charAt(pos[0]);
                if (c == '\\' && pos[0] + 1 < line.length()) {
                    sb.append(line.charAt(pos[0] + 1));
                    pos[0] += 2;
                } else if (c == '"') {
                    pos[0]++;
                    return sb.toString();
                } else {
                    sb.append(c);
                    pos[0]++;
                }
            }
            errors.add(new RuleFileError(lineNo, start + 1, "unterminated quote"));
            return null;
        }
        int start = pos[0];
        if (phrase) {
            // An unquoted phrase ends at the first ':'; quote a phrase that contains one.
            int end = line.indexOf(':', start);
            if (end < 0) {
                errors.add(new RuleFileError(lineNo, line.length() + 1,
                        "expected 'phrase : replacement' (a ':' separates them)"));
                return null;
            }
            pos[0] = end;
            return line.substring(start, end).strip();
        }
        pos[0] = line.length();
        return line.substring(start).strip();
    }

    private static void skipSpaces(String line, int[] pos) {
        while (pos[0] < line.length() && Character.isWhitespace(line.charAt(pos[0]))) {
            pos[0]++;
        }
    }

    /** The rules, phrase to replacement, in file order. */
    public Map<String, String> rules() {
        return rules;
    }

    /** Whether there is no rule. */
    public boolean isEmpty() {
        return rules.isEmpty();
    }

    /** Applies the rules in one pass over a (time-bounded) text. */
    public String apply(CharSequence text) {
        if (pattern == null) {
            return text.toString();
        }
        Matcher m = pattern.matcher(text);
        StringBuilder out = new StringBuilder(text.length());
        int last = 0;
        while (m.find()) {
            out.append(text, last, m.start()).append(rules.get(m.group()));
            last = m.end();
        }
        out.append(text, last, text.length());
        return out.toString();
    }
}
