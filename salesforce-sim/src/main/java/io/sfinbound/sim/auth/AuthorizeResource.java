package io.sfinbound.sim.auth;

import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.CookieParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.NewCookie;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

import io.quarkus.qute.Template;

/**
 * The web-server flow's browser side, as Salesforce shows it: {@code GET /services/oauth2/authorize} shows a login
 * page (or, with a browser session cookie {@code sid}, skips it); after the login, a consent page ("Allow Access?",
 * Allow / Deny) on the user's first approval of an app whose users self-authorize; then a redirect to the registered
 * callback with {@code code} and {@code state}, or {@code error=access_denied} on Deny. Apps with pre-approved
 * (admin-approved) users never show the consent page. {@code prompt=login} forces the login page, {@code prompt=consent}
 * the consent page; {@code immediate=true} without a session and an approval answers {@code error=immediate_unsuccessful}.
 */
@Path("/services/oauth2/authorize")
public class AuthorizeResource {

    static final String COOKIE = "sid";

    private final Directory directory;
    private final Sessions sessions;
    private final Template login;
    private final Template consent;

    public AuthorizeResource(Directory directory, Sessions sessions, Template login, Template consent) {
        this.directory = directory;
        this.sessions = sessions;
        this.login = login;
        this.consent = consent;
    }

    /** What an authorize request asks for, carried from the GET through the login form to the consent page. */
    private record Ask(Directory.App app, String redirectUri, String state, String scope, String challenge, String prompt) {

        boolean prompts(String value) {
            return prompt != null && List.of(prompt.trim().split("\\s+")).contains(value);
        }
    }

