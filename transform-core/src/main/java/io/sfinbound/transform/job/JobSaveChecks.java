package io.sfinbound.transform.job;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

import io.sfinbound.common.job.DefaultMapping;
import io.sfinbound.common.job.FieldMapping;
import io.sfinbound.common.job.JobConfig;
import io.sfinbound.common.job.RedactionSettings;
import io.sfinbound.common.problem.Problem;
import io.sfinbound.transform.expression.ExpressionCompiler;
import io.sfinbound.transform.expression.Type;
import io.sfinbound.transform.redaction.TextRedactor;

/**
 * The checks of a job when it is saved (config-api), done with the compiler the transformer runs: every custom
 * expression and the connector filter are compiled and type-checked against the fields of the SOQL select list,
 * the rule files are parsed and every regex is checked for catastrophic backtracking ({@code RegexSafety}), mapping
 * source fields must be in the select list with exactly that case, target attribute names are restricted to a safe
 * charset, and masks, rule files and expressions have size limits. A job that passes compiles in the transformer.
 * Plain Java, thread-safe.
 */
public final class JobSaveChecks {

    /** Longest redaction mask, in characters. */
    public static final int MAX_MASK = 100;
    /** Largest substitution or redaction rule file, in characters. */
    public static final int MAX_RULE_FILE = 256 * 1024;
    /** Longest target attribute name. */
    public static final int MAX_TARGET_ATTRIBUTE = 100;
    /** Longest expression, in characters (the compiler's limit). */
    public static final int MAX_EXPRESSION = ExpressionCompiler.MAX_SOURCE;
    /**
     * Target attribute names: letters, digits and underscores, words joined by single spaces, dots or hyphens; no
     * quotes, semicolons or control characters, since the name reaches the document store and the XM Discover UI.
     */
    public static final Pattern TARGET_ATTRIBUTE = Pattern.compile("[\\p{L}_][\\p{L}\\p{N}_]*(?:[ .\\-][\\p{L}\\p{N}_]+)*");

    private final ExpressionCompiler compiler;
    private final Transformations transformations;
    private final TextRedactor.Factory redactors;

    /** Checks with the transformer's default budgets (compiling never evaluates, so they do not matter here). */
    public JobSaveChecks() {
        this.compiler = new ExpressionCompiler(Clock.systemUTC(), Duration.ofMillis(50));
        this.transformations = new Transformations(compiler, Duration.ofMillis(500));
        this.redactors = new TextRedactor.Factory(Duration.ofMillis(500));
    }

    /**
     * The errors of a job, each naming its field ({@code fieldMappings[2].transformation.expression}) and, for
     * expressions and rule files, the line and column.
     *
     * @param job      the job as it would be saved
     * @param selected the SOQL select list: dotted field paths as written, and child relationship names; {@code null}
     *                 when unknown (a query with {@code FIELDS(ALL)}, or one that does not parse), then fields are
     *                 not checked
     */
    public List<Problem.FieldError> check(JobConfig job, Collection<String> selected) {
        List<Problem.FieldError> errors = new ArrayList<>();
        RedactionSettings red = job.redaction();
        if (red != null) {
            String subs = red.substitutionRules();
            String rules = red.redactionRules();
            if (subs != null && subs.length() > MAX_RULE_FILE) {
                errors.add(new Problem.FieldError("redaction.substitutionRules",
                        "the rule file is longer than " + MAX_RULE_FILE + " characters"));
                subs = null;
            }
            if (rules != null && rules.length() > MAX_RULE_FILE) {
                errors.add(new Problem.FieldError("redaction.redactionRules",
                        "the rule file is longer than " + MAX_RULE_FILE + " characters"));
                rules = null;
            }
            if (red.mask() != null && red.mask().length() > MAX_MASK) {
                errors.add(new Problem.FieldError("redaction.mask", "must be at most " + MAX_MASK + " characters"));
            } else if (red.mask() != null && red.mask().codePoints().anyMatch(Character::isISOControl)) {
                errors.add(new Problem.FieldError("redaction.mask", "must not contain control characters"));
            }
            red = new RedactionSettings(subs, rules, red.detectors(), red.mask(), red.textAttributes());
        }
        List<FieldMapping> mappings = job.fieldMappings() == null ? List.of() : job.fieldMappings();
        for (int i = 0; i < mappings.size(); i++) {
            FieldMapping m = mappings.get(i);
            if (m == null) {
                continue;
            }
            String at = "fieldMappings[" + i + "]";
            targetAttribute(m.targetAttribute(), at + ".targetAttribute", errors);
            if (m.hardcodedValue() == null) {
                selectedField(m.sourceField(), at + ".sourceField", selected, errors);
            }
        }
        if (job.filter() != null && (job.filter().expression() == null || job.filter().expression().isBlank())
                && job.filter().mode() != null) {
            errors.add(new Problem.FieldError("filter.expression",
                    "must not be blank; leave the filter out for none", 1, 1));
        }
        DefaultMapping dm = job.defaultMapping();
        if (dm != null) {
            selectedField(dm.naturalIdField(), "defaultMapping.naturalIdField", selected, errors);
            selectedField(dm.documentDateField(), "defaultMapping.documentDateField", selected, errors);
        }
        Map<String, Type> fieldTypes = null;
        if (selected != null) {
            // Without describe the select list gives names, not types: every field is ANY, so only names are checked.
            fieldTypes = new LinkedHashMap<>();
            for (String f : selected) {
                fieldTypes.put(f, Type.ANY);
            }
        }
        JobConfig checked = new JobConfig(job.jobId(), job.version(), job.projectId(), job.connectionId(), job.name(),
                job.dataType(), job.participantMode(), job.apiVersion(), job.soql(), job.dateField(),
                job.includeDeleted(), job.api(), job.bulkThreshold(), job.recordLimit(), job.lookBack(),
                job.duplicateMode(), job.defaultMapping(), job.fieldMappings(), red, job.filter());
        try {
            CompiledJob.compile(checked, compiler, transformations, redactors, fieldTypes);
        } catch (JobCompilationException e) {
            errors.addAll(e.errors());
        }
        return errors;
    }

    /** Why a target attribute name is refused, or empty. */
    public static Optional<String> targetAttributeProblem(String name) {
        if (name == null || name.isBlank()) {
            return Optional.empty(); // "must not be blank" is the structural check's
        }
        if (name.length() > MAX_TARGET_ATTRIBUTE) {
            return Optional.of("must be at most " + MAX_TARGET_ATTRIBUTE + " characters");
        }
        if (!TARGET_ATTRIBUTE.matcher(name).matches()) {
            return Optional.of("may hold only letters, digits and underscores, with single spaces, dots or hyphens"
                    + " between words (no quotes, semicolons or control characters)");
        }
        return Optional.empty();
    }

    private static void targetAttribute(String name, String field, List<Problem.FieldError> errors) {
        targetAttributeProblem(name).ifPresent(why -> errors.add(new Problem.FieldError(field, why)));
    }

    private static void selectedField(String path, String field, Collection<String> selected,
            List<Problem.FieldError> errors) {
        if (path == null || path.isBlank() || selected == null || selected.contains(path)) {
            return;
        }
        String suggestion = selected.stream().filter(s -> s.equalsIgnoreCase(path)).findFirst().orElse(null);
        if (suggestion != null) {
            errors.add(new Problem.FieldError(field, "field '" + path + "' is spelled '" + suggestion
                    + "' in the SOQL select list (field names are case-sensitive); did you mean '" + suggestion + "'?"));
        } else {
            errors.add(new Problem.FieldError(field, "field '" + path + "' is not in the SOQL select list"));
        }
    }
}
