package io.sfinbound.transform.redaction;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.sfinbound.common.job.Detector;
import io.sfinbound.common.job.RedactionSettings;
import io.sfinbound.common.problem.Problem;
import io.sfinbound.transform.job.JobCompilationException;
import io.sfinbound.transform.job.TransformException;

/**
 * Substitution then redaction of one text with a job's settings. Redaction collects the spans of every rule and
 * detector on the substituted text, merges overlapping spans and replaces each with the fixed mask once, so the
 * mask is never matched again and the count is the number of masked spans. The whole text has a time budget; a
 * text that cannot be redacted in time fails the record (fail closed: never published unredacted).
 */
public final class TextRedactor {

    private final SubstitutionRules substitutions;
    private final List<Pattern> rules;
    private final Set<Detector> detectors;
    private final String mask;
    private final long budgetNanos;

    private TextRedactor(SubstitutionRules substitutions, List<Pattern> rules, Set<Detector> detectors, String mask,
            Duration budget) {
        this.substitutions = substitutions;
        this.rules = rules;
        this.detectors = detectors;
        this.mask = mask;
        this.budgetNanos = budget.toNanos();
    }

    /**
     * The outcome of one text.
     *
     * @param text       the substituted and redacted text
     * @param redactions how many spans were masked
     */
    public record Result(String text, int redactions) {
    }

    /** Creates redactors from job settings with a time budget per text. */
    public static final class Factory {

        private final Duration budget;

        public Factory(Duration budget) {
            this.budget = budget;
        }

        /**
         * A redactor for settings; {@code null} when the settings do nothing.
         *
         * @throws JobCompilationException naming {@code redaction.substitutionRules} or {@code redaction.redactionRules}
         *                                 with the line and column of each bad rule
         */
        public TextRedactor create(RedactionSettings settings) {
            if (settings == null) {
                return null;
            }
            List<Problem.FieldError> errors = new ArrayList<>();
            List<RuleFileError> subErrors = new ArrayList<>();
            SubstitutionRules subs = SubstitutionRules.parse(settings.substitutionRules(), subErrors);
            subErrors.forEach(e -> errors.add(new Problem.FieldError("redaction.substitutionRules", e.message(),
                    e.line(), e.column())));
            List<RuleFileError> ruleErrors = new ArrayList<>();
            RedactionRules rules = RedactionRules.parse(settings.redactionRules(), ruleErrors);
            ruleErrors.forEach(e -> errors.add(new Problem.FieldError("redaction.redactionRules", e.message(),
                    e.line(), e.column())));
            String mask = settings.mask() == null || settings.mask().isEmpty() ? RedactionSettings.DEFAULT_MASK
                    : settings.mask();
            if (!errors.isEmpty()) {
                throw new JobCompilationException(errors);
            }
            Set<Detector> detectors = settings.detectors() == null || settings.detectors().isEmpty()
                    ? EnumSet.noneOf(Detector.class) : EnumSet.copyOf(settings.detectors());
            if (subs.isEmpty() && rules.patterns().isEmpty() && detectors.isEmpty()) {
                return null;
            }
            return new TextRedactor(subs, rules.patterns(), detectors, mask, budget);
        }
    }

    /** Substitutes then redacts a text. */
    public Result redact(String text) {
        long deadline = System.nanoTime() + budgetNanos;
        try {
            String substituted = substitutions.apply(TimeBoundedCharSequence.of(text, deadline));
            CharSequence bounded = TimeBoundedCharSequence.of(substituted, deadline);
            List<int[]> spans = new ArrayList<>();
            for (Pattern p : rules) {
                Matcher m = p.matcher(bounded);
                while (m.find()) {
                    if (m.end() > m.start()) {
                        spans.add(new int[] {m.start(), m.end()});
                    }
                }
            }
            for (Detector d : detectors) {
                Detectors.find(d, bounded, spans);
            }
            if (spans.isEmpty()) {
                return new Result(substituted, 0);
            }
            spans.sort(Comparator.comparingInt((int[] s) -> s[0]).thenComparingInt(s -> -s[1]));
            StringBuilder out = new StringBuilder(substituted.length());
            int count = 0;
            int last = 0;
            int i = 0;
            while (i < spans.size()) {
                int start = spans.get(i)[0];
                int end = spans.get(i)[1];
                i++;
                while (i < spans.size() && spans.get(i)[0] < end) {
                    end = Math.max(end, spans.get(i)[1]);
                    i++;
                }
                out.append(substituted, last, start).append(mask);
                last = end;
                count++;
            }
            out.append(substituted, last, substituted.length());
            return new Result(out.toString(), count);
        } catch (TimeBoundedCharSequence.RegexTimeoutException e) {
            throw new TransformException(TransformException.REDACTION_TIMEOUT, "substitution and redaction of a "
                    + text.length() + "-character text ran past " + budgetNanos / 1_000_000 + " ms");
        }
    }
}