    @GET
    @Produces(MediaType.TEXT_HTML)
    public Response page(@QueryParam("response_type") String responseType, @QueryParam("client_id") String clientId,
                         @QueryParam("redirect_uri") String redirectUri, @QueryParam("state") String state,
                         @QueryParam("scope") String scope, @QueryParam("code_challenge") String challenge,
                         @QueryParam("code_challenge_method") String challengeMethod, @QueryParam("prompt") String prompt,
                         @QueryParam("immediate") String immediate, @CookieParam(COOKIE) String sid,
                         @HeaderParam("Host") String host, @Context UriInfo uri) {
        Directory.App app = directory.app(clientId).orElse(null);
        if (app == null) {
            return errorPage("invalid_client_id", "client identifier invalid");
        }
        if (!Directory.callbackRegistered(app, redirectUri)) {
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
        Ask ask = new Ask(app, redirectUri, blankToNull(state), blankToNull(scope), blankToNull(challenge), blankToNull(prompt));
        Directory.User user = ask.prompts("login") ? null : sessions.browserUser(sid).filter(Directory.User::active).orElse(null);
        if ("true".equalsIgnoreCase(immediate)) {
            if (user == null || needsConsent(ask, user)) {
                return redirect(redirectUri, "error", "immediate_unsuccessful", "error_description", "immediate unsuccessful", "state", state);
            }
        }
        if (user != null) {
            return afterLogin(ask, user, OAuthResource.origin(uri, host), null);
        }
        return Response.ok(renderLogin(ask, "", null)).build();
    }

    @POST
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Produces(MediaType.TEXT_HTML)
    public Response submit(MultivaluedMap<String, String> form, @HeaderParam("Host") String host, @Context UriInfo uri) {
        if (form.getFirst("consent_id") != null) {
            return consentAnswer(form);
        }
        Directory.App app = directory.app(form.getFirst("client_id")).orElse(null);
        String redirectUri = form.getFirst("redirect_uri");
        if (app == null) {
            return errorPage("invalid_client_id", "client identifier invalid");
        }
        if (!Directory.callbackRegistered(app, redirectUri)) {
            return errorPage("redirect_uri_mismatch", "redirect_uri must match configuration");
        }
        Ask ask = new Ask(app, redirectUri, blankToNull(form.getFirst("state")), blankToNull(form.getFirst("scope")),
                blankToNull(form.getFirst("code_challenge")), blankToNull(form.getFirst("prompt")));
        if ("deny".equals(form.getFirst("action"))) {
            return denied(ask.redirectUri(), ask.state());
        }
        String username = form.getFirst("username");
        String password = form.getFirst("password");
        Directory.User user = directory.user(username).orElse(null);
        OAuthService.Origin origin = OAuthResource.origin(uri, host);
        boolean ok = user != null && password != null
                && (OAuthService.constantTimeEquals(user.password(), password) || OAuthService.constantTimeEquals(user.password() + user.securityToken(), password))
                && user.active() && directory.loginHostAllowed(user.org(), origin.host(), origin.base());
        if (!ok) {
            return Response.ok(renderLogin(ask, username == null ? "" : username,
                    "Please check your username and password. If you still can't log in, contact your Salesforce administrator.")).build();
        }
        NewCookie cookie = new NewCookie.Builder(COOKIE).value(sessions.browserLogin(user)).path("/").httpOnly(true)
                .sameSite(NewCookie.SameSite.LAX).build();
        return afterLogin(ask, user, origin, cookie);
    }

    private boolean needsConsent(Ask ask, Directory.User user) {
        return ask.prompts("consent") || !ask.app().preApproved() && !sessions.approved(user, ask.app());
    }

    /** Logged in: the consent page when needed, else straight back to the callback with a code. */
    private Response afterLogin(Ask ask, Directory.User user, OAuthService.Origin origin, NewCookie cookie) {
        String instance = directory.instanceUrl(user.org(), origin.base());
        Response.ResponseBuilder r;
        if (needsConsent(ask, user)) {
            Sessions.Pending p = sessions.pendingConsent(user, ask.app(), ask.redirectUri(), ask.state(), ask.scope(), ask.challenge(), instance);
            r = Response.ok(renderConsent(p));
        } else {
            r = codeRedirect(user, ask.app(), ask.redirectUri(), ask.state(), ask.scope(), ask.challenge(), instance);
        }
        if (cookie != null) {
            r.cookie(cookie);
        }
        return r.build();
    }

    private Response consentAnswer(MultivaluedMap<String, String> form) {
        Sessions.Pending p = sessions.takeConsent(form.getFirst("consent_id")).orElse(null);
        if (p == null) {
            return errorPage("invalid_request", "the approval page expired or was already answered; start again");
        }
        if (!"allow".equals(form.getFirst("action"))) {
            return denied(p.redirectUri(), p.state());
        }
        sessions.approve(p.user(), p.app());
        return codeRedirect(p.user(), p.app(), p.redirectUri(), p.state(), p.scope(), p.codeChallenge(), p.instanceUrl()).build();
    }

    private Response.ResponseBuilder codeRedirect(Directory.User user, Directory.App app, String redirectUri, String state, String scope,
                                                  String challenge, String instanceUrl) {
        Sessions.Code code = sessions.issueCode(user, app, redirectUri, challenge, instanceUrl, scope == null ? "api refresh_token" : scope);
        return Response.status(302).location(location(redirectUri, "code", code.code(), "state", state));
    }

    private static Response denied(String redirectUri, String state) {
        return redirect(redirectUri, "error", "access_denied", "error_description", "end-user denied authorization", "state", state);
    }

    private String renderLogin(Ask ask, String username, String error) {
        return login.data("orgLabel", "Salesforce").data("clientId", ask.app().consumerKey()).data("redirectUri", ask.redirectUri())
                .data("state", nullToEmpty(ask.state())).data("scope", ask.scope() == null ? "api refresh_token" : ask.scope())
                .data("codeChallenge", nullToEmpty(ask.challenge())).data("prompt", nullToEmpty(ask.prompt()))
                .data("username", username).data("error", error).render();
    }

    private String renderConsent(Sessions.Pending p) {
        List<String> scopes = new ArrayList<>();
        for (String s : (p.scope() == null ? "api refresh_token" : p.scope()).trim().split("\\s+")) {
            scopes.add(switch (s) {
                case "api" -> "Manage user data via APIs (api)";
                case "refresh_token", "offline_access" -> "Perform requests at any time (refresh_token, offline_access)";
                case "id", "openid", "profile", "email" -> "Access the identity URL service (" + s + ")";
                case "full" -> "Full access (full)";
                default -> s;
            });
        }
        return consent.data("appName", p.app().key()).data("scopes", scopes).data("username", p.user().username())
                .data("consentId", p.id()).render();
    }

    private static Response errorPage(String error, String description) {
        String body = "<!DOCTYPE html><html><body><h1>error=" + error + "</h1><p>error_description=" + description + "</p></body></html>";
        return Response.status(400).type(MediaType.TEXT_HTML).entity(body).build();
    }

    private static Response redirect(String base, String... kv) {
        return Response.status(302).location(location(base, kv)).build();
    }

    private static URI location(String base, String... kv) {
        Map<String, String> params = new LinkedHashMap<>();
        for (int i = 0; i < kv.length; i += 2) {
            if (kv[i + 1] != null) {
                params.put(kv[i], kv[i + 1]);
            }
        }
        StringBuilder b = new StringBuilder(base).append(base.contains("?") ? '&' : '?');
        params.forEach((k, v) -> b.append(k).append('=').append(URLEncoder.encode(v, StandardCharsets.UTF_8)).append('&'));
        b.setLength(b.length() - 1);
        return URI.create(b.toString());
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s;
    }

    private static String nullToEmpty(String s) {
        return s == null ? "" : s;
    }
}
