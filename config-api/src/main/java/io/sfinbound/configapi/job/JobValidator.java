package io.sfinbound.configapi.job;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

import jakarta.enterprise.context.ApplicationScoped;

import io.sfinbound.common.job.DefaultMapping;
import io.sfinbound.common.job.FieldMapping;
import io.sfinbound.common.job.JobConfig;
import io.sfinbound.common.job.Transformation;
import io.sfinbound.common.job.TransformationType;
import io.sfinbound.common.problem.Problem;
import io.sfinbound.configapi.connection.Connection;
import io.sfinbound.configapi.project.Project;
import io.sfinbound.transform.job.JobSaveChecks;

/** Checks a job request field by field and answers every error at once (problem+json {@code errors[]}). */
@ApplicationScoped
public class JobValidator {

    static final Pattern API_VERSION = Pattern.compile("v?\\d{2,3}\\.\\d");
    static final Pattern FIELD_PATH = Pattern.compile("[A-Za-z][A-Za-z0-9_]*(\\.[A-Za-z][A-Za-z0-9_]*)*");
    static final int MAX_SOQL = 100_000;

    private final SoqlChecks soql;
    private final JobSaveChecks checks = new JobSaveChecks();

    public JobValidator(SoqlChecks soql) {
        this.soql = soql;
    }

    /** Validates; throws a 400 problem naming each field at fault. */
    public void validate(JobRequest r) {
        List<Problem.FieldError> errors = new ArrayList<>();
        if (r == null) {
            errors.add(new Problem.FieldError("body", "a JSON body is required"));
            JobService.failIfAny(errors);
            return;
        }
        if (r.name() == null || r.name().isBlank()) {
            errors.add(new Problem.FieldError("name", "must not be blank"));
        } else if (r.name().length() > 200) {
            errors.add(new Problem.FieldError("name", "must be at most 200 characters"));
        }
        if (r.description() != null && r.description().length() > 4000) {
            errors.add(new Problem.FieldError("description", "must be at most 4000 characters"));
        }
        if (r.projectId() == null) {
            errors.add(new Problem.FieldError("projectId", "is required"));
        } else if (Project.findById(r.projectId()) == null) {
            errors.add(new Problem.FieldError("projectId", "project " + r.projectId() + " does not exist"));
        }
        if (r.connectionId() == null) {
            errors.add(new Problem.FieldError("connectionId", "is required"));
        } else {
            Connection c = Connection.findById(r.connectionId());
            if (c == null || c.deletedAt != null) {
                errors.add(new Problem.FieldError("connectionId", "connection " + r.connectionId() + " does not exist"));
            }
        }
        if (r.apiVersion() != null && !r.apiVersion().isBlank() && !API_VERSION.matcher(r.apiVersion().trim()).matches()) {
            errors.add(new Problem.FieldError("apiVersion", "must look like 62.0"));
        }
        if (r.soql() == null || r.soql().isBlank()) {
            errors.add(new Problem.FieldError("soql", "must not be blank"));
        } else if (r.soql().length() > MAX_SOQL) {
            errors.add(new Problem.FieldError("soql", "must be at most " + MAX_SOQL + " characters"));
        } else {
            errors.addAll(soql.check(r.soql(), r.dateField() == null || r.dateField().isBlank() ? JobDefaults.DEFAULT_DATE_FIELD : r.dateField().trim(),
                    r.dataType()));
        }
        if (r.dateField() != null && !r.dateField().isBlank() && !FIELD_PATH.matcher(r.dateField().trim()).matches()) {
            errors.add(new Problem.FieldError("dateField", "is not a field name"));
        }
        if (r.recordLimit() != null && r.recordLimit() < 1) {
            errors.add(new Problem.FieldError("recordLimit", "must be at least 1, or left out for All"));
        }
        if (r.bulkThreshold() != null && r.bulkThreshold() < 1) {
            errors.add(new Problem.FieldError("bulkThreshold", "must be at least 1"));
        }
        if (r.lookBack() != null) {
            if (r.lookBack().amount() < 0) {
                errors.add(new Problem.FieldError("lookBack.amount", "must not be negative"));
            } else if (r.lookBack().amount() > (r.lookBack().unit() == io.sfinbound.common.job.LookBack.Unit.HOURS ? 24 * 365 : 365)) {
                errors.add(new Problem.FieldError("lookBack.amount", "must be at most a year"));
            }
        }
        validateMappings(r, errors);
        if (r.defaultMapping() != null) {
            transformation("defaultMapping.naturalIdTransformation", r.defaultMapping().naturalIdTransformation(), errors);
            transformation("defaultMapping.sourceValueTransformation", r.defaultMapping().sourceValueTransformation(), errors);
            transformation("defaultMapping.feedbackTypeTransformation", r.defaultMapping().feedbackTypeTransformation(), errors);
            if (r.defaultMapping().naturalIdField() != null && !r.defaultMapping().naturalIdField().isBlank()
                    && !FIELD_PATH.matcher(r.defaultMapping().naturalIdField()).matches()) {
                errors.add(new Problem.FieldError("defaultMapping.naturalIdField", "is not a field name"));
            }
        }
        if (r.filter() != null && r.filter().expression() != null && !r.filter().expression().isBlank() && r.filter().mode() == null) {
            errors.add(new Problem.FieldError("filter.mode", "must be INCLUDE or EXCLUDE"));
        }
        compile(r, errors);
        errors.addAll(ScheduleRules.validate(r.schedule()));
        if (r.notifications() != null) {
            NotificationChecks.validate(r.notifications(), errors);
        }
        JobService.failIfAny(errors);
    }

