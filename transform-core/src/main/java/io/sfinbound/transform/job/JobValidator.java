package io.sfinbound.transform.job;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import io.sfinbound.common.job.DefaultMapping;
import io.sfinbound.common.job.FieldMapping;
import io.sfinbound.common.job.JobConfig;
import io.sfinbound.common.job.Transformation;
import io.sfinbound.common.job.TransformationType;
import io.sfinbound.common.problem.Problem;
import io.sfinbound.transform.expression.ExpressionCompiler;
import io.sfinbound.transform.expression.ExpressionException;
import io.sfinbound.transform.expression.Type;
import io.sfinbound.transform.mapping.FieldPaths;
import io.sfinbound.transform.mapping.SalesforceValues;

/**
 * Save-time checks of a job against sample records (for example the rows of "Validate Query"): every field the job
 * names must be in the sample data with exactly that case (the right spelling is suggested), and every expression
 * must type-check against the sample's field types (numbers, dates, texts, Booleans). Plain Java, no Quarkus:
 * config-api can reuse it once it is in a shared module.
 */
public final class JobValidator {

    private final ExpressionCompiler compiler;

    public JobValidator(ExpressionCompiler compiler) {
        this.compiler = compiler;
    }

    /** The errors of a job against sample records; empty when it is fine or when there are no samples. */
    public List<Problem.FieldError> validate(JobConfig job, List<JsonNode> samples) {
        List<Problem.FieldError> errors = new ArrayList<>();
        if (samples == null || samples.isEmpty()) {
            return errors;
        }
        JsonNode sample = samples.get(0);
        Map<String, Type> types = fieldTypes(samples);
        DefaultMapping dm = job.defaultMapping() == null ? DefaultMapping.defaults() : job.defaultMapping();
        checkField(sample, dm.naturalIdField(), "defaultMapping.naturalIdField", errors);
        checkField(sample, dm.documentDateField(), "defaultMapping.documentDateField", errors);
        if (dm.documentDateField() == null && dm.documentDateFixed() == null) {
            checkField(sample, job.dateField(), "dateField", errors);
        }
        checkExpression(dm.naturalIdTransformation(), "defaultMapping.naturalIdTransformation", types, errors);
        checkExpression(dm.sourceValueTransformation(), "defaultMapping.sourceValueTransformation", types, errors);
        checkExpression(dm.feedbackTypeTransformation(), "defaultMapping.feedbackTypeTransformation", types, errors);
        List<FieldMapping> mappings = job.fieldMappings() == null ? List.of() : job.fieldMappings();
        for (int i = 0; i < mappings.size(); i++) {
            FieldMapping fm = mappings.get(i);
            if (fm == null) {
                continue;
            }
            if (fm.hardcodedValue() == null) {
                checkField(sample, fm.sourceField(), "fieldMappings[" + i + "].sourceField", errors);
            }
            checkExpression(fm.transformation(), "fieldMappings[" + i + "].transformation", types, errors);
        }
        if (job.filter() != null && job.filter().expression() != null && !job.filter().expression().isBlank()) {
            try {
                compiler.compile(job.filter().expression(), Type.BOOLEAN, types);
            } catch (ExpressionException e) {
                errors.add(new Problem.FieldError("filter.expression", e.getMessage(), e.line(), e.column()));
            }
        }
        return errors;
    }

    private static void checkField(JsonNode sample, String path, String field, List<Problem.FieldError> errors) {
        if (path == null || path.isBlank()) {
            return;
        }
        if (FieldPaths.resolve(sample, path) instanceof FieldPaths.Missing missing) {
            errors.add(new Problem.FieldError(field, missing.describe(path)));
        }
    }

    private void checkExpression(Transformation t, String field, Map<String, Type> types,
            List<Problem.FieldError> errors) {
        if (t == null || t.type() != TransformationType.EXPRESSION || t.expression() == null) {
            return;
        }
        try {
            compiler.compile(t.expression(), Type.ANY, types);
        } catch (ExpressionException e) {
            errors.add(new Problem.FieldError(field + ".expression", e.getMessage(), e.line(), e.column()));
        }
    }

    /** Field types seen in the samples; a field that is null everywhere, or of mixed types, is ANY. */
    static Map<String, Type> fieldTypes(List<JsonNode> samples) {
        Map<String, Type> types = new LinkedHashMap<>();
        for (JsonNode s : samples) {
            Map<String, JsonNode> leaves = new LinkedHashMap<>();
            FieldPaths.leaves(s, "", leaves);
            leaves.forEach((path, v) -> {
                Type t = v.isNull() ? null : v.isNumber() ? Type.NUMBER : v.isBoolean() ? Type.BOOLEAN
                        : SalesforceValues.isDateText(v) ? Type.DATE : Type.TEXT;
                Type known = types.get(path);
                if (known == null || known == Type.ANY) {
                    types.put(path, t == null ? Type.ANY : t);
                } else if (t != null && t != known) {
                    types.put(path, Type.ANY);
                }
            });
        }
        // Dates stay usable as texts in expressions: Salesforce prints them as text.
        types.replaceAll((k, v) -> v == Type.DATE ? Type.ANY : v);
        return types;
    }
}
