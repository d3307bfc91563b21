package io.sfinbound.configapi.connection;

import java.util.List;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import io.sfinbound.configapi.oauth.TokenBroker;
import io.sfinbound.configapi.security.Requires;
import io.sfinbound.configapi.security.Role;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Salesforce connections. */
@Path("/api/connections")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Connections")
public class ConnectionResource {

    private final ConnectionService service;
    private final TokenBroker broker;

    public ConnectionResource(ConnectionService service, TokenBroker broker) {
        this.service = service;
        this.broker = broker;
    }

    @POST
    @Requires(Role.JOB_MANAGER)
    @Operation(summary = "Create a connection", description = "Secrets are encrypted at rest and never returned.")
    public Response create(ConnectionRequest request) {
        return Response.status(201).entity(service.view(service.persistConnection(request))).build();
    }

    @GET
    @Requires(Role.VIEWER)
    @Operation(summary = "List connections")
    public List<ConnectionView> list() {
        return service.findAllConnections().stream().map(service::view).toList();
    }

    @GET
    @Path("/{id}")
    @Requires(Role.VIEWER)
    @Operation(summary = "Get a connection")
    public ConnectionView get(@PathParam("id") long id) {
        return service.view(service.findConnection(id));
    }

    @PUT
    @Path("/{id}")
    @Requires(Role.JOB_MANAGER)
    @Operation(summary = "Replace a connection", description = "Secrets left out keep their stored values.")
    public ConnectionView replace(@PathParam("id") long id, ConnectionRequest request) {
        ConnectionView v = service.view(service.replaceConnection(id, request));
        broker.evict(id);
        return v;
    }

    @DELETE
    @Path("/{id}")
    @Requires(Role.JOB_MANAGER)
    @Operation(summary = "Delete a connection no job uses")
    public Response delete(@PathParam("id") long id) {
        service.deleteConnection(id);
        broker.evict(id);
        return Response.noContent().build();
    }
}
