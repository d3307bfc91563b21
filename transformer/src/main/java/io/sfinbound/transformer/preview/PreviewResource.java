package io.sfinbound.transformer.preview;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import io.sfinbound.common.problem.ProblemException;
import io.sfinbound.transformer.config.TransformerConfig;
import io.smallrye.common.annotation.Blocking;
import org.eclipse.microprofile.openapi.annotations.Operation;

/** {@code POST /internal/preview}: the whole transformation on sample records (header {@code X-Service-Key}). */
@Path("/internal/preview")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class PreviewResource {

    static final String SERVICE_KEY_HEADER = "X-Service-Key";

    private final PreviewService service;
    private final TransformerConfig config;

    PreviewResource(PreviewService service, TransformerConfig config) {
        this.service = service;
        this.config = config;
    }

    @POST
    @Blocking
    @Operation(summary = "Transform sample records with a job configuration",
            description = "Returns one DocumentMessage per record (DOCUMENT, FILTERED or DEAD_LETTERED). "
                    + "An invalid job is a 400 problem naming each field with line and column.")
    public PreviewResponse preview(@HeaderParam(SERVICE_KEY_HEADER) String serviceKey, PreviewRequest request) {
        if (serviceKey == null || !MessageDigest.isEqual(serviceKey.getBytes(StandardCharsets.UTF_8),
                config.serviceKey().getBytes(StandardCharsets.UTF_8))) {
            throw new ProblemException(401, "Unauthorized", "a valid X-Service-Key header is required", null);
        }
        return service.preview(request);
    }
}
