package io.sfinbound.transformer.job;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import io.sfinbound.common.job.JobConfig;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

/** config-api's internal job version endpoint (base URL {@code quarkus.rest-client.config-api.url}). */
@RegisterRestClient(configKey = "config-api")
@Path("/internal")
@Produces(MediaType.APPLICATION_JSON)
interface ConfigApiRestClient {

    String SERVICE_KEY_HEADER = "X-Service-Key";

    @GET
    @Path("/jobs/{jobId}/versions/{version}")
    JobConfig jobVersion(@HeaderParam(SERVICE_KEY_HEADER) String serviceKey, @PathParam("jobId") long jobId,
            @PathParam("version") int version);
}
