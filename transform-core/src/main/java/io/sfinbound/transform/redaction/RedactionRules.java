package io.sfinbound.transform.redaction;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * XM Discover's redaction rule file: one regular expression per line, {@code #} starts a comment line, blank lines
 * are ignored. As in XM Discover, negative lookaheads (and lookbehinds) are not supported. Each rule is checked: it
 * compiles, it cannot match the empty text, and it has no nested unbounded quantifiers ({@link RegexSafety}).
 * Plain Java, reusable by config-api's rule file validation.
 */
public final class RedactionRules {

    /** The template a user downloads. */
    public static final String TEMPLATE = """
            # Redaction rules (XM Discover format)
            #
            # One regular expression (Java syntax) per line; every match is replaced by the job's mask.
            # - Matching is case-sensitive; start a rule with (?i) to ignore case.
            # - Negative lookaheads and lookbehinds, (?!...) and (?<!...), are not supported.
            # - A rule must not match the empty text, and must not nest unbounded repetitions such as (a+)+ or
            #   (.*a){20}: those can take minutes on a short text, so the job is rejected when it is saved.
            # - Built-in detectors (e-mail, phone, payment card, US SSN, IBAN) are switched on in the job,
            #   not written here.
            # - Lines starting with # are comments; blank lines are ignored.
            #
            # Examples (remove or replace them):
            # social security numbers
            \\b\\d{3}-\\d{2}-\\d{4}\\b
            # order numbers such as ORD-123456
            ORD-\\d{6}
            """;


    private final List<Pattern> patterns;

    private RedactionRules(List<Pattern> patterns) {
        this.patterns = patterns;
    }

    /** Parses a rule file; the errors list receives every bad line (then the result should not be used). */
    public static RedactionRules parse(String file, List<RuleFileError> errors) {
        List<Pattern> patterns = new ArrayList<>();
        if (file != null) {
            String[] lines = file.split("\\R", -1);
            for (int n = 0; n < lines.length; n++) {
                String line = lines[n];
                String rule = line.strip();
                if (rule.isEmpty() || rule.startsWith("#")) {
                    continue;
                }
                int indent = line.indexOf(rule) + 1;
                int lookaround = Math.max(rule.indexOf("(?!"), rule.indexOf("(?<!"));
                if (lookaround >= 0) {
                    errors.add(new RuleFileError(n + 1, indent + lookaround, "negative lookarounds are not supported"));
                    continue;
                }
                Pattern p;
                try {
                    p = Pattern.compile(rule);
                } catch (PatternSyntaxException e) {
                    errors.add(new RuleFileError(n + 1, indent + Math.max(0, e.getIndex()), e.getDescription()));
                    continue;
                }
                if (p.matcher("").matches()) {
                    errors.add(new RuleFileError(n + 1, indent, "the rule matches the empty text"));
                    continue;
                }
                var unsafe = RegexSafety.check(rule);
                if (unsafe.isPresent()) {
                    errors.add(new RuleFileError(n + 1, indent, unsafe.get()));
                    continue;
                }
                patterns.add(p);
            }
        }
        return new RedactionRules(List.copyOf(patterns));
    }

    /** The compiled rules in file order. */
    public List<Pattern> patterns() {
        return patterns;
    }
}
