package io.sfinbound.configapi.security;

import java.time.Instant;
import java.util.List;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** API keys, for admins. */
@Path("/api/keys")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "API keys")
@Requires(Role.ADMIN)
public class ApiKeyResource {

    private final ApiKeyService service;
    private final CurrentPrincipal principal;

    public ApiKeyResource(ApiKeyService service, CurrentPrincipal principal) {
        this.service = service;
        this.principal = principal;
    }

    /** A key request. */
    public record KeyRequest(@Schema(example = "extractor-ci") String name, @Schema(example = "JOB_MANAGER") Role role,
            @Schema(description = "Null for a key that does not expire", example = "2027-06-30T00:00:00Z") Instant expiresAt) {
    }

    /** A key as listed: never the key or its hash. */
    public record KeyView(@Schema(example = "4") long id, @Schema(example = "extractor-ci") String name,
            @Schema(description = "The first characters of the key, to recognise it", example = "sfk_3QpX") String prefix,
            @Schema(example = "JOB_MANAGER") Role role, @Schema(example = "admin") String createdBy,
            @Schema(example = "2026-11-20T09:00:00Z") Instant createdAt, @Schema(example = "2027-06-30T00:00:00Z") Instant expiresAt,
            @Schema(example = "2026-11-28T17:45:00Z") Instant revokedAt, @Schema(example = "2026-11-28T17:30:12Z") Instant lastUsedAt) {
        static KeyView of(ApiKey k) {
            return new KeyView(k.id, k.name, k.keyPrefix, k.role, k.createdBy, k.createdAt, k.expiresAt, k.revokedAt, k.lastUsedAt);
        }
    }

    /** The answer to an issue call: the plain key, shown this once. */
    public record IssuedKeyView(@Schema(example = "4") long id, @Schema(example = "extractor-ci") String name,
            @Schema(example = "JOB_MANAGER") Role role,
            @Schema(description = "The plain key, shown in this answer only", example = "********") String key,
            @Schema(example = "2027-06-30T00:00:00Z") Instant expiresAt) {
    }

    @POST
    @Operation(summary = "Issue an API key", description = "The plain key is in this answer only; store it now.")
    @APIResponse(responseCode = "201", description = "The key, with the plain key shown this once", content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = IssuedKeyView.class)))
    public Response issue(KeyRequest request) {
        if (request == null) {
            throw io.sfinbound.common.problem.ProblemException.badRequest("body", "a JSON body is required");
        }
        ApiKeyService.IssuedKey issued = service.issue(request.name(), request.role(), request.expiresAt(), principal.name());
        return Response.status(201).entity(new IssuedKeyView(issued.key().id, issued.key().name, issued.key().role,
                issued.plainKey(), issued.key().expiresAt)).build();
    }

    @GET
    @Operation(summary = "List API keys")
    public List<KeyView> list() {
        return service.findAll().stream().map(KeyView::of).toList();
    }

    @DELETE
    @Path("/{id}")
    @Operation(summary = "Revoke an API key")
    public KeyView revoke(@PathParam("id") long id) {
        return KeyView.of(service.revoke(id));
    }
}
