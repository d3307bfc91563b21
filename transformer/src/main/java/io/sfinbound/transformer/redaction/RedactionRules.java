package io.sfinbound.transformer.redaction;

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
            # Redaction rules: one regular expression per line; every match is masked.
            # Lines starting with # are comments. Negative lookaheads are not supported.
            # mask social security numbers
            \\d{3}-\\d{2}-\\d{4}
            # mask order numbers such as ORD-123456
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
