package io.sfinbound.common.problem;

import java.util.List;

/** An exception that becomes a problem+json response with its status; throw it from services for 4xx outcomes. */
public class ProblemException extends RuntimeException {

    private final int status;
    private final String title;
    private final List<Problem.FieldError> errors;

    public ProblemException(int status, String title, String detail, List<Problem.FieldError> errors) {
        super(detail);
        this.status = status;
        this.title = title;
        this.errors = errors == null ? List.of() : List.copyOf(errors);
    }

    /** 400 naming one field. */
    public static ProblemException badRequest(String field, String message) {
        return new ProblemException(400, "Bad Request", field + ": " + message, List.of(new Problem.FieldError(field, message)));
    }

    /** 404 of one resource. */
    public static ProblemException notFound(String what) {
        return new ProblemException(404, "Not Found", what + " not found", List.of());
    }

    /** 409 conflict. */
    public static ProblemException conflict(String detail) {
        return new ProblemException(409, "Conflict", detail, List.of());
    }

    public int status() {
        return status;
    }

    public String title() {
        return title;
    }

    public List<Problem.FieldError> errors() {
        return errors;
    }
}
