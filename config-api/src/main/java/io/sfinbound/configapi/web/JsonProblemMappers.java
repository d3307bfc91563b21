package io.sfinbound.configapi.web;

import java.util.List;
import java.util.stream.Collectors;

import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import io.sfinbound.common.problem.Problem;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/**
 * Request body errors as problem+json naming the field. Quarkus REST maps these Jackson exceptions itself (to a plain
 * JSON body), and a mapper of the exact type is needed to win over its built-in one.
 */
public class JsonProblemMappers {

    @ServerExceptionMapper
    public Response unknownField(UnrecognizedPropertyException e, UriInfo uri) {
        String field = path(e, e.getPropertyName());
        return respond(field, "is not a known field", uri);
    }

    @ServerExceptionMapper
    public Response mismatched(MismatchedInputException e, UriInfo uri) {
        String field = path(e, null);
        String type = e.getTargetType() == null ? "value" : e.getTargetType().getSimpleName();
        String message = e.getTargetType() != null && e.getTargetType().isEnum()
                ? "must be one of " + java.util.Arrays.toString(e.getTargetType().getEnumConstants())
                : "is not a valid " + type;
        return respond(field.isEmpty() ? "body" : field, message, uri);
    }

    private static String path(MismatchedInputException e, String leaf) {
        String p = e.getPath().stream()
                .map(r -> r.getFieldName() != null ? r.getFieldName() : "[" + r.getIndex() + "]")
                .collect(Collectors.joining(".")).replace(".[", "[");
        return p.isEmpty() && leaf != null ? leaf : p;
    }

    private static Response respond(String field, String message, UriInfo uri) {
        String path = uri == null ? null : "/" + uri.getPath().replaceFirst("^/", "");
        return Response.status(400).type(Problem.MEDIA_TYPE).entity(new Problem("about:blank", "Bad Request", 400,
                field + ": " + message, path, List.of(new Problem.FieldError(field, message)))).build();
    }
}
