package io.sfinbound.configapi.job;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import io.sfinbound.common.job.JobConfig;
import io.sfinbound.configapi.openapi.Examples;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Immutable job versions for the pipeline, which caches them forever. */
@Path("/internal/jobs/{jobId}/versions/{version}")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Internal")
public class InternalJobResource {

    private final JobService jobs;

    public InternalJobResource(JobService jobs) {
        this.jobs = jobs;
    }

    @GET
    @Operation(summary = "One immutable job version", description = "404 problem when the job or version does not exist.")
    @APIResponse(responseCode = "200", description = "The version's configuration",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = JobConfig.class),
                    examples = @ExampleObject(name = "liveChat", value = Examples.JOB_CONFIG)))
    public JobConfig version(@PathParam("jobId") long jobId, @PathParam("version") int version) {
        return jobs.findConfig(jobId, version);
    }
}
