package io.sfinbound.sim.admin;

import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import io.smallrye.common.annotation.Blocking;
import io.sfinbound.common.problem.ProblemException;
import io.sfinbound.sim.api.ApiUsage;
import io.sfinbound.sim.auth.Directory;
import io.sfinbound.sim.auth.Sessions;
import io.sfinbound.sim.bulk.BulkService;
import io.sfinbound.sim.data.DataStore;
import io.sfinbound.sim.data.SimRecord;
import io.sfinbound.sim.query.Cursors;
import io.sfinbound.sim.schema.ObjectDef;

/**
 * Fault injection and data changes for tests and demos, outside {@code /services} (README "Admin API"). Not
 * authenticated: the simulator is a test tool and must never face the internet.
 */
@Path("/admin")
@Produces(MediaType.APPLICATION_JSON)
@Blocking
public class AdminResource {

    private final Faults faults;
    private final Sessions sessions;
    private final Cursors cursors;
    private final BulkService bulk;
    private final DataStore store;
    private final AdminService admin;
    private final ApiUsage usage;
    private final Directory directory;

    public AdminResource(Faults faults, Sessions sessions, Cursors cursors, BulkService bulk, DataStore store, AdminService admin,
                         ApiUsage usage, Directory directory) {
        this.faults = faults;
        this.sessions = sessions;
        this.cursors = cursors;
        this.bulk = bulk;
        this.store = store;
        this.admin = admin;
        this.usage = usage;
        this.directory = directory;
    }

    /** Fail the next {@code count} calls, or (with {@code seconds}) every call for that long: a storm. */
    public record FailRequest(@Min(1) @Max(1_000_000) Integer count, Integer status, String errorCode, String message, Faults.Target target,
                              String path, @Min(1) @Max(3600) Integer seconds) {
    }

    /** Add latency to calls. */
    public record LatencyRequest(@Min(0) @Max(600_000) long millis, String path) {
    }

    /** Reset connections mid-response. */
    public record ResetRequest(@Min(1) @Max(1_000_000) int count, @Min(0) Integer afterBytes, String path) {
    }

    /** Select records: ids, or a count picked OLDEST / NEWEST / RANDOM. */
    public record ChangeRequest(List<String> ids, @Min(1) Integer count, AdminService.Pick pick, Map<String, Object> fields,
                                String timestamp, Boolean hard, Boolean raw) {
    }

    /**
     * Add records: count, at a timestamp (late records: in the past) or now; {@code raw}: field values kept as given,
     * whatever the field type (poison records).
     */
    public record AddRequest(@Min(1) @Max(1_000_000) int count, String timestamp, @Min(0) Long ageSeconds, Map<String, Object> fields,
                             Boolean raw) {
    }

    /** Set the API usage of an org. */
    public record LimitRequest(@NotNull String org, @Min(0) Long used, @Min(1) Long max) {
    }

    /** Bulk job faults. */
    public record BulkFaultRequest(@Min(0) Integer count, String message) {
    }

