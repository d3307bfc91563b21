package io.sfinbound.sim.bulk;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.StreamingOutput;
import jakarta.ws.rs.core.UriInfo;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.smallrye.common.annotation.Blocking;
import io.sfinbound.sim.admin.Faults;
import io.sfinbound.sim.api.CallContext;
import io.sfinbound.sim.api.SalesforceException;
import io.vertx.core.http.HttpServerResponse;

/** Bulk API 2.0 query jobs under {@code /services/data/vXX.X/jobs/query}. */
@Path("/services/data/v{version}/jobs/query")
@Produces(MediaType.APPLICATION_JSON + ";charset=UTF-8")
@Blocking
public class BulkResource {

    private final BulkService bulk;
    private final CallContext call;
    private final Faults faults;
    private final ObjectMapper json = new ObjectMapper();

    public BulkResource(BulkService bulk, CallContext call, Faults faults) {
        this.bulk = bulk;
        this.call = call;
        this.faults = faults;
    }

    @POST
    @Consumes(MediaType.WILDCARD)
    public Response create(@PathParam("version") String version, String body) {
        var user = call.session().user();
        Map<String, Object> fields;
        try {
            fields = json.readValue(body == null ? "" : body, new TypeReference<Map<String, Object>>() { });
        } catch (Exception e) {
            throw new SalesforceException(400, "API_ERROR", "Unexpected character or end of input in the request body: the body must be a JSON object");
        }
        if (fields == null) {
            throw new SalesforceException(400, "API_ERROR", "The request body is empty");
        }
        return Response.ok(bulk.info(bulk.create(fields, user, version), false)).build();
    }

    @GET
    public Map<String, Object> list(@PathParam("version") String version, @QueryParam("jobType") String jobType) {
        List<Map<String, Object>> records = new ArrayList<>();
        if (jobType == null || jobType.equals("V2Query")) {
            bulk.jobs(call.session().user()).forEach(j -> records.add(bulk.info(j, true)));
        }
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("done", true);
        m.put("records", records);
        m.put("nextRecordsUrl", null);
        return m;
    }

    @GET
    @Path("{id}")
    public Map<String, Object> get(@PathParam("id") String id) {
        return bulk.info(bulk.job(id, call.session().user()), true);
    }

    @PATCH
    @Path("{id}")
    @Consumes(MediaType.WILDCARD)
    public Map<String, Object> abort(@PathParam("id") String id, String body) {
        Map<String, Object> fields;
        try {
            fields = json.readValue(body == null ? "" : body, new TypeReference<Map<String, Object>>() { });
        } catch (Exception e) {
            throw new SalesforceException(400, "API_ERROR", "the request body must be {\"state\": \"Aborted\"}");
        }
        if (fields == null || !"Aborted".equals(fields.get("state"))) {
            throw new SalesforceException(400, "API_ERROR", "InvalidJob : the only state a query job can be set to is Aborted");
        }
        return bulk.info(bulk.abort(id, call.session().user()), true);
    }

    @DELETE
    @Path("{id}")
    public Response delete(@PathParam("id") String id) {
        bulk.delete(id, call.session().user());
        return Response.noContent().build();
    }

    @GET
    @Path("{id}/results")
    @Produces("text/csv")
    public Response results(@PathParam("id") String id, @QueryParam("locator") String locator, @QueryParam("maxRecords") Integer maxRecords,
                            @Context UriInfo uri, @Context HttpServerResponse vertx) {
        BulkService.ResultPage page = bulk.results(id, call.session().user(), locator, maxRecords);
        int cut = faults.resetAfter("/" + uri.getPath());
        StreamingOutput body = out -> {
            try {
                page.body().write(out, cut);
            } catch (BulkService.CutException e) {
                // the client sees the connection drop mid-body
                out.flush();
                vertx.reset();
                throw new io.sfinbound.sim.api.InjectedReset();
            }
        };
        return Response.ok(body, "text/csv; charset=UTF-8")
                .header("Sforce-Locator", page.nextLocator())
                .header("Sforce-NumberOfRecords", page.records())
                .build();
    }

    @GET
    @Path("{id}/resultPages")
    public Map<String, Object> resultPages(@PathParam("version") String version, @PathParam("id") String id,
                                           @QueryParam("maxRecords") Integer maxRecords) {
        BulkJob j = bulk.job(id, call.session().user());
        BulkService.ResultPage first = bulk.results(id, call.session().user(), null, maxRecords);
        List<Map<String, Object>> pages = new ArrayList<>();
        long total = j.recordsProcessed();
        long size = Math.max(1, first.records());
        String base = "/services/data/v" + version + "/jobs/query/" + id + "/results";
        for (long off = 0; off < total || off == 0; off += size) {
            String locator = off == 0 ? null : java.util.Base64.getUrlEncoder().withoutPadding()
                    .encodeToString(Long.toString(off).getBytes(java.nio.charset.StandardCharsets.US_ASCII));
            pages.add(Map.of("resultLink", base + "?" + (locator == null ? "" : "locator=" + locator + "&") + "maxRecords=" + size));
            if (total == 0) {
                break;
            }
        }
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("resultPages", pages);
        m.put("nextRecordsUrl", null);
        m.put("done", true);
        return m;
    }
}
