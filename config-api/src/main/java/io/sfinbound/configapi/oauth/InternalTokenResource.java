package io.sfinbound.configapi.oauth;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** The token broker endpoint of the extractor. */
@Path("/internal/connections/{connectionId}/token")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Internal")
public class InternalTokenResource {

    private final TokenBroker broker;

    public InternalTokenResource(TokenBroker broker) {
        this.broker = broker;
    }

    /** The request body. */
    public record TokenRequest(@Schema(description = "Refresh even if the cached token is still valid (after a 401)", example = "false") boolean forceRefresh) {
    }

    @POST
    @Operation(summary = "A short-lived access token and the instance URL of a connection",
            description = "forceRefresh after a Salesforce 401 INVALID_SESSION_ID. 409 credentials-invalid when Salesforce refuses the credentials.")
    public AccessToken token(@PathParam("connectionId") long connectionId, TokenRequest request) {
        return broker.token(connectionId, request != null && request.forceRefresh());
    }
}
