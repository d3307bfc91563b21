package io.sfinbound.sim.admin;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Pattern;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import io.sfinbound.sim.api.SalesforceErrors;

/**
 * Injected faults, set through {@code /admin/faults}: failing the next N calls with a status and error code,
 * latency, and connections reset in the middle of a response body. Each rule runs out after its count, so a client
 * that retries (jsforce re-sends after every refresh) always gets through eventually.
 */
@ApplicationScoped
public class Faults {

    /** Which calls a rule applies to. */
    public enum Target { DATA, TOKEN, ALL }

    /**
     * Fail the next {@code remaining} matching calls; with {@code until}, every matching call until then (a storm or
     * burst of a given length), at most {@code remaining}.
     */
    public record FailRule(Target target, int status, String errorCode, String message, Pattern path, AtomicInteger remaining,
                           java.time.Instant until) {

        public FailRule(Target target, int status, String errorCode, String message, Pattern path, AtomicInteger remaining) {
            this(target, status, errorCode, message, path, remaining, null);
        }
    }

    /** Cut the next {@code remaining} matching response bodies after {@code afterBytes} bytes. */
    public record ResetRule(Pattern path, int afterBytes, AtomicInteger remaining) {
    }

    private final List<FailRule> failures = new CopyOnWriteArrayList<>();
    private final List<ResetRule> resets = new CopyOnWriteArrayList<>();
    private volatile Duration latency = Duration.ZERO;
    private volatile Pattern latencyPath;

    public void addFailure(FailRule r) {
        failures.add(r);
    }

    public void addReset(ResetRule r) {
        resets.add(r);
    }

    public void latency(Duration d, Pattern path) {
        this.latency = d == null ? Duration.ZERO : d;
        this.latencyPath = path;
    }

    public void clear() {
        failures.clear();
        resets.clear();
        latency = Duration.ZERO;
        latencyPath = null;
    }

    /** The state, for the admin API. */
    public Map<String, Object> describe() {
        Map<String, Object> m = new LinkedHashMap<>();
        List<Map<String, Object>> f = new ArrayList<>();
        for (FailRule r : failures) {
            Map<String, Object> d = new LinkedHashMap<>(Map.of("target", r.target().name(), "status", r.status(), "errorCode", r.errorCode(),
                    "remaining", r.remaining().get(), "path", r.path() == null ? "" : r.path().pattern()));
            if (r.until() != null) {
                d.put("until", r.until().toString());
            }
            f.add(d);
        }
        List<Map<String, Object>> rs = new ArrayList<>();
        for (ResetRule r : resets) {
            rs.add(Map.of("afterBytes", r.afterBytes(), "remaining", r.remaining().get(), "path", r.path() == null ? "" : r.path().pattern()));
        }
        m.put("failures", f);
        m.put("resets", rs);
        m.put("latencyMillis", latency.toMillis());
        m.put("latencyPath", latencyPath == null ? "" : latencyPath.pattern());
        return m;
    }

    private FailRule take(Target target, String path) {
        Iterator<FailRule> it = failures.iterator();
        while (it.hasNext()) {
            FailRule r = it.next();
            if (r.until() != null && java.time.Instant.now().isAfter(r.until())) {
                failures.remove(r);
                continue;
            }
            if ((r.target() == target || r.target() == Target.ALL) && (r.path() == null || r.path().matcher(path).find())) {
                int left = r.remaining().decrementAndGet();
                if (left <= 0) {
                    failures.remove(r);
                }
                if (left >= 0) {
                    return r;
                }
            }
        }
        return null;
    }

    /** The injected failure for a data API call, or null. */
    public Response dataFault(String path) {
        FailRule r = take(Target.DATA, path);
        return r == null ? null : SalesforceErrors.array(r.status(), r.errorCode(), r.message(), null);
    }

    /** The injected failure for a token request, or null. */
    public Response tokenFault() {
        FailRule r = take(Target.TOKEN, "/services/oauth2/token");
        if (r == null) {
            return null;
        }
        if (r.status() >= 500) {
            return Response.status(r.status()).type(MediaType.TEXT_HTML).entity("<html><body>Service Unavailable</body></html>").build();
        }
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("error", r.status() == 401 ? "invalid_grant" : r.errorCode().toLowerCase(java.util.Locale.ROOT));
        m.put("error_description", r.status() == 401 ? "authentication failure" : r.message());
        return Response.status(r.status() == 401 ? 400 : r.status()).type(MediaType.APPLICATION_JSON).entity(m).build();
    }

    /** The latency to add to a call. */
    public Duration latencyFor(String path) {
        Pattern p = latencyPath;
        return p == null || p.matcher(path).find() ? latency : Duration.ZERO;
    }

    /** Bytes after which to cut this response, or -1. */
    public int resetAfter(String path) {
        for (ResetRule r : resets) {
            if (r.path() == null || r.path().matcher(path).find()) {
                int left = r.remaining().decrementAndGet();
                if (left <= 0) {
                    resets.remove(r);
                }
                if (left >= 0) {
                    return r.afterBytes();
                }
            }
        }
        return -1;
    }
}
