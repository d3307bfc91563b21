package io.sfinbound.sim.api;

import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;

import org.jboss.resteasy.reactive.server.ServerRequestFilter;
import org.jboss.resteasy.reactive.server.ServerResponseFilter;

import io.smallrye.mutiny.Uni;
import io.sfinbound.sim.admin.Faults;
import io.sfinbound.sim.auth.Sessions;

/**
 * The gate of every versioned data API call ({@code /services/data/vXX.X/...}): retired (410) and unknown (404)
 * versions, injected faults and latency, the access token (401 {@code INVALID_SESSION_ID}), and the org's daily
 * quota (403 {@code REQUEST_LIMIT_EXCEEDED}); every counted call gets {@code Sforce-Limit-Info}.
 */
public class ApiFilter {

    private static final Pattern VERSIONED = Pattern.compile("^/?services/data/v([^/]+)(/.*)?$");
    private static final String ORG = "sim.org";

    private final Sessions sessions;
    private final ApiUsage usage;
    private final ApiVersions versions;
    private final Faults faults;
    private final CallContext call;

    public ApiFilter(Sessions sessions, ApiUsage usage, ApiVersions versions, Faults faults, CallContext call) {
        this.sessions = sessions;
        this.usage = usage;
        this.versions = versions;
        this.faults = faults;
        this.call = call;
    }

    @ServerRequestFilter
    public Uni<Response> gate(ContainerRequestContext ctx) {
        String path = ctx.getUriInfo().getPath();
        Matcher m = VERSIONED.matcher(path);
        if (!m.matches()) {
            return null;
        }
        Response r = check(ctx, path, m.group(1));
        Duration delay = faults.latencyFor(path);
        if (delay.isZero()) {
            return r == null ? null : Uni.createFrom().item(r);
        }
        return Uni.createFrom().item(r).onItem().delayIt().by(delay);
    }

    private Response check(ContainerRequestContext ctx, String path, String version) {
        if (versions.retired(version)) {
            return SalesforceErrors.array(410, "UNSUPPORTED_API_VERSION",
                    "API version " + version + " has been retired and is no longer supported. Use version " + versions.latest() + " or later.", null);
        }
        if (!versions.supported(version)) {
            return SalesforceErrors.array(404, "NOT_FOUND", "The requested resource does not exist", null);
        }
        Response fault = faults.dataFault(path);
        if (fault != null) {
            return fault;
        }
        String token = bearer(ctx.getHeaderString(HttpHeaders.AUTHORIZATION));
        Sessions.Session s = sessions.session(token).orElse(null);
        if (s == null) {
            return SalesforceErrors.array(401, "INVALID_SESSION_ID", "Session expired or invalid", null);
        }
        if (!usage.tryCount(s.user().org())) {
            Response rr = SalesforceErrors.array(403, "REQUEST_LIMIT_EXCEEDED", "TotalRequests Limit exceeded.", null);
            return Response.fromResponse(rr).header("Sforce-Limit-Info", usage.header(s.user().org())).build();
        }
        call.session(s);
        ctx.setProperty(ORG, s.user().org());
        return null;
    }

    @ServerResponseFilter
    public void limitInfo(ContainerRequestContext req, ContainerResponseContext resp) {
        Object org = req.getProperty(ORG);
        if (org instanceof io.sfinbound.sim.auth.Directory.Org o) {
            resp.getHeaders().putSingle("Sforce-Limit-Info", usage.header(o));
        }
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
}
