package io.sfinbound.configapi.job;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import jakarta.enterprise.context.ApplicationScoped;

import io.sfinbound.common.job.DataType;
import io.sfinbound.common.problem.Problem;
import io.sfinbound.soql.FieldTypes;
import io.sfinbound.soql.QueryAnalysis;
import io.sfinbound.soql.Soql;
import io.sfinbound.soql.SoqlException;
import io.sfinbound.soql.ast.SoqlQuery;
import io.sfinbound.soql.ast.SourcePosition;

/**
 * Offline checks of a job's SOQL when it is saved, with the {@code soql} module: syntax (with line and column),
 * GROUP BY and aggregates rejected, the date field present in the SELECT list. "Validate query" adds the checks that
 * need the org (describe, explain).
 */
@ApplicationScoped
public class SoqlChecks {

    /** The errors of a query, as {@code soql} (with line and column) and {@code dateField}. */
    public List<Problem.FieldError> check(String soql, String dateField) {
        return check(soql, dateField, null);
    }

    /**
     * The errors of a query, as {@code soql} (with line and column) and {@code dateField}; with a data type, the
     * object its conversations come from ({@code LiveChatTranscript}, {@code MessagingSession}) is required in FROM.
     */
    public List<Problem.FieldError> check(String soql, String dateField, DataType dataType) {
        List<Problem.FieldError> errors = new ArrayList<>();
        Problem.FieldError character = invalidCharacter(soql);
        if (character != null) {
            errors.add(character);
            return errors;
        }
        QueryAnalysis analysis;
        try {
            SoqlQuery q = Soql.parse(soql);
            analysis = Soql.analyze(q, FieldTypes.NONE);
            if (q.offset() != null) {
                errors.add(new Problem.FieldError("soql", "OFFSET is not supported: incremental runs page by date field and Id"));
            }
            if (q.forClause() == SoqlQuery.ForClause.UPDATE) {
                // FOR UPDATE locks the records it returns and is refused by the query API (Apex only)
                errors.add(at(q.sourceMap().clausePosition("FOR"), "FOR UPDATE is not allowed in an extraction query: it locks records and the query API refuses it"));
            }
            String required = dataType == null ? null : switch (dataType) {
                case LIVE_CHAT -> "LiveChatTranscript";
                case SMS_TEXT -> "MessagingSession";
                case FEEDBACK -> null;
            };
            if (required != null && !required.equalsIgnoreCase(q.from().object())) {
                errors.add(at(q.sourceMap().clausePosition("FROM"), "a " + dataType + " job reads FROM " + required
                        + ", not " + q.from().object()));
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
            int start = 0;
            while (start < soql.length() && Character.isWhitespace(soql.charAt(start))) {
                start++;
            }
            errors.add(errorAt(soql, start, "the SELECT list must include Id (the natural id and the incremental tie-break)"));
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

    /**
     * A control character (other than tab and line breaks) or a lone UTF-16 surrogate: no Salesforce field holds one,
     * and a lone surrogate cannot even be sent as UTF-8, so the query is refused where the character is.
     */
    static Problem.FieldError invalidCharacter(String soql) {
        for (int i = 0; i < soql.length(); i++) {
            char c = soql.charAt(i);
            if (c < 0x20 && c != '\t' && c != '\n' && c != '\r' || c == 0x7f) {
                return errorAt(soql, i, String.format("control character U+%04X is not allowed in a query", (int) c));
            }
            if (Character.isHighSurrogate(c) && (i + 1 >= soql.length() || !Character.isLowSurrogate(soql.charAt(i + 1)))
                    || Character.isLowSurrogate(c) && (i == 0 || !Character.isHighSurrogate(soql.charAt(i - 1)))) {
                return errorAt(soql, i, String.format("lone surrogate U+%04X is not valid text", (int) c));
            }
        }
        return null;
    }

    /** An error at a character offset of the query, with its line and column (1-based). */
    static Problem.FieldError errorAt(String soql, int offset, String message) {
        int line = 1;
        int lineStart = 0;
        for (int i = 0; i < offset; i++) {
            if (soql.charAt(i) == '\n') {
                line++;
                lineStart = i + 1;
            }
        }
        return new Problem.FieldError("soql", message, line, offset - lineStart + 1);
    }

    private static Problem.FieldError at(SourcePosition p, String message) {
        return new Problem.FieldError("soql", message, p.isKnown() ? p.line() : null, p.isKnown() ? p.column() : null);
    }

    /** A problem field error of a soql exception, with its position. */
    public static Problem.FieldError error(SoqlException e) {
        return new Problem.FieldError("soql", e.getMessage(), e.line() > 0 ? e.line() : null, e.column() > 0 ? e.column() : null);
    }
}
