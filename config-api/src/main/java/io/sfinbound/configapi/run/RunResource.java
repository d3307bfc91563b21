package io.sfinbound.configapi.run;

import java.time.Instant;
import java.util.List;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import io.sfinbound.common.problem.ProblemException;
import io.sfinbound.common.record.RunTrigger;
import io.sfinbound.configapi.security.CurrentPrincipal;
import io.sfinbound.configapi.security.Requires;
import io.sfinbound.configapi.security.Role;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Runs: history and terminate ("retrieve data" is under the job: {@code POST /api/jobs/{id}/runs}). */
@Path("/api")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Runs")
public class RunResource {

    private final RunService runs;
    private final CurrentPrincipal principal;

    public RunResource(RunService runs, CurrentPrincipal principal) {
        this.runs = runs;
        this.principal = principal;
    }

    @GET
    @Path("/runs")
    @Requires(Role.VIEWER)
    @Operation(summary = "Run history, newest first, with filters")
    public List<RunView> allRuns(@QueryParam("jobId") Long jobId, @QueryParam("projectId") Long projectId,
            @QueryParam("status") List<RunStatus> status, @QueryParam("trigger") RunTrigger trigger,
            @QueryParam("from") Instant from, @QueryParam("to") Instant to,
            @QueryParam("page") @DefaultValue("0") int page, @QueryParam("size") @DefaultValue("50") int size) {
        return history(jobId, projectId, status, trigger, from, to, page, size);
    }

    @GET
    @Path("/runs/{runId}")
    @Requires(Role.VIEWER)
    @Operation(summary = "A run with its counters")
    public RunView get(@PathParam("runId") String runId) {
        return runs.view(runs.findRun(runId));
    }

    @POST
    @Path("/runs/{runId}/cancel")
    @Requires(Role.JOB_MANAGER)
    @Operation(summary = "Terminate a run", description = "Publishes a CANCEL request; a queued run is cancelled at once.")
    @APIResponse(responseCode = "202", description = "The run, cancelRequested set (CANCELLED if it was queued)", content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = RunView.class)))
    public Response cancel(@PathParam("runId") String runId) {
        return Response.accepted(runs.view(runs.cancelRun(runId, principal.name()))).build();
    }

    /** A page of history (shared with the job resource). */
    public List<RunView> history(Long jobId, Long projectId, List<RunStatus> status, RunTrigger trigger, Instant from, Instant to,
            int page, int size) {
        if (page < 0) {
            throw ProblemException.badRequest("page", "must not be negative");
        }
        if (size < 1 || size > 500) {
            throw ProblemException.badRequest("size", "must be between 1 and 500");
        }
        return runs.findRuns(new RunService.RunFilter(jobId, projectId, status, trigger, from, to, page, size)).stream()
                .map(runs::view).toList();
    }
}
