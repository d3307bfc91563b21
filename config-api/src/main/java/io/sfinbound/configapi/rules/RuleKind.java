package io.sfinbound.configapi.rules;

import java.util.Locale;

import io.sfinbound.common.problem.ProblemException;
import io.sfinbound.transform.redaction.RedactionRules;
import io.sfinbound.transform.redaction.SubstitutionRules;

/** The two rule files of a job, as in XM Discover: substitution and redaction. */
public enum RuleKind {

    /** Lines {@code phrase : replacement}. */
    SUBSTITUTION(SubstitutionRules.TEMPLATE, "substitution-rules.txt", "redaction.substitutionRules"),
    /** One regular expression per line. */
    REDACTION(RedactionRules.TEMPLATE, "redaction-rules.txt", "redaction.redactionRules");

    private final String template;
    private final String fileName;
    private final String field;

    RuleKind(String template, String fileName, String field) {
        this.template = template;
        this.fileName = fileName;
        this.field = field;
    }

    /** The kind named in a path ({@code substitution} or {@code redaction}); 404 otherwise. */
    public static RuleKind of(String name) {
        for (RuleKind k : values()) {
            if (k.name().toLowerCase(Locale.ROOT).equals(name)) {
                return k;
            }
        }
        throw ProblemException.notFound("rule file kind '" + name + "' (use substitution or redaction)");
    }

    /** The downloadable template, its format explained in {@code #} comments. */
    public String template() {
        return template;
    }

    /** The file name of a download. */
    public String fileName() {
        return fileName;
    }

    /** The job field that holds the file. */
    public String field() {
        return field;
    }
}
