package io.sfinbound.configapi.security;

import java.lang.reflect.Method;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Optional;

import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ResourceInfo;
import jakarta.ws.rs.core.Response;

import io.quarkus.logging.Log;
import io.sfinbound.common.problem.Problem;
import io.sfinbound.configapi.config.ConfigApiConfig;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

/**
 * Authenticates and authorizes every request: {@code /api/**} needs an {@code X-API-Key} (or, when configured, a JWT
 * bearer token, see {@link JwtAuthenticator}) whose role covers the endpoint's {@link Requires}; {@code /internal/**}
 * needs {@code X-Service-Key}. Runs after matching, so it sees the
 * resource method.
 */
public class ApiSecurityFilter {

    /** The header of API keys. */
    public static final String API_KEY_HEADER = "X-API-Key";
    /** The header of the service credential. */
    public static final String SERVICE_KEY_HEADER = "X-Service-Key";
    private static final String OAUTH_CALLBACK = io.sfinbound.configapi.oauth.WebServerFlow.CALLBACK_PATH;

    private final ApiKeyService keys;
    private final JwtAuthenticator jwt;
    private final CurrentPrincipal principal;
    private final ConfigApiConfig config;

    public ApiSecurityFilter(ApiKeyService keys, JwtAuthenticator jwt, CurrentPrincipal principal, ConfigApiConfig config) {
        this.keys = keys;
        this.jwt = jwt;
        this.principal = principal;
        this.config = config;
    }

    @ServerRequestFilter
    public Optional<Response> authenticate(ContainerRequestContext request, ResourceInfo resource) {
        String path = "/" + request.getUriInfo().getPath().replaceFirst("^/", "");
        if (path.startsWith("/internal/") || path.equals("/internal")) {
            return serviceKeyValid(request.getHeaderString(SERVICE_KEY_HEADER))
                    ? Optional.empty()
                    : Optional.of(problem(401, "Unauthorized", "a valid X-Service-Key is required", path));
        }
        if (!path.startsWith("/api/") && !path.equals("/api")) {
            return Optional.empty();
        }
        if (path.equals(OAUTH_CALLBACK)) {
            return Optional.empty(); // the browser returning from Salesforce: its single-use state authenticates it
        }
        String apiKey = request.getHeaderString(API_KEY_HEADER);
        String authorization = request.getHeaderString("Authorization");
        Optional<ApiKeyService.Principal> caller;
        if (apiKey == null && authorization != null && authorization.regionMatches(true, 0, "Bearer ", 0, 7)) {
            JwtAuthenticator.Result r = jwt.verify(authorization.substring(7).trim());
            if (!r.valid()) {
                return Optional.of(problem(401, "Unauthorized", r.reason(), path));
            }
            if (r.principal() == null) {
                return Optional.of(problem(403, "Forbidden", r.reason(), path));
            }
            caller = Optional.of(r.principal());
        } else {
            caller = keys.verify(apiKey);
        }
        if (caller.isEmpty()) {
            return Optional.of(problem(401, "Unauthorized", jwt.enabled()
                    ? "a valid X-API-Key or Authorization: Bearer token is required" : "a valid X-API-Key is required", path));
        }
        principal.set(caller.get().name(), caller.get().role());
        Role required = required(resource);
        if (required == null) {
            Log.errorf("endpoint %s has no @Requires; refused", path);
            return Optional.of(problem(403, "Forbidden", "this endpoint is not open to any role", path));
        }
        if (!caller.get().role().covers(required)) {
            return Optional.of(problem(403, "Forbidden", "role " + caller.get().role() + " cannot do this; it needs " + required, path));
        }
        return Optional.empty();
    }

    private boolean serviceKeyValid(String presented) {
        Optional<String> expected = config.internal().serviceKey().filter(k -> !k.isBlank());
        if (expected.isEmpty() || presented == null) {
            return false;
        }
        return MessageDigest.isEqual(expected.get().getBytes(StandardCharsets.UTF_8), presented.getBytes(StandardCharsets.UTF_8));
    }

    private static Role required(ResourceInfo resource) {
        Method m = resource == null ? null : resource.getResourceMethod();
        if (m == null) {
            return null;
        }
        Requires r = m.getAnnotation(Requires.class);
        if (r == null) {
            r = resource.getResourceClass().getAnnotation(Requires.class);
        }
        return r == null ? null : r.value();
    }

    private static Response problem(int status, String title, String detail, String path) {
        Response.ResponseBuilder b = Response.status(status).type(Problem.MEDIA_TYPE)
                .entity(new Problem("about:blank", title, status, detail, path, null));
        if (status == 401) {
            b.header("WWW-Authenticate", "ApiKey");
        }
        return b.build();
    }
}
