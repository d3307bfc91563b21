package io.sfinbound.sim.auth;

import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

import io.quarkus.qute.Template;

/**
 * The web-server flow's browser side: {@code GET /services/oauth2/authorize} shows a login page; the form posts back
 * and, on success, redirects to the registered callback with {@code code} and {@code state} (or {@code error}).
 */
@Path("/services/oauth2/authorize")
public class AuthorizeResource {

    private final Directory directory;
    private final Sessions sessions;
    private final Template login;

    public AuthorizeResource(Directory directory, Sessions sessions, Template login) {
        this.directory = directory;
        this.sessions = sessions;
        this.login = login;
    }

    @GET
    @Produces(MediaType.TEXT_HTML)
    public Response page(@QueryParam("response_type") String responseType, @QueryParam("client_id") String clientId,
                         @QueryParam("redirect_uri") String redirectUri, @QueryParam("state") String state,
                         @QueryParam("scope") String scope, @QueryParam("code_challenge") String challenge,
                         @QueryParam("code_challenge_method") String challengeMethod) {
        Directory.App app = directory.app(clientId).orElse(null);
        if (app == null) {
            return errorPage("invalid_client_id", "client identifier invalid");
        }
        if (redirectUri == null || !app.callbackUrls().contains(redirectUri)) {
            return errorPage("redirect_uri_mismatch", "redirect_uri must match configuration");
        }
        if (!"code".equals(responseType)) {
            return redirect(redirectUri, "error", "unsupported_response_type", "error_description", "response type not supported", "state", state);
        }
        if (app.pkceRequired() && (challenge == null || challenge.isBlank())) {
            return redirect(redirectUri, "error", "invalid_request", "error_description", "missing required code challenge", "state", state);
        }
        if (challengeMethod != null && !challengeMethod.equals("S256")) {
            return redirect(redirectUri, "error", "invalid_request", "error_description", "invalid code challenge method", "state", state);
        }
        return Response.ok(render(app, redirectUri, state, scope, challenge, "", null)).build();
    }

    @POST
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Produces(MediaType.TEXT_HTML)
    public Response submit(MultivaluedMap<String, String> form, @HeaderParam("Host") String host, @Context UriInfo uri) {
        Directory.App app = directory.app(form.getFirst("client_id")).orElse(null);
        String redirectUri = form.getFirst("redirect_uri");
        if (app == null) {
            return errorPage("invalid_client_id", "client identifier invalid");
        }
        if (redirectUri == null || !app.callbackUrls().contains(redirectUri)) {
            return errorPage("redirect_uri_mismatch", "redirect_uri must match configuration");
        }
        String state = blankToNull(form.getFirst("state"));
        String scope = blankToNull(form.getFirst("scope"));
        String challenge = blankToNull(form.getFirst("code_challenge"));
        if ("deny".equals(form.getFirst("action"))) {
            return redirect(redirectUri, "error", "access_denied", "error_description", "end-user denied authorization", "state", state);
        }
        String username = form.getFirst("username");
        String password = form.getFirst("password");
        Directory.User user = directory.user(username).orElse(null);
        OAuthService.Origin origin = OAuthResource.origin(uri, host);
        boolean ok = user != null && password != null
                && (OAuthService.constantTimeEquals(user.password(), password) || OAuthService.constantTimeEquals(user.password() + user.securityToken(), password))
                && user.active() && directory.loginHostAllowed(user.org(), origin.host(), origin.base());
        if (!ok) {
            return Response.ok(render(app, redirectUri, state, scope, challenge, username == null ? "" : username,
                    "Please check your username and password. If you still can't log in, contact your Salesforce administrator.")).build();
        }
        Sessions.Code code = sessions.issueCode(user, app, redirectUri, challenge, directory.instanceUrl(user.org(), origin.base()),
                scope == null ? "api refresh_token" : scope);
        return redirect(redirectUri, "code", code.code(), "state", state);
    }

    private String render(Directory.App app, String redirectUri, String state, String scope, String challenge, String username, String error) {
        return login.data("orgLabel", "Salesforce").data("clientId", app.consumerKey()).data("redirectUri", redirectUri)
                .data("state", state == null ? "" : state).data("scope", scope == null ? "api refresh_token" : scope)
                .data("codeChallenge", challenge == null ? "" : challenge).data("username", username).data("error", error).render();
    }

    private static Response errorPage(String error, String description) {
        String body = "<!DOCTYPE html><html><body><h1>error=" + error + "</h1><p>error_description=" + description + "</p></body></html>";
        return Response.status(400).type(MediaType.TEXT_HTML).entity(body).build();
    }

    private static Response redirect(String base, String... kv) {
        Map<String, String> params = new LinkedHashMap<>();
        for (int i = 0; i < kv.length; i += 2) {
            if (kv[i + 1] != null) {
                params.put(kv[i], kv[i + 1]);
            }
        }
        StringBuilder b = new StringBuilder(base).append(base.contains("?") ? '&' : '?');
        params.forEach((k, v) -> b.append(k).append('=').append(URLEncoder.encode(v, StandardCharsets.UTF_8)).append('&'));
        b.setLength(b.length() - 1);
        return Response.status(302).location(URI.create(b.toString())).build();
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s;
    }
}
