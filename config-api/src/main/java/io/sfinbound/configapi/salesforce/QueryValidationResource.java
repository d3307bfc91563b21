package io.sfinbound.configapi.salesforce;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import io.sfinbound.common.job.FieldMapping;
import io.sfinbound.common.problem.ProblemException;
import io.sfinbound.configapi.config.ConfigApiConfig;
import io.sfinbound.configapi.security.Requires;
import io.sfinbound.configapi.security.Role;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
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
    private final ConfigApiConfig config;

    public QueryValidationResource(QueryValidationService service, ConfigApiConfig config) {
        this.service = service;
        this.config = config;
    }

    /** What to validate. */
    @Schema(description = "A query to validate against a connection's org")
    public record ValidateRequest(
            @Schema(example = "1") Long connectionId,
            @Schema(example = "62.0") String apiVersion,
            @Schema(example = "SELECT Id, CreatedDate, Body, ChatDuration FROM LiveChatTranscript") String soql,
            @Schema(example = "CreatedDate") String dateField,
            List<FieldMapping> fieldMappings) {
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
    @Operation(summary = "Download sample data", description = "An Excel file of sample records, columns named exactly as the mapping expects them (case-sensitive).")
    public Response sampleData(ValidateRequest r) {
        QueryValidationService.QueryValidation v = run(r);
        Set<String> columns = new LinkedHashSet<>();
        v.fields().forEach(f -> columns.add(f.path()));
        v.sampleRows().forEach(row -> columns.addAll(row.keySet()));
        try (XSSFWorkbook wb = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            Sheet sheet = wb.createSheet("Sample data");
            Row header = sheet.createRow(0);
            List<String> cols = new ArrayList<>(columns);
            for (int i = 0; i < cols.size(); i++) {
                header.createCell(i).setCellValue(cols.get(i));
            }
            int rowIndex = 1;
            for (Map<String, Object> record : v.sampleRows()) {
                Row row = sheet.createRow(rowIndex++);
                for (int i = 0; i < cols.size(); i++) {
                    Object value = record.get(cols.get(i));
                    Cell cell = row.createCell(i);
                    if (value instanceof Number n) {
                        cell.setCellValue(n.doubleValue());
                    } else if (value instanceof Boolean b) {
                        cell.setCellValue(b);
                    } else if (value != null) {
                        String s = value.toString();
                        cell.setCellValue(s.length() > 32_767 ? s.substring(0, 32_767) : s); // Excel's cell limit
                    }
                }
            }
            wb.write(out);
            return Response.ok(out.toByteArray(), XLSX)
                    .header("Content-Disposition", "attachment; filename=\"sample-" + v.object() + ".xlsx\"").build();
        } catch (IOException e) {
            throw new IllegalStateException("cannot write the sample workbook", e);
        }
    }

    private QueryValidationService.QueryValidation run(ValidateRequest r) {
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
        return service.validate(r.connectionId(), version, r.soql(), r.dateField(), r.fieldMappings());
    }
}
