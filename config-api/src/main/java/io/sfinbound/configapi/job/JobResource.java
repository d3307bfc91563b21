package io.sfinbound.configapi.job;

import java.time.Instant;
import java.util.List;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.logging.Log;
import io.sfinbound.common.job.JobConfig;
import io.sfinbound.common.kafka.Json;
import io.sfinbound.common.problem.ProblemException;
import io.sfinbound.common.record.RunTrigger;
import io.sfinbound.configapi.openapi.Examples;
import io.sfinbound.configapi.run.Run;
import io.sfinbound.configapi.run.RunResource;
import io.sfinbound.configapi.run.RunService;
import io.sfinbound.configapi.run.RunStatus;
import io.sfinbound.configapi.run.RunView;
import io.sfinbound.configapi.security.CurrentPrincipal;
import io.sfinbound.configapi.security.Requires;
import io.sfinbound.configapi.security.Role;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Jobs: the wizard, versions and change log. */
@Path("/api/jobs")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Jobs")
public class JobResource {

    @jakarta.inject.Inject
    io.sfinbound.configapi.rules.RuleFileService ruleFiles;

    private final JobService jobs;
    private final RunService runs;
    private final CurrentPrincipal principal;
    private final RunResource runResource;

    public JobResource(JobService jobs, RunService runs, CurrentPrincipal principal, RunResource runResource) {
        this.jobs = jobs;
        this.runs = runs;
        this.principal = principal;
        this.runResource = runResource;
    }

    /** A version as listed. */
    public record VersionView(@Schema(example = "2") int version, @Schema(example = "2026-11-27T14:02:00Z") Instant createdAt,
            @Schema(example = "bob") String createdBy, @Schema(example = Examples.JOB_CONFIG) JobConfig config,
            @Schema(example = "{\"description\": \"Chats of the support team\", \"schedule\": {\"type\": \"DAILY\", \"startTime\": \"06:00\", "
                    + "\"timezone\": \"Europe/Paris\"}, \"notifications\": " + Examples.NOTIFICATIONS + "}") JobSettings settings) {
    }

    /** A change log entry. */
    public record ChangeView(@Schema(example = "12") long id, @Schema(example = "2") int version, @Schema(example = "UPDATED") String action,
            @Schema(description = "The changed fields, with JSON paths", type = SchemaType.ARRAY, implementation = Object.class, example = "[{\"field\": \"recordLimit\", \"from\": 500, \"to\": 1000}, "
                    + "{\"field\": \"schedule.startTime\", \"from\": \"06:00\", \"to\": \"08:30\"}]") JsonNode changes,
            @Schema(example = "bob") String changedBy, @Schema(example = "2026-11-27T14:02:00Z") Instant changedAt) {
    }

