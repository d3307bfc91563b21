package io.sfinbound.configapi.security;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import io.sfinbound.common.problem.ProblemException;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Lets the loader and the transformer authenticate their {@code /api} callers without holding key hashes. */
@Path("/internal/auth/verify")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Internal")
public class InternalAuthResource {

    private final ApiKeyService keys;

    public InternalAuthResource(ApiKeyService keys) {
        this.keys = keys;
    }

    /** The key to verify. */
    public record VerifyRequest(@Schema(example = "********") String apiKey) {
    }

    /** Who the key belongs to. */
    public record VerifyResponse(@Schema(example = "key:extractor-ci") String principal, @Schema(example = "JOB_MANAGER") Role role) {
    }

    @POST
    @Operation(summary = "Verify an API key", description = "200 with the principal and role, or 401.")
    public VerifyResponse verify(VerifyRequest request) {
        return keys.verify(request == null ? null : request.apiKey())
                .map(p -> new VerifyResponse(p.name(), p.role()))
                .orElseThrow(() -> new ProblemException(401, "Unauthorized", "unknown, expired or revoked API key", null));
    }
}
