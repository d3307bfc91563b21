package io.sfinbound.configapi.job;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import jakarta.enterprise.context.ApplicationScoped;

import io.sfinbound.common.problem.Problem;
import io.sfinbound.soql.FieldTypes;
import io.sfinbound.soql.QueryAnalysis;
import io.sfinbound.soql.Soql;
import io.sfinbound.soql.SoqlException;
import io.sfinbound.soql.ast.SoqlQuery;

/**
 * Offline checks of a job's SOQL when it is saved, with the {@code soql} module: syntax (with line and column),
 * GROUP BY and aggregates rejected, the date field present in the SELECT list. "Validate query" adds the checks that
 * need the org (describe, explain).
 */
@ApplicationScoped
public class SoqlChecks {

    /** The errors of a query, as {@code soql} (with line and column) and {@code dateField}. */
    public List<Problem.FieldError> check(String soql, String dateField) {
        List<Problem.FieldError> errors = new ArrayList<>();
        QueryAnalysis analysis;
        try {
            SoqlQuery q = Soql.parse(soql);
            analysis = Soql.analyze(q, FieldTypes.NONE);
            if (q.offset() != null) {
                errors.add(new Problem.FieldError("soql", "OFFSET is not supported: incremental runs page by date field and Id"));
            }
        } catch (SoqlException e) {
            errors.add(error(e));
            return errors;
        }
        if (analysis.usesFieldsFunction()) {
            return errors; // FIELDS(ALL) selects the date field too; describe checks the rest
        }
        if (dateField != null && analysis.fields().stream()
                .noneMatch(f -> f.path().dotted().toLowerCase(Locale.ROOT).equals(dateField.toLowerCase(Locale.ROOT)))) {
            errors.add(new Problem.FieldError("dateField", "field " + dateField + " is not in the query's SELECT list"));
        }
        if (analysis.fields().stream().noneMatch(f -> f.path().dotted().equalsIgnoreCase("Id"))) {
            errors.add(new Problem.FieldError("soql", "the SELECT list must include Id (the natural id and the incremental tie-break)"));
        }
        return errors;
    }

    /**
     * The names a record of the query has, as written in the SELECT list: plain field paths (without the FROM alias)
     * and child relationship names; {@code null} when they cannot be known offline (a query that does not parse, or
     * {@code FIELDS(ALL)}). Mapping source fields and expression fields are checked against them, case-sensitively.
     */
    public List<String> selectList(String soql) {
        if (soql == null || soql.isBlank()) {
            return null;
        }
        try {
            QueryAnalysis analysis = Soql.analyze(Soql.parse(soql), FieldTypes.NONE);
            if (analysis.usesFieldsFunction()) {
                return null;
            }
            List<String> names = new ArrayList<>();
            analysis.fields().forEach(f -> names.add(f.path().dotted()));
            names.addAll(analysis.childRelationships());
            return names;
        } catch (SoqlException e) {
            return null;
        }
    }

    /** A problem field error of a soql exception, with its position. */
    public static Problem.FieldError error(SoqlException e) {
        return new Problem.FieldError("soql", e.getMessage(), e.line() > 0 ? e.line() : null, e.column() > 0 ? e.column() : null);
    }
}
