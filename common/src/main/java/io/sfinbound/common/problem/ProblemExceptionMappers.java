package io.sfinbound.common.problem;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/**
 * The one place where exceptions become {@code application/problem+json} in every service (found by Quarkus through
 * this jar's {@code beans.xml}). Unexpected exceptions become a 500 without their message, so no internal detail or
 * secret leaks into a response.
 */
public class ProblemExceptionMappers {

    private static final Logger LOG = Logger.getLogger(ProblemExceptionMappers.class);

    @ServerExceptionMapper
    public Response problem(ProblemException e, UriInfo uri) {
        return respond(new Problem("about:blank", e.title(), e.status(), e.getMessage(), path(uri), nullIfEmpty(e.errors())));
    }

    @ServerExceptionMapper
    public Response constraintViolation(ConstraintViolationException e, UriInfo uri) {
        List<Problem.FieldError> errors = e.getConstraintViolations().stream()
                .map(v -> new Problem.FieldError(fieldOf(v), v.getMessage()))
                .sorted((a, b) -> a.field().compareTo(b.field()))
                .collect(Collectors.toList());
        String detail = errors.stream().map(f -> f.field() + ": " + f.message()).collect(Collectors.joining("; "));
        return respond(new Problem("about:blank", "Bad Request", 400, detail, path(uri), errors));
    }

    /** Exact-type mappers: Quarkus REST maps these Jackson exceptions itself (to a plain body) unless one of the exact type exists. */
    @ServerExceptionMapper
    public Response unknownField(UnrecognizedPropertyException e, UriInfo uri) {
        return fieldProblem(jsonPath(e, e.getPropertyName()), "is not a known field", uri);
    }

    @ServerExceptionMapper
    public Response mismatchedInput(MismatchedInputException e, UriInfo uri) {
        String field = jsonPath(e, null);
        Class<?> target = e.getTargetType();
        String message = target != null && target.isEnum()
                ? "must be one of " + java.util.Arrays.toString(target.getEnumConstants())
                : "is not a valid " + (target == null ? "value" : target.getSimpleName());
        return fieldProblem(field.isEmpty() ? "body" : field, message, uri);
    }

    @ServerExceptionMapper
    public Response jsonMapping(JsonMappingException e, UriInfo uri) {
        String field = jsonPath(e, null);
        String message = e.getOriginalMessage();
        if (message != null && message.length() > 300) {
            message = message.substring(0, 300) + "...";
        }
        List<Problem.FieldError> errors = field.isEmpty() ? null : List.of(new Problem.FieldError(field, message));
        return respond(new Problem("about:blank", "Bad Request", 400,
                (field.isEmpty() ? "" : field + ": ") + message, path(uri), errors));
    }

    @ServerExceptionMapper
    public Response jsonParse(JsonProcessingException e, UriInfo uri) {
        String where = e.getLocation() == null ? "" : " at line " + e.getLocation().getLineNr() + ", column " + e.getLocation().getColumnNr();
        return respond(new Problem("about:blank", "Bad Request", 400, "malformed JSON" + where, path(uri), null));
    }

    @ServerExceptionMapper
    public Response webApplication(WebApplicationException e, UriInfo uri) {
        Response r = e.getResponse();
        int status = r == null ? 500 : r.getStatus();
        if (r != null && r.hasEntity()) {
            return r;
        }
        Response.Status known = Response.Status.fromStatusCode(status);
        String title = known == null ? "Error" : known.getReasonPhrase();
        return respond(new Problem("about:blank", title, status, status >= 500 ? title : e.getMessage(), path(uri), null));
    }

    @ServerExceptionMapper(priority = 10_000)
    public Response unexpected(Throwable e, UriInfo uri) {
        // the message may carry internal details; it is logged (never with secrets: services never put them in messages)
        LOG.errorf(e, "unexpected error on %s", path(uri));
        return respond(new Problem("about:blank", "Internal Server Error", 500, "unexpected error; see the service log", path(uri), null));
    }

    private static Response fieldProblem(String field, String message, UriInfo uri) {
        return respond(new Problem("about:blank", "Bad Request", 400, field + ": " + message, path(uri),
                List.of(new Problem.FieldError(field, message))));
    }

    private static String jsonPath(JsonMappingException e, String leaf) {
        String p = e.getPath().stream()
                .map(r -> r.getFieldName() != null ? r.getFieldName() : "[" + r.getIndex() + "]")
                .collect(Collectors.joining(".")).replace(".[", "[");
        return p.isEmpty() && leaf != null ? leaf : p;
    }

    private static Response respond(Problem p) {
        return Response.status(p.status()).type(Problem.MEDIA_TYPE).entity(p).build();
    }

    private static String path(UriInfo uri) {
        return uri == null ? null : "/" + uri.getPath().replaceFirst("^/", "");
    }

    private static String fieldOf(ConstraintViolation<?> v) {
        // a path like "create.request.name": drop the method and parameter names, keep the JSON path
        List<String> parts = new ArrayList<>();
        v.getPropertyPath().forEach(n -> parts.add(n.getName()));
        int from = Math.min(2, Math.max(0, parts.size() - 1));
        return String.join(".", parts.subList(from, parts.size()));
    }

    private static <T> List<T> nullIfEmpty(List<T> l) {
        return l == null || l.isEmpty() ? null : l;
    }
}
