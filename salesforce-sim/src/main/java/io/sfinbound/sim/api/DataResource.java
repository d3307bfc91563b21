package io.sfinbound.sim.api;

import java.util.LinkedHashMap;
import java.util.Map;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

import io.smallrye.common.annotation.Blocking;
import io.sfinbound.sim.admin.Faults;
import io.sfinbound.sim.auth.Directory;
import io.sfinbound.sim.data.DataStore;
import io.sfinbound.sim.data.Ids;
import io.sfinbound.sim.data.SimRecord;
import io.sfinbound.sim.query.QueryService;
import io.sfinbound.sim.schema.Catalog;
import io.sfinbound.sim.schema.Describe;
import io.sfinbound.sim.schema.FieldDef;
import io.sfinbound.sim.schema.ObjectDef;
import io.vertx.core.http.HttpServerResponse;

/**
 * The REST data API: versions, resources, describe, limits, record retrieve, and query / queryAll / query-more
 * (with or without a trailing slash, as different clients send them).
 */
@Path("/services/data")
@Produces(MediaType.APPLICATION_JSON + ";charset=UTF-8")
@Blocking
public class DataResource {

    private final ApiVersions versions;
    private final QueryService queries;
    private final DataStore store;
    private final CallContext call;
    private final ApiUsage usage;
    private final Faults faults;
    private final Catalog catalog = Catalog.get();

    public DataResource(ApiVersions versions, QueryService queries, DataStore store, CallContext call, ApiUsage usage, Faults faults) {
        this.versions = versions;
        this.queries = queries;
        this.store = store;
        this.call = call;
        this.usage = usage;
        this.faults = faults;
    }

    @GET
    public Object versions() {
        return versions.list();
    }

    @GET
    @Path("v{version}")
    public Map<String, String> resources(@PathParam("version") String v) {
        call.session();
        String b = "/services/data/v" + v + "/";
        Map<String, String> m = new LinkedHashMap<>();
        for (String r : new String[] {"tooling", "metadata", "eclair", "folders", "prechatForms", "jobs", "sobjects", "query", "queryAll",
            "search", "limits", "recent", "connect", "analytics", "composite", "parameterizedSearch", "ui-api"}) {
            m.put(r, b + r);
        }
        return m;
    }

    @GET
    @Path("v{version}/sobjects")
    public Map<String, Object> global(@PathParam("version") String v) {
        call.session();
        return Describe.global(catalog, v);
    }

    @GET
    @Path("v{version}/sobjects/{object}")
    public Map<String, Object> basic(@PathParam("version") String v, @PathParam("object") String object) {
        call.session();
        return Describe.basic(object(object), v);
    }

    @GET
    @Path("v{version}/sobjects/{object}/describe")
    public Map<String, Object> describe(@PathParam("version") String v, @PathParam("object") String object) {
        call.session();
        return Describe.full(object(object), catalog, v);
    }

    @GET
    @Path("v{version}/sobjects/{object}/{id}")
    public Map<String, Object> retrieve(@PathParam("version") String v, @PathParam("object") String object,
                                        @PathParam("id") String id, @QueryParam("fields") String fields) {
        call.session();
        ObjectDef o = object(object);
        if (Ids.index(id).isEmpty() || !Ids.prefix(id).equals(o.keyPrefix())) {
            throw new SalesforceException(404, "NOT_FOUND", "Provided external ID field does not exist or is not accessible: " + id);
        }
        SimRecord r = store.byId(id).filter(x -> !x.deleted()).orElseThrow(() ->
                new SalesforceException(404, "NOT_FOUND", "The requested resource does not exist"));
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("attributes", Map.of("type", o.name(), "url", "/services/data/v" + v + "/sobjects/" + o.name() + "/" + r.id()));
        if (fields != null && !fields.isBlank()) {
            for (String f : fields.split(",")) {
                FieldDef d = o.field(f.trim()).orElseThrow(() -> SalesforceException.invalidField("No such column '" + f.trim() + "' on sobject of type " + o.name()));
                m.put(d.name(), jsonValue(r.field(d.name())));
            }
        } else {
            for (FieldDef d : o.fields()) {
                m.put(d.name(), jsonValue(r.field(d.name())));
            }
        }
        return m;
    }

    private static Object jsonValue(Object v) {
        if (v instanceof java.time.Instant t) {
            return SfFormats.json(t);
        }
        if (v instanceof java.time.LocalDate d) {
            return d.toString();
        }
        return v;
    }

