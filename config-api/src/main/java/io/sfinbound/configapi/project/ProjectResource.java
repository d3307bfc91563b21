package io.sfinbound.configapi.project;

import java.time.Instant;
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

import io.sfinbound.configapi.security.Requires;
import io.sfinbound.configapi.security.Role;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Projects. */
@Path("/api/projects")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Projects")
public class ProjectResource {

    private final ProjectService service;

    public ProjectResource(ProjectService service) {
        this.service = service;
    }

    /** A project as answered. */
    public record ProjectView(@Schema(example = "3") long id, @Schema(example = "Customer support") String name,
            @Schema(example = "Chats and cases of the support team") String description,
            @Schema(example = "2026-11-20T09:00:00Z") Instant createdAt, @Schema(example = "2026-11-27T14:00:00Z") Instant updatedAt) {
        static ProjectView of(Project p) {
            return new ProjectView(p.id, p.name, p.description, p.createdAt, p.updatedAt);
        }
    }

    @POST
    @Requires(Role.JOB_MANAGER)
    @Operation(summary = "Create a project")
    @APIResponse(responseCode = "201", description = "The project", content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ProjectView.class)))
    public Response create(ProjectService.ProjectRequest request) {
        return Response.status(201).entity(ProjectView.of(service.persistProject(request))).build();
    }

    @GET
    @Requires(Role.VIEWER)
    @Operation(summary = "List projects")
    public List<ProjectView> list() {
        return service.findAllProjects().stream().map(ProjectView::of).toList();
    }

    @GET
    @Path("/{id}")
    @Requires(Role.VIEWER)
    @Operation(summary = "Get a project")
    public ProjectView get(@PathParam("id") long id) {
        return ProjectView.of(service.findProject(id));
    }

    @PUT
    @Path("/{id}")
    @Requires(Role.JOB_MANAGER)
    @Operation(summary = "Replace a project's name and description")
    public ProjectView replace(@PathParam("id") long id, ProjectService.ProjectRequest request) {
        return ProjectView.of(service.replaceProject(id, request));
    }

    @DELETE
    @Path("/{id}")
    @Requires(Role.JOB_MANAGER)
    @Operation(summary = "Delete a project without jobs")
    @APIResponse(responseCode = "204", description = "Deleted")
    public Response delete(@PathParam("id") long id) {
        service.deleteProject(id);
        return Response.noContent().build();
    }
}
