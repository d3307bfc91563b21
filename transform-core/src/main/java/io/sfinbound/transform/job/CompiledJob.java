package io.sfinbound.transform.job;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import io.sfinbound.common.job.ConnectorFilter;
import io.sfinbound.common.job.DefaultMapping;
import io.sfinbound.common.job.FieldMapping;
import io.sfinbound.common.job.JobConfig;
import io.sfinbound.common.problem.Problem;
import io.sfinbound.common.record.AttributeType;
import io.sfinbound.transform.expression.CompiledExpression;
import io.sfinbound.transform.expression.ExpressionCompiler;
import io.sfinbound.transform.expression.ExpressionException;
import io.sfinbound.transform.expression.Type;
import io.sfinbound.transform.redaction.TextRedactor;

/**
 * One job version compiled for the transformer: its transformations, connector filter and redactor, built once and
 * shared by every record of that version (immutable, thread-safe). Compiling collects every error of the job, each
 * naming its field, so a job save (or a preview) reports them all at once.
 *
 * @param job            the job version
 * @param naturalId      transformation of the natural id
 * @param sourceValue    transformation of source_value
 * @param feedbackType   transformation of feedback_type
 * @param mappings       compiled field mappings, in job order
 * @param filter         the connector filter, {@code null} for none
 * @param filterMode     include or exclude
 * @param redactor       substitution and redaction
 */
public record CompiledJob(
        JobConfig job,
        ValueTransform naturalId,
        ValueTransform sourceValue,
        ValueTransform feedbackType,
        List<CompiledMapping> mappings,
        CompiledExpression filter,
        ConnectorFilter.Mode filterMode,
        TextRedactor redactor) {

    /**
     * A compiled field mapping.
     *
     * @param mapping   the mapping as configured
     * @param transform its transformation
     */
    public record CompiledMapping(FieldMapping mapping, ValueTransform transform) {
    }

    /**
     * Compiles a job version.
     *
     * @throws JobCompilationException with every error of the job
     */
    public static CompiledJob compile(JobConfig job, ExpressionCompiler compiler, Transformations transformations,
            TextRedactor.Factory redactors) {
        return compile(job, compiler, transformations, redactors, null);
    }

    /**
     * Compiles a job version against known field types: config-api's job save passes the fields of the SOQL select
     * list, so expressions naming other fields fail with the right case suggested.
     *
     * @param fieldTypes field path to type; {@code null} when unknown (run time, or a query with {@code FIELDS(ALL)})
     * @throws JobCompilationException with every error of the job
     */
    public static CompiledJob compile(JobConfig job, ExpressionCompiler compiler, Transformations transformations,
            TextRedactor.Factory redactors, Map<String, Type> fieldTypes) {
        List<Problem.FieldError> errors = new ArrayList<>();
        DefaultMapping dm = job.defaultMapping() == null ? DefaultMapping.defaults() : job.defaultMapping();
        ValueTransform naturalId = compileOne(transformations, dm.naturalIdTransformation(),
                "defaultMapping.naturalIdTransformation", fieldTypes, errors);
        ValueTransform sourceValue = compileOne(transformations, dm.sourceValueTransformation(),
                "defaultMapping.sourceValueTransformation", fieldTypes, errors);
        ValueTransform feedbackType = compileOne(transformations, dm.feedbackTypeTransformation(),
                "defaultMapping.feedbackTypeTransformation", fieldTypes, errors);
        List<CompiledMapping> mappings = new ArrayList<>();
        List<FieldMapping> fieldMappings = job.fieldMappings() == null ? List.of() : job.fieldMappings();
        for (int i = 0; i < fieldMappings.size(); i++) {
            FieldMapping fm = fieldMappings.get(i);
            String field = "fieldMappings[" + i + "]";
            if (fm == null) {
                errors.add(new Problem.FieldError(field, "must not be null"));
                continue;
            }
            if (fm.targetAttribute() == null || fm.targetAttribute().isBlank()) {
                if (fm.dataType() != AttributeType.DO_NOT_MAP) {
                    errors.add(new Problem.FieldError(field + ".targetAttribute", "must not be blank"));
                }
            }
            if (fm.sourceField() == null && fm.hardcodedValue() == null) {
                errors.add(new Problem.FieldError(field + ".sourceField", "a mapping needs a source field or a hardcoded value"));
            }
            if (fm.dataType() == null) {
                errors.add(new Problem.FieldError(field + ".dataType", "must be TEXT, NUMBER, DATE, VERBATIM or DO_NOT_MAP"));
            }
            mappings.add(new CompiledMapping(fm, compileOne(transformations, fm.transformation(),
                    field + ".transformation", fieldTypes, errors)));
        }
        CompiledExpression filter = null;
        ConnectorFilter.Mode mode = ConnectorFilter.Mode.INCLUDE;
        if (job.filter() != null && job.filter().expression() != null && !job.filter().expression().isBlank()) {
            mode = job.filter().mode() == null ? ConnectorFilter.Mode.INCLUDE : job.filter().mode();
            try {
                filter = compiler.compile(job.filter().expression(), Type.BOOLEAN, fieldTypes);
            } catch (ExpressionException e) {
                errors.add(new Problem.FieldError("filter.expression", e.getMessage(), e.line(), e.column()));
            }
        }
        TextRedactor redactor = null;
        try {
            redactor = redactors.create(job.redaction());
        } catch (JobCompilationException e) {
            errors.addAll(e.errors());
        }
        if (!errors.isEmpty()) {
            throw new JobCompilationException(errors);
        }
        return new CompiledJob(job, naturalId, sourceValue, feedbackType, List.copyOf(mappings), filter, mode, redactor);
    }

    private static ValueTransform compileOne(Transformations transformations,
            io.sfinbound.common.job.Transformation t, String field, Map<String, Type> fieldTypes,
            List<Problem.FieldError> errors) {
        try {
            return transformations.compile(t, field, fieldTypes);
        } catch (JobCompilationException e) {
            errors.addAll(e.errors());
            return ValueTransform.IDENTITY;
        }
    }
}
