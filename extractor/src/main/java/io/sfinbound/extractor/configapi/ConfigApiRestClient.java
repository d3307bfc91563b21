package io.sfinbound.extractor.configapi;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.rest.client.annotation.ClientHeaderParam;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

import io.sfinbound.common.job.JobConfig;

/** config-api's internal endpoints (docs/architecture.md, "Internal REST contracts"). */
@RegisterRestClient(configKey = "config-api")
@Path("/internal")
@ClientHeaderParam(name = "X-Service-Key", value = "${sfinbound.service-key}")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
interface ConfigApiRestClient {

    @GET
    @Path("/jobs/{jobId}/versions/{version}")
    JobConfig jobVersion(@PathParam("jobId") long jobId, @PathParam("version") int version);

    @POST
    @Path("/connections/{connectionId}/token")
    AccessToken token(@PathParam("connectionId") long connectionId, TokenRequest request);
}
