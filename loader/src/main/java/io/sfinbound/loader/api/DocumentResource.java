package io.sfinbound.loader.api;

import java.util.Map;

import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.StreamingOutput;

import io.sfinbound.loader.auth.ApiKeyVerifier;
import io.sfinbound.loader.auth.Role;
import io.sfinbound.loader.store.StoredDocument;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;

/** The document store's public API (header {@code X-API-Key}). */
@Path("/api")
@Produces(MediaType.APPLICATION_JSON)
public class DocumentResource {

    private final DocumentService service;
    private final ApiKeyVerifier auth;

    public DocumentResource(DocumentService service, ApiKeyVerifier auth) {
        this.service = service;
        this.auth = auth;
    }

    @GET
    @Path("/projects/{projectId}/documents")
    @Operation(summary = "Documents of a project, filtered and paged")
    public DocumentPage findDocuments(
            @HeaderParam(ApiKeyVerifier.HEADER) String apiKey,
            @PathParam("projectId") long projectId,
            @Parameter(description = "document date from, inclusive (ISO instant or date)") @QueryParam("from") String from,
            @Parameter(description = "document date to, exclusive (ISO instant or date)") @QueryParam("to") String to,
            @QueryParam("jobId") Long jobId,
            @Parameter(description = "the run that last wrote the document") @QueryParam("runId") String runId,
            @QueryParam("naturalId") String naturalId,
            @Parameter(description = "case-insensitive text contained in a verbatim or a conversation turn") @QueryParam("q") String q,
            @Parameter(description = "0-based page, default 0") @QueryParam("page") Integer page,
            @Parameter(description = "page size, default 50, at most 500") @QueryParam("size") Integer size) {
        auth.require(apiKey, Role.VIEWER);
        return service.findDocuments(projectId, from, to, jobId, runId, naturalId, q, page, size);
    }

    @GET
    @Path("/projects/{projectId}/documents/{naturalId}")
    @Operation(summary = "One document with its conversation; encode ';' in the natural id as %3B")
    public StoredDocument findDocument(@HeaderParam(ApiKeyVerifier.HEADER) String apiKey,
            @PathParam("projectId") long projectId, @PathParam("naturalId") String naturalId) {
        auth.require(apiKey, Role.VIEWER);
        return service.findDocument(projectId, naturalId);
    }

    @GET
    @Path("/runs/{runId}/report.csv")
    @Produces("text/csv")
    @Operation(summary = "The run's processed-documents report: one CSV row per record the loader accounted for")
    public StreamingOutput report(@HeaderParam(ApiKeyVerifier.HEADER) String apiKey, @PathParam("runId") String runId) {
        auth.require(apiKey, Role.VIEWER);
        service.requireKnownRun(runId);
        return out -> service.writeReport(runId, out);
    }

    @DELETE
    @Path("/runs/{runId}/documents")
    @Operation(summary = "Purge the documents last written by a run")
    public Map<String, Object> purge(@HeaderParam(ApiKeyVerifier.HEADER) String apiKey, @PathParam("runId") String runId) {
        auth.require(apiKey, Role.JOB_MANAGER);
        return Map.of("runId", runId, "deleted", service.purgeRun(runId));
    }
}
