package io.sfinbound.configapi.salesforce;

import java.util.List;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import io.sfinbound.common.job.DataType;
import io.sfinbound.common.job.FieldMapping;
import io.sfinbound.common.problem.ProblemException;
import io.sfinbound.configapi.config.ConfigApiConfig;
import io.sfinbound.configapi.openapi.Examples;
import io.sfinbound.configapi.sample.SampleDataService;
import io.sfinbound.configapi.security.Requires;
import io.sfinbound.configapi.security.Role;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** The wizard's "Validate Query" and "Download sample data" steps, against the org of a connection. */
@Path("/api/query-validation")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Jobs")
public class QueryValidationResource {

    /** The xlsx media type. */
    public static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    private final QueryValidationService service;
    private final SampleDataService samples;
    private final ConfigApiConfig config;

    public QueryValidationResource(QueryValidationService service, SampleDataService samples, ConfigApiConfig config) {
        this.service = service;
        this.samples = samples;
        this.config = config;
    }

    /** What to validate. */
    @Schema(description = "A query to validate against a connection's org")
    public record ValidateRequest(
            @Schema(example = "1") Long connectionId,
            @Schema(example = "62.0") String apiVersion,
            @Schema(example = "SELECT Id, CreatedDate, Body, ChatDuration FROM LiveChatTranscript") String soql,
            @Schema(example = "CreatedDate") String dateField,
            @Schema(example = Examples.FIELD_MAPPINGS) List<FieldMapping> fieldMappings,
            @Schema(description = "Download sample data only: a saved job whose other settings (defaults, redaction, filter) apply", example = "7") Long jobId,
            @Schema(description = "Download sample data only: the data type of an unsaved job; default FEEDBACK") DataType dataType) {
    }

    @POST
    @Requires(Role.JOB_MANAGER)
    @Operation(summary = "Validate Query", description = "Syntax with positions, GROUP BY rejected, fields against describe, "
            + "query plan (full table scan warning), the date fields of the query and sample rows.")
    public QueryValidationService.QueryValidation validate(ValidateRequest r) {
        return run(r);
    }

    @POST
    @Path("/sample-data.xlsx")
    @Produces(XLSX)
    @Requires(Role.JOB_MANAGER)
    @Operation(summary = "Download sample data", description = "An Excel file of the query's sample records after the real "
            + "transformation (the transformer's preview): sheet Documents, attribute columns named exactly (case-sensitive) as "
            + "the mapping's targets; sheet Source records, columns named as a mapping's source field must spell them. "
            + "With jobId, the saved job's other settings are used. 503 when the transformer is unreachable.")
    @APIResponse(responseCode = "200", description = "sample-<object>.xlsx (attachment): sheets Documents and Source records",
            content = @Content(mediaType = XLSX, schema = @Schema(type = SchemaType.STRING, format = "binary")))
    public Response sampleData(ValidateRequest r) {
        String version = version(r);
        SampleDataService.Workbook w = samples.sample(new SampleDataService.SampleRequest(r.connectionId(), version, r.soql(),
                r.dateField(), r.fieldMappings(), r.jobId(), r.dataType()));
        return Response.ok(w.xlsx(), XLSX)
                .header("Content-Disposition", "attachment; filename=\"sample-" + w.object() + ".xlsx\"").build();
    }

    private QueryValidationService.QueryValidation run(ValidateRequest r) {
        String version = version(r); // first: it checks the body and connectionId, which is unboxed below
        return service.validate(r.connectionId(), version, r.soql(), r.dateField(), r.fieldMappings());
    }

    private String version(ValidateRequest r) {
        if (r == null) {
            throw ProblemException.badRequest("body", "a JSON body is required");
        }
        if (r.connectionId() == null) {
            throw ProblemException.badRequest("connectionId", "is required");
        }
        String version = r.apiVersion() == null || r.apiVersion().isBlank() ? config.jobs().defaultApiVersion()
                : r.apiVersion().trim().replaceFirst("^v", "");
        if (!version.matches("\\d{2,3}\\.\\d")) {
            throw ProblemException.badRequest("apiVersion", "must look like 62.0");
        }
        return version;
    }
}
