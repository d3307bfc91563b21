package io.sfinbound.configapi.job;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.enterprise.context.ApplicationScoped;

import io.sfinbound.common.problem.Problem;

/** Offline checks of a job's SOQL when it is saved (no call to Salesforce; "validate query" does those). */
@ApplicationScoped
public class SoqlChecks {

    private static final Pattern GROUP_BY = Pattern.compile("\\bGROUP\\s+BY\\b", Pattern.CASE_INSENSITIVE);
    private static final Pattern SELECT_FROM = Pattern.compile("^\\s*SELECT\\s+(.+?)\\s+FROM\\s+([A-Za-z][A-Za-z0-9_]*)",
            Pattern.CASE_INSENSITIVE | Pattern.DOTALL);

    /** The errors of a query, as {@code soql} (with line and column) and {@code dateField}. */
    public List<Problem.FieldError> check(String soql, String dateField) {
        List<Problem.FieldError> errors = new ArrayList<>();
        Matcher m = SELECT_FROM.matcher(soql);
        if (!m.find()) {
            errors.add(new Problem.FieldError("soql", "must be SELECT <fields> FROM <object>", 1, 1));
            return errors;
        }
        Matcher g = GROUP_BY.matcher(soql);
        if (g.find()) {
            errors.add(at(soql, g.start(), "GROUP BY is not supported"));
        }
        String fields = m.group(1).toLowerCase(Locale.ROOT);
        if (dateField != null && !List.of(fields.split("\\s*,\\s*")).contains(dateField.toLowerCase(Locale.ROOT))) {
            errors.add(new Problem.FieldError("dateField", "field " + dateField + " is not in the query's select list"));
        }
        return errors;
    }

    static Problem.FieldError at(String soql, int offset, String message) {
        int line = 1;
        int col = 1;
        for (int i = 0; i < offset && i < soql.length(); i++) {
            if (soql.charAt(i) == '\n') {
                line++;
                col = 1;
            } else {
                col++;
            }
        }
        return new Problem.FieldError("soql", message + " at line " + line + ", column " + col, line, col);
    }
}
