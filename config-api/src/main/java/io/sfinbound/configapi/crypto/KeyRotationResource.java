package io.sfinbound.configapi.crypto;

import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import io.sfinbound.configapi.security.Requires;
import io.sfinbound.configapi.security.Role;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Encryption key rotation, for admins. */
@Path("/api/admin/encryption/rotate")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Administration")
public class KeyRotationResource {

    private final KeyRotationService rotation;

    public KeyRotationResource(KeyRotationService rotation) {
        this.rotation = rotation;
    }

    @POST
    @Requires(Role.ADMIN)
    @Operation(summary = "Re-encrypt every secret under the current (first) encryption key")
    public KeyRotationService.Rotation rotate() {
        return rotation.rotate();
    }
}
