package io.sfinbound.transform.job;

import java.util.List;
import java.util.stream.Collectors;

import io.sfinbound.common.problem.Problem;

/**
 * A job version that cannot be compiled: each error names the job field at fault (for example
 * {@code fieldMappings[2].transformation.expression}) and, for expressions and rule files, the line and column.
 */
public class JobCompilationException extends RuntimeException {

    private final List<Problem.FieldError> errors;

    public JobCompilationException(List<Problem.FieldError> errors) {
        super(errors.stream().map(JobCompilationException::describe).collect(Collectors.joining("; ")));
        this.errors = List.copyOf(errors);
    }

    /** One error. */
    public static JobCompilationException of(String field, String message, Integer line, Integer column) {
        return new JobCompilationException(List.of(new Problem.FieldError(field, message, line, column)));
    }

    /** The errors, each naming a field. */
    public List<Problem.FieldError> errors() {
        return errors;
    }

    private static String describe(Problem.FieldError e) {
        String at = e.line() == null ? "" : " (line " + e.line() + ", column " + e.column() + ")";
        return e.field() + ": " + e.message() + at;
    }
}