    @POST
    @Requires(Role.JOB_MANAGER)
    @Operation(summary = "Create a job (version 1)",
            description = "A one-time job runs right after it is saved; a scheduled job pulls data at once unless schedule.createWithoutPulling.")
    @APIResponse(responseCode = "201", description = "The job, version 1", content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = JobView.class)))
    public Response create(JobRequest request) {
        JobService.JobState state = jobs.persistJob(request, principal.name());
        Schedule s = state.settings().schedule();
        boolean pullNow = s.type() == ScheduleType.ONE_TIME
                || (ScheduleRules.recurring(s) && !Boolean.TRUE.equals(s.createWithoutPulling()));
        if (pullNow && state.job().enabled) {
            try {
                runs.startRun(state.job().id, s.type() == ScheduleType.ONE_TIME ? RunTrigger.ONE_TIME : RunTrigger.SCHEDULE,
                        principal.name());
            } catch (ProblemException e) {
                Log.warnf("job %d was saved but its first run did not start: %s", state.job().id, e.getMessage());
            }
        }
        return Response.status(201).entity(state.view()).build();
    }

    @GET
    @Requires(Role.VIEWER)
    @Operation(summary = "List jobs", description = "deleted=true lists the recycle bin.")
    public List<JobView> list(@QueryParam("projectId") Long projectId, @QueryParam("deleted") boolean deleted) {
        return jobs.findJobs(projectId, deleted).stream().map(JobService.JobState::view).toList();
    }

    @GET
    @Path("/{id}")
    @Requires(Role.VIEWER)
    @Operation(summary = "Get a job (its current version)")
    public JobView get(@PathParam("id") long id) {
        return jobs.findJob(id).view();
    }

    @PUT
    @Path("/{id}")
    @Requires(Role.JOB_MANAGER)
    @Operation(summary = "Replace a job's configuration", description = "Makes a new immutable version; runs in flight keep theirs.")
    public JobView replace(@PathParam("id") long id, JobRequest request) {
        return jobs.replaceJob(id, request, principal.name()).view();
    }

    /** A copy request. */
    public record CopyRequest(@Schema(example = "Live chat transcripts (copy)") String name) {
    }

    @POST
    @Path("/{id}/copy")
    @Requires(Role.JOB_MANAGER)
    @Operation(summary = "Copy a job", description = "The copy is a new, disabled job with the source's current configuration.")
    @APIResponse(responseCode = "201", description = "The copy, disabled", content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = JobView.class)))
    public Response copy(@PathParam("id") long id, CopyRequest request) {
        return Response.status(201).entity(jobs.copyJob(id, request == null ? null : request.name(), principal.name()).view()).build();
    }

    @DELETE
    @Path("/{id}")
    @Requires(Role.JOB_MANAGER)
    @Operation(summary = "Move a job to the recycle bin")
    public JobView delete(@PathParam("id") long id) {
        return jobs.deleteJob(id, principal.name()).view();
    }

    @POST
    @Path("/{id}/restore")
    @Requires(Role.JOB_MANAGER)
    @Operation(summary = "Restore a job from the recycle bin (disabled)")
    public JobView restore(@PathParam("id") long id) {
        return jobs.restoreJob(id, principal.name()).view();
    }

    @DELETE
    @Path("/{id}/purge")
    @Requires(Role.JOB_MANAGER)
    @Operation(summary = "Delete a job in the recycle bin for good")
    @APIResponse(responseCode = "204", description = "Purged")
    public Response purge(@PathParam("id") long id) {
        jobs.purgeJob(id);
        return Response.noContent().build();
    }

    @POST
    @Path("/{id}/enable")
    @Requires(Role.JOB_MANAGER)
    @Operation(summary = "Enable a job")
    public JobView enable(@PathParam("id") long id) {
        return jobs.enableJob(id, true, principal.name()).view();
    }

    @POST
    @Path("/{id}/disable")
    @Requires(Role.JOB_MANAGER)
    @Operation(summary = "Disable a job")
    public JobView disable(@PathParam("id") long id) {
        return jobs.enableJob(id, false, principal.name()).view();
    }

    @POST
    @Path("/{id}/runs")
    @Requires(Role.JOB_MANAGER)
    @Operation(summary = "Retrieve data now", description = "202 with the queued run; 409 when the job already has a queued or running run.")
    @APIResponse(responseCode = "202", description = "The queued run", content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = RunView.class)))
    public Response startRun(@PathParam("id") long id) {
        Run run = runs.startRun(id, RunTrigger.MANUAL, principal.name());
        return Response.accepted(runs.view(run)).build();
    }

    @GET
    @Path("/{id}/runs")
    @Requires(Role.VIEWER)
    @Operation(summary = "Run history of a job, newest first")
    public List<RunView> runs(@PathParam("id") long id, @QueryParam("status") List<RunStatus> status,
            @QueryParam("trigger") RunTrigger trigger, @QueryParam("from") Instant from, @QueryParam("to") Instant to,
            @QueryParam("page") @DefaultValue("0") int page, @QueryParam("size") @DefaultValue("50") int size) {
        jobs.findJob(id);
        return runResource.history(id, null, status, trigger, from, to, page, size);
    }

    @GET
    @Path("/{id}/versions")
    @Requires(Role.VIEWER)
    @Operation(summary = "Every version of a job, newest first")
    public List<VersionView> versions(@PathParam("id") long id) {
        return jobs.findVersions(id).stream()
                .map(v -> new VersionView(v.version, v.createdAt, v.createdBy, JobService.readConfig(v), JobService.readSettings(v)))
                .toList();
    }

    @GET
    @Path("/{id}/versions/{version}")
    @Requires(Role.VIEWER)
    @Operation(summary = "One version of a job")
    public VersionView version(@PathParam("id") long id, @PathParam("version") int version) {
        JobVersion v = jobs.version(id, version);
        return new VersionView(v.version, v.createdAt, v.createdBy, JobService.readConfig(v), JobService.readSettings(v));
    }

    @GET
    @Path("/{id}/rules/{kind}")
    @Produces(MediaType.TEXT_PLAIN)
    @Requires(Role.VIEWER)
    @Operation(summary = "Download a job's substitution or redaction rule file", description = "kind: substitution or redaction")
    @APIResponse(responseCode = "200", description = "The job's current rule file, as an attachment",
            content = @Content(mediaType = MediaType.TEXT_PLAIN, schema = @Schema(type = SchemaType.STRING), examples = {
                @ExampleObject(name = "substitution", value = Examples.SUBSTITUTION_FILE),
                @ExampleObject(name = "redaction", value = Examples.REDACTION_FILE)}))
    public Response ruleFile(@PathParam("id") long id, @PathParam("kind") String kind) {
        io.sfinbound.configapi.rules.RuleKind k = io.sfinbound.configapi.rules.RuleKind.of(kind);
        return io.sfinbound.configapi.rules.RuleTemplateResource.attachment(ruleFiles.current(id, k), "job-" + id + "-" + k.fileName());
    }

    @PUT
    @Path("/{id}/rules/{kind}")
    // any content type is read as the file's text: a 415 would be decided before authentication (401/403)
    @Consumes(MediaType.WILDCARD)
    @Requires(Role.JOB_MANAGER)
    @Operation(summary = "Upload a substitution or redaction rule file into a job",
            description = "text/plain in XM Discover's format; a new job version. Bad lines are a 400 problem naming the line and column.")
    public JobView uploadRuleFile(@PathParam("id") long id, @PathParam("kind") String kind,
            @RequestBody(content = @Content(mediaType = MediaType.TEXT_PLAIN, schema = @Schema(type = SchemaType.STRING), examples = {
                @ExampleObject(name = "substitution", value = Examples.SUBSTITUTION_FILE),
                @ExampleObject(name = "redaction", value = Examples.REDACTION_FILE)})) String file) {
        return ruleFiles.upload(id, io.sfinbound.configapi.rules.RuleKind.of(kind), file, principal.name()).view();
    }

    @GET
    @Path("/{id}/changes")
    @Requires(Role.VIEWER)
    @Operation(summary = "The change log of a job: who changed what, when")
    public List<ChangeView> changes(@PathParam("id") long id) {
        return jobs.findChanges(id).stream().map(c -> new ChangeView(c.id, c.version, c.action, readTree(c.changes),
                c.changedBy, c.changedAt)).toList();
    }

    private static JsonNode readTree(String json) {
        try {
            return json == null ? null : Json.mapper().readTree(json);
        } catch (Exception e) {
            return null;
        }
    }
}
