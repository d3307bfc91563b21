package io.sfinbound.common.job;

import java.util.List;
import java.util.Set;

/**
 * Substitution and redaction of a job, applied by the transformer (substitution first, then redaction).
 *
 * @param substitutionRules rule file text in XM Discover's format: lines {@code phrase : replacement}, {@code #} comments
 * @param redactionRules    rule file text: one regex per line, {@code #} comments
 * @param detectors         built-in detectors switched on
 * @param mask              the fixed mask that replaces a redacted match, default {@code [REDACTED]}
 * @param textAttributes    text attributes (besides verbatims and conversation turns) to redact
 */
public record RedactionSettings(
        String substitutionRules,
        String redactionRules,
        Set<Detector> detectors,
        String mask,
        List<String> textAttributes) {

    public static final String DEFAULT_MASK = "[REDACTED]";
}