    @GET
    @Path("state")
    public Map<String, Object> state() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("faults", faults.describe());
        m.put("openLocators", cursors.size());
        Map<String, Object> changes = new LinkedHashMap<>();
        for (ObjectDef o : store.catalog().objects()) {
            if (store.changeCount(o) > 0) {
                changes.put(o.name(), store.changeCount(o));
            }
        }
        m.put("changedRecords", changes);
        Map<String, Object> api = new LinkedHashMap<>();
        for (Directory.Org o : directory.orgs()) {
            api.put(o.key(), usage.header(o));
        }
        m.put("apiUsage", api);
        return m;
    }

    @POST
    @Path("sessions/expire")
    public Map<String, Object> expireSessions() {
        return Map.of("expired", sessions.expireAll());
    }

    @POST
    @Path("sessions/revoke-all")
    public Map<String, Object> revokeAll() {
        sessions.revokeAll();
        return Map.of("revoked", true);
    }

    /** Callback URLs to register on a connected app. */
    public record CallbackRequest(@NotNull List<String> urls) {
    }

    /** The connected apps: keys, registered callback URLs, whether users are pre-approved. */
    @GET
    @Path("apps")
    public List<Map<String, Object>> apps() {
        return directory.apps().stream().map(AdminResource::describe).toList();
    }

    /**
     * Registers more callback URLs on an app (by its {@code sim.apps} key or consumer key), as an admin adds them to a
     * connected app: for tests that learn their callback port only once started. Additive; matching stays exact.
     */
    @POST
    @Path("apps/{app}/callback-urls")
    public Map<String, Object> addCallbackUrls(@PathParam("app") String key, @Valid @NotNull CallbackRequest r) {
        Directory.App app = directory.appByKey(key).orElseThrow(() -> ProblemException.notFound("connected app " + key));
        for (int i = 0; i < r.urls().size(); i++) {
            String u = r.urls().get(i);
            java.net.URI parsed;
            try {
                parsed = u == null ? null : new java.net.URI(u);
            } catch (java.net.URISyntaxException e) {
                parsed = null;
            }
            if (parsed == null || !parsed.isAbsolute() || parsed.getFragment() != null) {
                throw ProblemException.badRequest("urls[" + i + "]", "not an absolute URL without a fragment: " + u);
            }
        }
        r.urls().stream().filter(u -> !app.callbackUrls().contains(u)).forEach(app.callbackUrls()::add);
        return describe(app);
    }

    private static Map<String, Object> describe(Directory.App a) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("key", a.key());
        m.put("consumerKey", a.consumerKey());
        m.put("callbackUrls", a.callbackUrls());
        m.put("pkceRequired", a.pkceRequired());
        m.put("refreshTokenRotation", a.refreshTokenRotation());
        m.put("preApproved", a.preApproved());
        return m;
    }

    @POST
    @Path("faults/fail")
    public Map<String, Object> fail(@Valid @NotNull FailRequest r) {
        int status = r.status() == null ? statusOf(r.errorCode()) : r.status();
        String code = r.errorCode() != null ? r.errorCode() : switch (status) {
            case 401 -> "INVALID_SESSION_ID";
            case 403 -> "REQUEST_LIMIT_EXCEEDED";
            case 500 -> "UNKNOWN_EXCEPTION";
            case 503 -> "SERVER_UNAVAILABLE";
            default -> "UNKNOWN_EXCEPTION";
        };
        if (status < 400 || status > 599) {
            throw ProblemException.badRequest("status", "must be a 4xx or 5xx status");
        }
        String message = r.message() != null ? r.message() : switch (code) {
            case "INVALID_SESSION_ID" -> "Session expired or invalid";
            case "REQUEST_LIMIT_EXCEEDED" -> "TotalRequests Limit exceeded.";
            case "SERVER_UNAVAILABLE" -> "Server too busy";
            default -> "An unexpected error occurred. Please include this ErrorId if you contact support: 1234567890-12345 (-1234567890)";
        };
        if (r.count() == null && r.seconds() == null) {
            throw ProblemException.badRequest("count", "give a count of calls to fail, or seconds to fail every call for");
        }
        faults.addFailure(new Faults.FailRule(r.target() == null ? Faults.Target.DATA : r.target(), status, code, message,
                pattern(r.path()), new AtomicInteger(r.count() == null ? Integer.MAX_VALUE : r.count()),
                r.seconds() == null ? null : Instant.now().plusSeconds(r.seconds())));
        return faults.describe();
    }

    private static int statusOf(String code) {
        if (code == null) {
            throw ProblemException.badRequest("status", "give a status or an errorCode");
        }
        return switch (code) {
            case "INVALID_SESSION_ID" -> 401;
            case "REQUEST_LIMIT_EXCEEDED" -> 403;
            case "SERVER_UNAVAILABLE" -> 503;
            case "QUERY_TIMEOUT", "INVALID_QUERY_LOCATOR", "MALFORMED_QUERY" -> 400;
            default -> 500;
        };
    }

    @POST
    @Path("faults/latency")
    public Map<String, Object> latency(@Valid @NotNull LatencyRequest r) {
        faults.latency(Duration.ofMillis(r.millis()), pattern(r.path()));
        return faults.describe();
    }

    @POST
    @Path("faults/reset-connection")
    public Map<String, Object> reset(@Valid @NotNull ResetRequest r) {
        faults.addReset(new Faults.ResetRule(pattern(r.path()), r.afterBytes() == null ? 1024 : r.afterBytes(), new AtomicInteger(r.count())));
        return faults.describe();
    }

    @DELETE
    @Path("faults")
    public Map<String, Object> clearFaults() {
        faults.clear();
        return faults.describe();
    }

    @POST
    @Path("locators/expire")
    public Map<String, Object> expireLocators(Map<String, String> body) {
        String locator = body == null ? null : body.get("locator");
        if (locator == null) {
            return Map.of("expired", cursors.expireAll());
        }
        String id = locator.substring(locator.lastIndexOf('/') + 1);
        if (!cursors.expire(id)) {
            throw ProblemException.notFound("locator " + locator);
        }
        return Map.of("expired", 1);
    }

    @POST
    @Path("bulk/jobs/{id}/fail")
    public Map<String, Object> failJob(@PathParam("id") String id, BulkFaultRequest r) {
        if (!bulk.fail(id, r == null ? null : r.message())) {
            throw ProblemException.notFound("job " + id);
        }
        return Map.of("id", id, "state", "Failed");
    }

    @POST
    @Path("bulk/jobs/{id}/stall")
    public Map<String, Object> stallJob(@PathParam("id") String id) {
        if (!bulk.stall(id, true)) {
            throw ProblemException.notFound("job " + id);
        }
        return Map.of("id", id, "stalled", true);
    }

    @POST
    @Path("bulk/jobs/{id}/resume")
    public Map<String, Object> resumeJob(@PathParam("id") String id) {
        if (!bulk.stall(id, false)) {
            throw ProblemException.notFound("job " + id);
        }
        return Map.of("id", id, "stalled", false);
    }

    @POST
    @Path("bulk/fail-next")
    public Map<String, Object> failNextJobs(@Valid BulkFaultRequest r) {
        int n = r == null || r.count() == null ? 1 : r.count();
        bulk.failNext(n, r == null ? null : r.message());
        return Map.of("failNext", n);
    }

    @POST
    @Path("bulk/stall-next")
    public Map<String, Object> stallNextJobs(@Valid BulkFaultRequest r) {
        int n = r == null || r.count() == null ? 1 : r.count();
        bulk.stallNext(n);
        return Map.of("stallNext", n);
    }

    @POST
    @Path("data/{object}/update")
    public Map<String, Object> update(@PathParam("object") String object, @Valid @NotNull ChangeRequest r) {
        ObjectDef o = admin.object(object);
        Map<String, Object> values = admin.values(o, r.fields(), Boolean.TRUE.equals(r.raw()));
        List<SimRecord> changed = store.update(o, admin.select(o, r.ids(), r.count(), r.pick()), values, at(r.timestamp()));
        return Map.of("records", AdminService.describe(changed));
    }

    @POST
    @Path("data/{object}/delete")
    public Map<String, Object> delete(@PathParam("object") String object, @Valid @NotNull ChangeRequest r) {
        ObjectDef o = admin.object(object);
        List<Long> which = admin.select(o, r.ids(), r.count(), r.pick());
        if (Boolean.TRUE.equals(r.hard())) {
            return Map.of("purged", store.purge(o, which));
        }
        return Map.of("records", AdminService.describe(store.setDeleted(o, which, true, at(r.timestamp()))));
    }

    @POST
    @Path("data/{object}/undelete")
    public Map<String, Object> undelete(@PathParam("object") String object, @Valid @NotNull ChangeRequest r) {
        ObjectDef o = admin.object(object);
        return Map.of("records", AdminService.describe(store.setDeleted(o, admin.select(o, r.ids(), r.count(), r.pick()), false, at(r.timestamp()))));
    }

    /** New records now, or late ones: committed now with a timestamp in the past (a long transaction). */
    @POST
    @Path("data/{object}/add")
    public Map<String, Object> add(@PathParam("object") String object, @Valid @NotNull AddRequest r) {
        ObjectDef o = admin.object(object);
        Instant at = r.timestamp() != null ? at(r.timestamp()) : r.ageSeconds() != null ? AdminService.now().minusSeconds(r.ageSeconds()) : AdminService.now();
        if (store.space(o.name()).parent() != null) {
            throw ProblemException.badRequest("object", o.name() + " records follow their parent; add parent records instead");
        }
        return Map.of("records", AdminService.describe(store.add(o, r.count(), at, admin.values(o, r.fields(), Boolean.TRUE.equals(r.raw())))));
    }

    @POST
    @Path("data/reset")
    public Map<String, Object> resetData() {
        store.reset();
        return Map.of("reset", true);
    }

    @POST
    @Path("limits")
    public Map<String, Object> limits(@Valid @NotNull LimitRequest r) {
        Directory.Org org = directory.org(r.org()).orElseThrow(() -> ProblemException.badRequest("org", "no org " + r.org()));
        if (r.max() != null) {
            usage.setLimit(org, r.max());
        }
        if (r.used() != null) {
            usage.setUsed(org, r.used());
        }
        return Map.of("org", org.key(), "apiUsage", usage.header(org));
    }

    /** Everything back to the start: faults, data changes, locators, bulk faults, API usage (sessions stay). */
    @POST
    @Path("reset")
    public Map<String, Object> resetAll() {
        faults.clear();
        store.reset();
        cursors.expireAll();
        bulk.failNext(0, null);
        bulk.stallNext(0);
        for (Directory.Org o : directory.orgs()) {
            usage.setUsed(o, 0);
            usage.setLimit(o, o.dailyApiRequests());
        }
        return Map.of("reset", true);
    }

    private static Instant at(String timestamp) {
        if (timestamp == null) {
            return AdminService.now();
        }
        try {
            return AdminService.instant(timestamp);
        } catch (RuntimeException e) {
            throw ProblemException.badRequest("timestamp", "not an ISO-8601 instant with a zone: " + timestamp);
        }
    }

    private static Pattern pattern(String regex) {
        if (regex == null || regex.isBlank()) {
            return null;
        }
        try {
            return Pattern.compile(regex);
        } catch (PatternSyntaxException e) {
            throw ProblemException.badRequest("path", "not a regular expression: " + e.getDescription());
        }
    }
}
