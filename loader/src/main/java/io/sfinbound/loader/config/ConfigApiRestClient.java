package io.sfinbound.loader.config;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import io.sfinbound.common.job.JobConfig;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

/** config-api's internal endpoints that the loader calls (base URL {@code sfinbound.config-api.url}). */
@RegisterRestClient(configKey = "config-api")
@Path("/internal")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public interface ConfigApiRestClient {

    String SERVICE_KEY_HEADER = "X-Service-Key";

    @GET
    @Path("/jobs/{jobId}/versions/{version}")
    JobConfig jobVersion(@HeaderParam(SERVICE_KEY_HEADER) String serviceKey, @PathParam("jobId") long jobId,
            @PathParam("version") int version);

    @POST
    @Path("/auth/verify")
    VerifiedKey verify(@HeaderParam(SERVICE_KEY_HEADER) String serviceKey, VerifyRequest request);

    /** Body of {@code POST /internal/auth/verify}. */
    record VerifyRequest(String apiKey) {
    }

    /** Answer of {@code POST /internal/auth/verify}. */
    record VerifiedKey(String principal, String role) {
    }
}
