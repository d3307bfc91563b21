package io.sfinbound.configapi.oauth;

import jakarta.ws.rs.CookieParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.NewCookie;
import jakarta.ws.rs.core.Response;

import io.sfinbound.common.problem.ProblemException;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** The web server flow's callback (public: its single-use state, bound to the browser, authenticates it). */
@Path("/api/oauth")
@Tag(name = "Connections")
public class WebServerFlowResource {

    private final WebServerFlow flow;

    public WebServerFlowResource(WebServerFlow flow) {
        this.flow = flow;
    }

    /** Public: the state (single use, bound to the browser by cookie) authenticates this call. */
    @GET
    @Path("/callback")
    @Produces(MediaType.TEXT_HTML)
    @Operation(summary = "OAuth callback of the web server flow (called by the browser, redirected by Salesforce)")
    public Response callback(@QueryParam("code") String code, @QueryParam("state") String state,
            @QueryParam("error") String error, @QueryParam("error_description") String errorDescription,
            @CookieParam(WebServerFlow.BINDING_COOKIE) String binding) {
        NewCookie clear = new NewCookie.Builder(WebServerFlow.BINDING_COOKIE).value("").path("/api/oauth").maxAge(0)
                .httpOnly(true).build();
        try {
            WebServerFlow.Outcome o = flow.complete(code, state, error, errorDescription, binding);
            return Response.ok(page("Connected", "Connection " + escape(o.connectionName()) + " (" + o.connectionId()
                    + ") is authorized. You can close this window.")).cookie(clear).build();
        } catch (ProblemException e) {
            return Response.status(e.status()).type(MediaType.TEXT_HTML).entity(page("Authorization failed", escape(e.getMessage())))
                    .cookie(clear).build();
        }
    }

    /** The binding cookie of a started authorization. */
    public static NewCookie cookie(WebServerFlow.Start s) {
        return new NewCookie.Builder(WebServerFlow.BINDING_COOKIE).value(s.binding()).path("/api/oauth").httpOnly(true)
                .sameSite(NewCookie.SameSite.LAX).maxAge((int) java.time.Duration.between(java.time.Instant.now(), s.expiresAt()).toSeconds())
                .build();
    }

    private static String page(String title, String body) {
        return "<!DOCTYPE html><html><head><meta charset=\"utf-8\"><title>" + title + "</title></head><body><h1>" + title
                + "</h1><p>" + body + "</p></body></html>";
    }

    private static String escape(String s) {
        return s == null ? "" : s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
