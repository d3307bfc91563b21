package io.sfinbound.sim.auth;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

import io.sfinbound.sim.admin.Faults;

/** Salesforce's OAuth endpoints under {@code /services/oauth2} and the identity URL {@code /id/{orgId}/{userId}}. */
@Path("/")
public class OAuthResource {

    private final OAuthService oauth;
    private final Sessions sessions;
    private final Directory directory;
    private final Faults faults;

    public OAuthResource(OAuthService oauth, Sessions sessions, Directory directory, Faults faults) {
        this.oauth = oauth;
        this.sessions = sessions;
        this.directory = directory;
        this.faults = faults;
    }

    static OAuthService.Origin origin(UriInfo uri, String hostHeader) {
        URI base = uri.getBaseUri();
        String host = base.getHost();
        return new OAuthService.Origin(base, host == null ? (hostHeader == null ? "" : hostHeader.replaceAll(":\\d+$", "")) : host);
    }

    @POST
    @Path("services/oauth2/token")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Produces(MediaType.APPLICATION_JSON)
    public Response token(MultivaluedMap<String, String> form, @HeaderParam("Authorization") String authorization,
                          @HeaderParam("Host") String host, @Context UriInfo uri) {
        Response injected = faults.tokenFault();
        if (injected != null) {
            return injected;
        }
        Map<String, String> params = new HashMap<>();
        form.forEach((k, v) -> params.put(k, v.isEmpty() ? null : v.get(0)));
        try {
            return json(200, oauth.token(params, basic(authorization), origin(uri, host)));
        } catch (OAuthException e) {
            return error(e);
        }
    }

    @GET
    @Path("services/oauth2/revoke")
    public Response revokeGet(@QueryParam("token") String token) {
        return revoke(token);
    }

    @POST
    @Path("services/oauth2/revoke")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response revokePost(MultivaluedMap<String, String> form) {
        return revoke(form.getFirst("token"));
    }

    private Response revoke(String token) {
        if (token == null || token.isBlank()) {
            return error(new OAuthException("invalid_request", "token is missing"));
        }
        if (!sessions.revoke(token)) {
            return error(new OAuthException("invalid_token", "invalid token"));
        }
        return Response.ok().build();
    }

    @POST
    @Path("services/oauth2/introspect")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Produces(MediaType.APPLICATION_JSON)
    public Response introspect(MultivaluedMap<String, String> form, @HeaderParam("Authorization") String authorization) {
        String clientId = form.getFirst("client_id");
        String secret = form.getFirst("client_secret");
        String basic = basic(authorization);
        if (clientId == null && basic != null) {
            String[] cs = basic.split(":", 2);
            clientId = cs[0];
            secret = cs.length > 1 ? cs[1] : null;
        }
        if (oauth.authenticateClient(clientId, secret).isEmpty()) {
            return error(new OAuthException(401, "invalid_client", "invalid client credentials"));
        }
        String token = form.getFirst("token");
        Map<String, Object> m = new LinkedHashMap<>();
        var session = sessions.session(token);
        var refresh = sessions.refresh(token);
        if (session.isPresent()) {
            Sessions.Session s = session.get();
            m.put("active", true);
            m.put("scope", s.scope());
            m.put("client_id", s.app().consumerKey());
            m.put("username", s.user().username());
            m.put("sub", OAuthService.identityUrl(s));
            m.put("token_type", "access_token");
            m.put("exp", s.expiresAt().getEpochSecond());
            m.put("iat", s.issuedAt().getEpochSecond());
            m.put("nbf", s.issuedAt().getEpochSecond());
        } else if (refresh.isPresent()) {
            Sessions.Refresh r = refresh.get();
            m.put("active", true);
            m.put("scope", r.scope());
            m.put("client_id", r.app().consumerKey());
            m.put("username", r.user().username());
            m.put("sub", r.instanceUrl() + "/id/" + r.user().org().id() + "/" + r.user().id());
            m.put("token_type", "refresh_token");
            m.put("iat", r.issuedAt().getEpochSecond());
            m.put("nbf", r.issuedAt().getEpochSecond());
        } else {
            m.put("active", false);
        }
        return json(200, m);
    }

    @GET
    @Path("services/oauth2/userinfo")
    @Produces(MediaType.APPLICATION_JSON)
    public Response userinfo(@HeaderParam("Authorization") String authorization) {
        return sessions.session(bearer(authorization))
                .map(s -> json(200, userInfo(s)))
                .orElseGet(() -> Response.status(403).type(MediaType.TEXT_PLAIN).entity("Bad_OAuth_Token").build());
    }

    @POST
    @Path("services/oauth2/userinfo")
    @Produces(MediaType.APPLICATION_JSON)
    public Response userinfoPost(@HeaderParam("Authorization") String authorization) {
        return userinfo(authorization);
    }

