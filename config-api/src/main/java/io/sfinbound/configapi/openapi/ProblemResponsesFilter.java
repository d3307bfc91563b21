package io.sfinbound.configapi.openapi;

import java.util.LinkedHashMap;
import java.util.Map;

import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.PathItem;
import org.eclipse.microprofile.openapi.models.media.Schema;
import org.eclipse.microprofile.openapi.models.responses.APIResponses;

/**
 * Documents the {@code application/problem+json} errors of every operation, with an example each: 401 and 403 on
 * {@code /api} (the security filter answers them for every endpoint), 401 on {@code /internal}, 400 where a body or
 * parameter is read, 404 where the path names a resource. One filter rather than the same five {@code @APIResponse}
 * annotations on every method, so that a new endpoint cannot forget them. Responses a method documents itself are
 * kept.
 */
public class ProblemResponsesFilter implements OASFilter {

    private static final String PROBLEM = "application/problem+json";
    private static final String SCHEMA_REF = "#/components/schemas/Problem";

    @Override
    public void filterOpenAPI(OpenAPI openAPI) {
        if (openAPI.getComponents() == null) {
            openAPI.setComponents(OASFactory.createComponents());
        }
        if (openAPI.getComponents().getSchemas() == null || !openAPI.getComponents().getSchemas().containsKey("Problem")) {
            openAPI.getComponents().addSchema("Problem", problemSchema());
        }
        if (openAPI.getPaths() == null || openAPI.getPaths().getPathItems() == null) {
            return;
        }
        for (Map.Entry<String, PathItem> path : openAPI.getPaths().getPathItems().entrySet()) {
            String p = path.getKey();
            boolean api = p.startsWith("/api");
            boolean internal = p.startsWith("/internal");
            if (!api && !internal) {
                continue;
            }
            boolean callback = p.equals("/api/oauth/callback");
            for (Map.Entry<PathItem.HttpMethod, Operation> e : path.getValue().getOperations().entrySet()) {
                Operation op = e.getValue();
                if (op.getResponses() == null) {
                    op.setResponses(OASFactory.createAPIResponses());
                }
                APIResponses rs = op.getResponses();
                boolean reads = op.getRequestBody() != null || (op.getParameters() != null && !op.getParameters().isEmpty())
                        || (path.getValue().getParameters() != null && !path.getValue().getParameters().isEmpty()) || p.contains("{");
                if (reads || callback) {
                    add(rs, 400, "Bad Request", "Invalid input: each error names its field (and line and column in SOQL)",
                            p, Map.of("field", "soql", "message", "unexpected token 'FORM'", "line", 1, "column", 19));
                }
                if (internal) {
                    add(rs, 401, "Unauthorized", "X-Service-Key missing or wrong", p, null);
                } else if (!callback) {
                    add(rs, 401, "Unauthorized", "X-API-Key (or a bearer token) missing, unknown, revoked or expired", p, null);
                    add(rs, 403, "Forbidden", "The caller's role does not cover this endpoint", p, null);
                }
                if (p.contains("{")) {
                    add(rs, 404, "Not Found", "No such resource", p, null);
                }
            }
        }
    }

    private static void add(APIResponses rs, int status, String title, String description, String path, Map<String, Object> error) {
        String code = String.valueOf(status);
        if (rs.hasAPIResponse(code)) {
            return;
        }
        Map<String, Object> example = new LinkedHashMap<>();
        example.put("type", "about:blank");
        example.put("title", title);
        example.put("status", status);
        example.put("detail", switch (status) {
            case 400 -> "soql: unexpected token 'FORM' at line 1, column 19";
            case 401 -> path.startsWith("/internal") ? "a valid X-Service-Key is required" : "a valid X-API-Key is required";
            case 403 -> "role VIEWER cannot do this; it needs JOB_MANAGER";
            case 404 -> "job 42 not found";
            default -> title;
        });
        example.put("instance", path);
        if (error != null) {
            example.put("errors", java.util.List.of(error));
        }
        rs.addAPIResponse(code, OASFactory.createAPIResponse().description(description)
                .content(OASFactory.createContent().addMediaType(PROBLEM, OASFactory.createMediaType()
                        .schema(OASFactory.createSchema().ref(SCHEMA_REF))
                        .addExample(title.toLowerCase().replace(' ', '-'), OASFactory.createExample().summary(title).value(example)))));
    }

    private static Schema problemSchema() {
        return OASFactory.createSchema().type(java.util.List.of(Schema.SchemaType.OBJECT))
                .description("RFC 9457 problem details; errors[] names each field at fault")
                .addProperty("type", OASFactory.createSchema().type(java.util.List.of(Schema.SchemaType.STRING)))
                .addProperty("title", OASFactory.createSchema().type(java.util.List.of(Schema.SchemaType.STRING)))
                .addProperty("status", OASFactory.createSchema().type(java.util.List.of(Schema.SchemaType.INTEGER)))
                .addProperty("detail", OASFactory.createSchema().type(java.util.List.of(Schema.SchemaType.STRING)))
                .addProperty("instance", OASFactory.createSchema().type(java.util.List.of(Schema.SchemaType.STRING)))
                .addProperty("errors", OASFactory.createSchema().type(java.util.List.of(Schema.SchemaType.ARRAY))
                        .items(OASFactory.createSchema().type(java.util.List.of(Schema.SchemaType.OBJECT))
                                .addProperty("field", OASFactory.createSchema().type(java.util.List.of(Schema.SchemaType.STRING)))
                                .addProperty("message", OASFactory.createSchema().type(java.util.List.of(Schema.SchemaType.STRING)))
                                .addProperty("line", OASFactory.createSchema().type(java.util.List.of(Schema.SchemaType.INTEGER)))
                                .addProperty("column", OASFactory.createSchema().type(java.util.List.of(Schema.SchemaType.INTEGER)))));
    }
}
