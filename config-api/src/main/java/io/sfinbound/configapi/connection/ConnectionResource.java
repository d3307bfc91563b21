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
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

import io.sfinbound.configapi.oauth.TokenBroker;
import io.sfinbound.configapi.oauth.WebServerFlow;
import io.sfinbound.configapi.oauth.WebServerFlowResource;
import io.sfinbound.configapi.salesforce.SalesforceDataClient;
import io.sfinbound.configapi.security.CurrentPrincipal;
import io.sfinbound.configapi.security.Requires;
import io.sfinbound.configapi.security.Role;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Salesforce connections. */
@Path("/api/connections")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Connections")
public class ConnectionResource {

    private final ConnectionService service;
    private final TokenBroker broker;
    private final WebServerFlow flow;
    private final CurrentPrincipal principal;
    private final SalesforceDataClient salesforce;

    public ConnectionResource(ConnectionService service, TokenBroker broker, WebServerFlow flow, CurrentPrincipal principal,
            SalesforceDataClient salesforce) {
        this.service = service;
        this.broker = broker;
        this.flow = flow;
        this.principal = principal;
        this.salesforce = salesforce;
    }

    @POST
    @Requires(Role.JOB_MANAGER)
    @Operation(summary = "Create a connection", description = "Secrets are encrypted at rest and never returned.")
    @APIResponse(responseCode = "201", description = "The connection, secrets omitted", content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ConnectionView.class)))
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

    /** The authorization URL, for clients that navigate themselves. */
    public record AuthorizationStart(
            @Schema(example = "https://acme.my.salesforce.com/services/oauth2/authorize?response_type=code&client_id=3MVG9...&redirect_uri=https%3A%2F%2Fsfinbound.acme.com%2Fapi%2Foauth%2Fcallback&state=...") String authorizationUrl,
            @Schema(example = "2026-11-29T06:10:00Z") java.time.Instant expiresAt) {
    }

    @GET
    @Path("/{id}/authorize")
    @Requires(Role.JOB_MANAGER)
    @Operation(summary = "Authorize a web server flow connection",
            description = "302 to Salesforce's authorize page; Salesforce sends the browser back to /api/oauth/callback.")
    @APIResponse(responseCode = "302", description = "Redirect to Salesforce's authorize page")
    public Response authorize(@PathParam("id") long id, @Context UriInfo uri) {
        WebServerFlow.Start s = flow.begin(id, principal.name(), uri.getBaseUri().toString());
        return Response.status(302).location(java.net.URI.create(s.authorizationUrl())).cookie(WebServerFlowResource.cookie(s)).build();
    }

    @POST
    @Path("/{id}/authorize")
    @Requires(Role.JOB_MANAGER)
    @Operation(summary = "Start a web server flow and answer the authorization URL (sets the browser binding cookie)")
    @APIResponse(responseCode = "200", description = "The authorization URL to open", content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = AuthorizationStart.class)))
    public Response authorizeUrl(@PathParam("id") long id, @Context UriInfo uri) {
        WebServerFlow.Start s = flow.begin(id, principal.name(), uri.getBaseUri().toString());
        return Response.ok(new AuthorizationStart(s.authorizationUrl(), s.expiresAt())).cookie(WebServerFlowResource.cookie(s)).build();
    }

    @POST
    @Path("/{id}/test")
    @Requires(Role.JOB_MANAGER)
    @Operation(summary = "Test a connection", description = "Gets a fresh token and reads the org's API versions.")
    public ConnectionTest test(@PathParam("id") long id) {
        io.sfinbound.configapi.oauth.AccessToken t = broker.token(id, true);
        com.fasterxml.jackson.databind.JsonNode versions = salesforce.versions(id);
        java.util.List<String> list = new java.util.ArrayList<>();
        versions.forEach(v -> list.add(v.path("version").asText()));
        return new ConnectionTest(true, t.instanceUrl(), t.orgId(), list);
    }

    @GET
    @Path("/{id}/api-versions")
    @Requires(Role.VIEWER)
    @Operation(summary = "The API versions the org offers (GET /services/data/)")
    @APIResponse(responseCode = "200", description = "The versions, oldest first",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(type = SchemaType.ARRAY, implementation = String.class),
                    examples = @ExampleObject(name = "versions", value = "[\"60.0\", \"61.0\", \"62.0\"]")))
    public java.util.List<String> apiVersions(@PathParam("id") long id) {
        java.util.List<String> list = new java.util.ArrayList<>();
        salesforce.versions(id).forEach(v -> list.add(v.path("version").asText()));
        return list;
    }

    /** A connection test result. */
    public record ConnectionTest(@Schema(example = "true") boolean ok, @Schema(example = "https://acme.my.salesforce.com") String instanceUrl,
            @Schema(example = "00D5g000004ABCDEAA") String orgId, @Schema(example = "[\"60.0\", \"61.0\", \"62.0\"]") java.util.List<String> apiVersions) {
    }

    @DELETE
    @Path("/{id}")
    @Requires(Role.JOB_MANAGER)
    @Operation(summary = "Delete a connection no job uses")
    @APIResponse(responseCode = "204", description = "Deleted")
    public Response delete(@PathParam("id") long id) {
        service.deleteConnection(id);
        broker.evict(id);
        return Response.noContent().build();
    }
}