    @GET
    @Path("id/{orgId}/{userId}")
    @Produces(MediaType.APPLICATION_JSON)
    public Response identity(@PathParam("orgId") String orgId, @PathParam("userId") String userId,
                             @HeaderParam("Authorization") String authorization, @QueryParam("oauth_token") String oauthToken) {
        String token = oauthToken != null ? oauthToken : bearer(authorization);
        var session = sessions.session(token);
        if (session.isEmpty()) {
            return Response.status(403).type(MediaType.TEXT_PLAIN).entity("Bad_OAuth_Token").build();
        }
        Sessions.Session s = session.get();
        if (!s.user().org().id().equals(orgId) && !s.user().org().id15().equals(orgId)) {
            return Response.status(403).type(MediaType.TEXT_PLAIN).entity("Bad_Id").build();
        }
        var target = directory.userById(userId).filter(u -> u.org().equals(s.user().org()));
        if (target.isEmpty()) {
            return Response.status(404).type(MediaType.TEXT_PLAIN).entity("Bad_Id").build();
        }
        Directory.User u = target.get();
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", s.instanceUrl() + "/id/" + u.org().id() + "/" + u.id());
        m.put("asserted_user", u.equals(s.user()));
        m.put("user_id", u.id());
        m.put("organization_id", u.org().id());
        m.put("username", u.username());
        m.put("nick_name", u.username().split("@")[0]);
        m.put("display_name", u.name());
        m.put("email", u.email());
        m.put("email_verified", true);
        m.put("first_name", u.firstName());
        m.put("last_name", u.lastName());
        m.put("timezone", u.timeZone());
        m.put("photos", Map.of("picture", s.instanceUrl() + "/profilephoto/005/F", "thumbnail", s.instanceUrl() + "/profilephoto/005/T"));
        m.put("status", Map.of());
        m.put("urls", urls(s.instanceUrl(), u));
        m.put("active", u.active());
        m.put("user_type", "STANDARD");
        m.put("language", "en_US");
        m.put("locale", "en_US");
        m.put("utcOffset", 0);
        m.put("last_modified_date", "2025-01-01T00:00:00.000+0000");
        m.put("is_app_installed", true);
        return json(200, m);
    }

    private Map<String, Object> userInfo(Sessions.Session s) {
        Directory.User u = s.user();
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("sub", OAuthService.identityUrl(s));
        m.put("user_id", u.id());
        m.put("organization_id", u.org().id());
        m.put("preferred_username", u.username());
        m.put("nickname", u.username().split("@")[0]);
        m.put("name", u.name());
        m.put("email", u.email());
        m.put("email_verified", true);
        m.put("given_name", u.firstName());
        m.put("family_name", u.lastName());
        m.put("zoneinfo", u.timeZone());
        m.put("photos", Map.of("picture", s.instanceUrl() + "/profilephoto/005/F", "thumbnail", s.instanceUrl() + "/profilephoto/005/T"));
        m.put("profile", s.instanceUrl() + "/" + u.id());
        m.put("picture", s.instanceUrl() + "/profilephoto/005/F");
        m.put("address", Map.of());
        m.put("is_salesforce_integration_user", false);
        m.put("urls", urls(s.instanceUrl(), u));
        m.put("active", u.active());
        m.put("user_type", "STANDARD");
        m.put("language", "en_US");
        m.put("locale", "en_US");
        m.put("utcOffset", 0);
        m.put("updated_at", "2025-01-01T00:00:00Z");
        return m;
    }

    private static Map<String, String> urls(String instance, Directory.User u) {
        Map<String, String> m = new LinkedHashMap<>();
        String org = u.org().id();
        m.put("enterprise", instance + "/services/Soap/c/{version}/" + org);
        m.put("metadata", instance + "/services/Soap/m/{version}/" + org);
        m.put("partner", instance + "/services/Soap/u/{version}/" + org);
        m.put("rest", instance + "/services/data/v{version}/");
        m.put("sobjects", instance + "/services/data/v{version}/sobjects/");
        m.put("search", instance + "/services/data/v{version}/search/");
        m.put("query", instance + "/services/data/v{version}/query/");
        m.put("recent", instance + "/services/data/v{version}/recent/");
        m.put("tooling_rest", instance + "/services/data/v{version}/tooling/");
        m.put("profile", instance + "/" + u.id());
        m.put("custom_domain", instance);
        return m;
    }

    static String bearer(String authorization) {
        if (authorization == null) {
            return null;
        }
        String a = authorization.trim();
        if (a.regionMatches(true, 0, "Bearer ", 0, 7)) {
            return a.substring(7).trim();
        }
        if (a.regionMatches(true, 0, "OAuth ", 0, 6)) {
            return a.substring(6).trim();
        }
        return null;
    }

    private static String basic(String authorization) {
        if (authorization == null || !authorization.regionMatches(true, 0, "Basic ", 0, 6)) {
            return null;
        }
        try {
            return new String(Base64.getDecoder().decode(authorization.substring(6).trim()), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    static Response json(int status, Object body) {
        return Response.status(status).type(MediaType.APPLICATION_JSON + ";charset=UTF-8").entity(body).build();
    }

    static Response error(OAuthException e) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("error", e.error());
        m.put("error_description", e.getMessage());
        return json(e.status(), m);
    }
}