    @GET
    @Path("v{version}/limits")
    public Map<String, Object> limits(@PathParam("version") String v) {
        Directory.Org org = call.session().user().org();
        long max = usage.limit(org);
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("ActiveScratchOrgs", limit(3, 3));
        m.put("AnalyticsExternalDataSizeMB", limit(40960, 40960));
        m.put("ConcurrentAsyncGetReportInstances", limit(200, 200));
        m.put("ConcurrentSyncReportRuns", limit(20, 20));
        m.put("DailyAnalyticsDataflowJobExecutions", limit(60, 60));
        m.put("DailyApiRequests", limit(max, Math.max(0, max - usage.used(org))));
        m.put("DailyAsyncApexExecutions", limit(250000, 250000));
        m.put("DailyBulkApiBatches", limit(15000, 15000));
        m.put("DailyBulkV2QueryFileStorageMB", limit(976562, 976562));
        m.put("DailyBulkV2QueryJobs", limit(10000, 10000));
        m.put("DailyDurableGenericStreamingApiEvents", limit(10000, 10000));
        m.put("DailyDurableStreamingApiEvents", limit(10000, 10000));
        m.put("DailyGenericStreamingApiEvents", limit(10000, 10000));
        m.put("DailyStandardVolumePlatformEvents", limit(10000, 10000));
        m.put("DailyStreamingApiEvents", limit(10000, 10000));
        m.put("DataStorageMB", limit(1024, 1024));
        m.put("FileStorageMB", limit(20480, 20480));
        m.put("HourlyDashboardRefreshes", limit(200, 200));
        m.put("HourlyODataCallout", limit(10000, 10000));
        m.put("HourlyPublishedPlatformEvents", limit(50000, 50000));
        m.put("HourlyTimeBasedWorkflow", limit(50, 50));
        m.put("MassEmail", limit(10, 10));
        m.put("MonthlyPlatformEventsUsageEntitlement", limit(0, 0));
        m.put("PermissionSets", limit(1500, 1500));
        m.put("SingleEmail", limit(15, 15));
        m.put("StreamingApiConcurrentClients", limit(20, 20));
        return m;
    }

    private static Map<String, Object> limit(long max, long remaining) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("Max", max);
        m.put("Remaining", remaining);
        return m;
    }

    @GET
    @Path("v{version}/query")
    public Response query(@PathParam("version") String v, @QueryParam("q") String q, @QueryParam("explain") String explain,
                          @QueryParam("columns") String columns, @HeaderParam("Sforce-Query-Options") String options,
                          @Context UriInfo uri, @Context HttpServerResponse vertx) {
        return run(v, q, explain, columns, options, false, uri, vertx);
    }

    @GET
    @Path("v{version}/queryAll")
    public Response queryAll(@PathParam("version") String v, @QueryParam("q") String q, @QueryParam("explain") String explain,
                             @QueryParam("columns") String columns, @HeaderParam("Sforce-Query-Options") String options,
                             @Context UriInfo uri, @Context HttpServerResponse vertx) {
        return run(v, q, explain, columns, options, true, uri, vertx);
    }

    @GET
    @Path("v{version}/query/{locator}")
    public Response more(@PathParam("version") String v, @PathParam("locator") String locator, @Context UriInfo uri,
                         @Context HttpServerResponse vertx) {
        call.session();
        return Bodies.stream(200, Bodies.JSON, queries.more(locator, v), faults.resetAfter("/" + uri.getPath()), vertx);
    }

    @GET
    @Path("v{version}/queryAll/{locator}")
    public Response moreAll(@PathParam("version") String v, @PathParam("locator") String locator, @Context UriInfo uri,
                            @Context HttpServerResponse vertx) {
        return more(v, locator, uri, vertx);
    }

    private Response run(String v, String q, String explain, String columns, String options, boolean all, UriInfo uri,
                         HttpServerResponse vertx) {
        call.session();
        if (explain != null) {
            return Response.ok(queries.explain(explain)).type(Bodies.JSON).build();
        }
        if (q == null) {
            throw SalesforceException.malformedQuery("A query string has to be specified");
        }
        if ("true".equalsIgnoreCase(columns)) {
            return Response.ok(queries.columns(q)).type(Bodies.JSON).build();
        }
        return Bodies.stream(200, Bodies.JSON, queries.query(q, all, options, v), faults.resetAfter("/" + uri.getPath()), vertx);
    }

    private ObjectDef object(String name) {
        return catalog.object(name).orElseThrow(() ->
                new SalesforceException(404, "NOT_FOUND", "The requested resource does not exist"));
    }
}
