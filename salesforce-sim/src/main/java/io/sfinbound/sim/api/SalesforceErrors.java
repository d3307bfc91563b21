package io.sfinbound.sim.api;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.ws.rs.NotAllowedException;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

import io.sfinbound.common.problem.Problem;

/**
 * Turns errors into Salesforce's JSON error arrays on {@code /services/data}, and into problem+json elsewhere (the
 * admin API), for exceptions the shared problem mappers would otherwise answer.
 */
public class SalesforceErrors {

    @ServerExceptionMapper
    public Response salesforce(SalesforceException e) {
        return array(e.status(), e.errorCode(), e.getMessage(), e.fields());
    }

    @ServerExceptionMapper
    public Response notFound(NotFoundException e, UriInfo uri) {
        if (isApi(uri)) {
            return array(404, "NOT_FOUND", "The requested resource does not exist", null);
        }
        return problem(404, "Not Found", "no resource at this path", uri);
    }

    @ServerExceptionMapper
    public Response notAllowed(NotAllowedException e, UriInfo uri) {
        if (isApi(uri)) {
            String allowed = String.join(",", e.getResponse().getAllowedMethods());
            return array(405, "METHOD_NOT_ALLOWED", "HTTP Method not allowed. Allowed are " + allowed, null);
        }
        return problem(405, "Method Not Allowed", "method not allowed on this path", uri);
    }

    private static boolean isApi(UriInfo uri) {
        return uri != null && uri.getPath().startsWith("/services/data");
    }

    /** A Salesforce error array response. */
    public static Response array(int status, String code, String message, List<String> fields) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("message", message);
        m.put("errorCode", code);
        if (fields != null) {
            m.put("fields", fields);
        }
        return Response.status(status).type(MediaType.APPLICATION_JSON + ";charset=UTF-8").entity(List.of(m)).build();
    }

    private static Response problem(int status, String title, String detail, UriInfo uri) {
        return Response.status(status).type(Problem.MEDIA_TYPE)
                .entity(new Problem("about:blank", title, status, detail, uri == null ? null : "/" + uri.getPath().replaceFirst("^/", ""), null))
                .build();
    }
}