    private static void validateMappings(JobRequest r, List<Problem.FieldError> errors) {
        if (r.fieldMappings() == null) {
            return;
        }
        Set<String> targets = new HashSet<>();
        for (int i = 0; i < r.fieldMappings().size(); i++) {
            FieldMapping m = r.fieldMappings().get(i);
            String at = "fieldMappings[" + i + "]";
            if (m == null) {
                errors.add(new Problem.FieldError(at, "must not be null"));
                continue;
            }
            boolean hasSource = m.sourceField() != null && !m.sourceField().isBlank();
            boolean hasValue = m.hardcodedValue() != null;
            if (hasSource == hasValue) {
                errors.add(new Problem.FieldError(at + ".sourceField", "give either a source field or a hardcoded value"));
            }
            if (hasSource && !FIELD_PATH.matcher(m.sourceField()).matches()) {
                errors.add(new Problem.FieldError(at + ".sourceField", "is not a field path"));
            }
            if (m.targetAttribute() == null || m.targetAttribute().isBlank()) {
                errors.add(new Problem.FieldError(at + ".targetAttribute", "must not be blank"));
            } else if (!targets.add(m.targetAttribute())) {
                errors.add(new Problem.FieldError(at + ".targetAttribute", "is mapped twice"));
            }
            if (m.dataType() == null) {
                errors.add(new Problem.FieldError(at + ".dataType", "is required"));
            }
            transformation(at + ".transformation", m.transformation(), errors);
        }
    }

    /**
     * The structural checks of a transformation; what it does (lookup pairs, regex, expression) is checked by
     * {@link #compile} with the transformer's compiler.
     */
    static void transformation(String at, Transformation t, List<Problem.FieldError> errors) {
        if (t == null) {
            return;
        }
        if (t.type() == null) {
            errors.add(new Problem.FieldError(at + ".type", "must be LOOKUP, REGEX or EXPRESSION"));
        } else if (t.type() == TransformationType.REGEX && t.replacement() == null) {
            errors.add(new Problem.FieldError(at + ".replacement", "is required"));
        }
    }

    /**
     * Compiles the job with transform-core, the compiler the transformer runs: expressions and the connector filter
     * type-checked against the SOQL select list, rule files and regexes (catastrophic backtracking), mapping source
     * fields (case-sensitive, the right spelling suggested), target attribute names and size limits. An error on a
     * field the structural checks already named is not repeated.
     */
    private void compile(JobRequest r, List<Problem.FieldError> errors) {
        DefaultMapping dm = r.defaultMapping() == null ? DefaultMapping.defaults() : r.defaultMapping();
        JobConfig job = new JobConfig(0, 0, r.projectId() == null ? 0 : r.projectId(),
                r.connectionId() == null ? 0 : r.connectionId(), r.name(), r.dataType(), r.participantMode(),
                r.apiVersion(), r.soql(), r.dateField(), Boolean.TRUE.equals(r.includeDeleted()), r.api(),
                r.bulkThreshold(), r.recordLimit(), r.lookBack(), r.duplicateMode(), dm,
                r.fieldMappings() == null ? List.of() : r.fieldMappings(), r.redaction(), r.filter());
        List<String> selected = r.soql() == null || r.soql().length() > MAX_SOQL ? null : soql.selectList(r.soql());
        Set<String> named = new HashSet<>();
        errors.forEach(e -> named.add(e.field()));
        for (Problem.FieldError e : checks.check(job, selected)) {
            if (!named.contains(e.field())) {
                errors.add(e);
            }
        }
    }
}
