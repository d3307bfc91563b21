package io.sfinbound.configapi.rules;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import io.sfinbound.configapi.security.Requires;
import io.sfinbound.configapi.security.Role;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * XM Discover's rule file templates (text/plain, the format explained in {@code #} comments). A job's own files are
 * uploaded and downloaded at {@code /api/jobs/{id}/rules/{kind}} ({@code JobResource}, as a sub-path of
 * {@code /api/jobs} in another resource class would clash in JAX-RS).
 */
@Path("/api/rule-templates")
@Tag(name = "rule files")
public class RuleTemplateResource {

    @GET
    @Path("/{kind}")
    @Produces(MediaType.TEXT_PLAIN)
    @Requires(Role.VIEWER)
    @Operation(summary = "Download a rule file template", description = "kind: substitution or redaction; the format is explained in # comments.")
    @APIResponse(responseCode = "200", description = "The template, as an attachment",
            content = @Content(mediaType = MediaType.TEXT_PLAIN, schema = @Schema(type = SchemaType.STRING), examples = {
                @ExampleObject(name = "substitution", value = io.sfinbound.transform.redaction.SubstitutionRules.TEMPLATE),
                @ExampleObject(name = "redaction", value = io.sfinbound.transform.redaction.RedactionRules.TEMPLATE)}))
    public Response template(@PathParam("kind") String kind) {
        RuleKind k = RuleKind.of(kind);
        return attachment(k.template(), k.fileName());
    }

    /** A text/plain download. */
    public static Response attachment(String text, String fileName) {
        return Response.ok(text, MediaType.TEXT_PLAIN_TYPE.withCharset("UTF-8"))
                .header("Content-Disposition", "attachment; filename=\"" + fileName + "\"").build();
    }
}
