package io.sfinbound.configapi.sample;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import io.sfinbound.common.job.DataType;
import io.sfinbound.common.job.DefaultMapping;
import io.sfinbound.common.job.DuplicateMode;
import io.sfinbound.common.job.ExtractionApi;
import io.sfinbound.common.job.FieldMapping;
import io.sfinbound.common.job.JobConfig;
import io.sfinbound.common.job.LookBack;
import io.sfinbound.common.job.ParticipantMode;
import io.sfinbound.common.job.RedactionSettings;
import io.sfinbound.common.kafka.Json;
import io.sfinbound.common.record.AttributeValue;
import io.sfinbound.common.record.DocumentMessage;
import io.sfinbound.common.record.Verbatim;
import io.sfinbound.common.record.XmdDocument;
import io.sfinbound.configapi.job.JobService;
import io.sfinbound.configapi.salesforce.QueryValidationService;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

/**
 * "Download sample data": the sample records of the query, transformed by the transformer itself
 * ({@link TransformerClient}), as an Excel workbook. Sheet "Documents" has one row per record after mapping, its
 * attribute columns named exactly (case-sensitive) as the mapping's target names; sheet "Source records" has the
 * records as the query returns them, columns named as a mapping's source field must spell them.
 */
@ApplicationScoped
public class SampleDataService {

    private static final TypeReference<Map<String, Object>> MAP = new TypeReference<>() {
    };
    private static final int EXCEL_CELL_LIMIT = 32_767;

    private final QueryValidationService validation;
    private final TransformerClient transformer;
    private final JobService jobs;

    public SampleDataService(QueryValidationService validation, TransformerClient transformer, JobService jobs) {
        this.validation = validation;
        this.transformer = transformer;
        this.jobs = jobs;
    }

    /** A workbook and the object it samples. */
    public record Workbook(String object, byte[] xlsx) {
    }

    /** What to sample: the wizard's current query and mapping, over a saved job's other settings when {@code jobId} is set. */
    public record SampleRequest(long connectionId, String apiVersion, String soql, String dateField, List<FieldMapping> fieldMappings,
            Long jobId, DataType dataType) {
    }

    /** Validates the query, transforms its sample records and writes the workbook. */
    public Workbook sample(SampleRequest r) {
        QueryValidationService.QueryValidation v = validation.validate(r.connectionId(), r.apiVersion(), r.soql(), r.dateField(),
                r.fieldMappings());
        JobConfig job = job(r);
        List<Map<String, Object>> records = new ArrayList<>();
        for (JsonNode n : v.sampleRecords()) {
            records.add(Json.mapper().convertValue(n, MAP));
        }
        List<DocumentMessage> results = records.isEmpty() ? List.of() : transformer.preview(job, records);
        return new Workbook(v.object(), write(results, v));
    }

    private JobConfig job(SampleRequest r) {
        String dateField = r.dateField() == null || r.dateField().isBlank() ? null : r.dateField().trim();
        List<FieldMapping> mappings = r.fieldMappings() == null ? null : List.copyOf(r.fieldMappings());
        if (r.jobId() != null) {
            JobConfig c = jobs.findConfig(r.jobId(), jobs.findJob(r.jobId()).job().currentVersion);
            return new JobConfig(c.jobId(), c.version(), c.projectId(), r.connectionId(), c.name(),
                    r.dataType() == null ? c.dataType() : r.dataType(), c.participantMode(), r.apiVersion(), r.soql().trim(),
                    dateField == null ? c.dateField() : dateField, c.includeDeleted(), c.api(), c.bulkThreshold(), c.recordLimit(),
                    c.lookBack(), c.duplicateMode(), c.defaultMapping(), mappings == null ? c.fieldMappings() : mappings, c.redaction(),
                    c.filter());
        }
        // an unsaved job: the defaults a saved one would get (JobDefaults)
        return new JobConfig(0, 0, 0, r.connectionId(), "sample", r.dataType() == null ? DataType.FEEDBACK : r.dataType(),
                ParticipantMode.AUTO_DETECT, r.apiVersion(), r.soql().trim(), dateField == null ? "CreatedDate" : dateField, false,
                ExtractionApi.AUTO, JobConfig.DEFAULT_BULK_THRESHOLD, null, new LookBack(0, LookBack.Unit.DAYS), DuplicateMode.UPDATE,
                DefaultMapping.defaults(), mappings == null ? List.of() : mappings,
                new RedactionSettings(null, null, new LinkedHashSet<>(), RedactionSettings.DEFAULT_MASK, List.of()), null);
    }

    private static byte[] write(List<DocumentMessage> results, QueryValidationService.QueryValidation v) {
        try (XSSFWorkbook wb = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            Set<String> attributes = new LinkedHashSet<>();
            Set<String> verbatims = new LinkedHashSet<>();
            for (DocumentMessage m : results) {
                if (m.document() != null) {
                    if (m.document().attributes() != null) {
                        attributes.addAll(m.document().attributes().keySet());
                    }
                    if (m.document().verbatims() != null) {
                        m.document().verbatims().forEach(x -> verbatims.add(x.name()));
                    }
                }
            }
            List<String> header = new ArrayList<>(List.of("sourceRecordId", "outcome", "reason", "naturalId", "documentDate",
                    "sourceValue", "feedbackType"));
            header.addAll(attributes);
            verbatims.forEach(name -> header.add("verbatim:" + name));
            header.add("conversation");
            List<List<Object>> rows = new ArrayList<>();
            for (DocumentMessage m : results) {
                XmdDocument d = m.document();
                List<Object> row = new ArrayList<>(List.of(nz(m.sourceRecordId()), m.kind() == null ? "" : m.kind().name(), nz(m.reason()),
                        d == null ? "" : nz(d.naturalId()), d == null || d.documentDate() == null ? "" : d.documentDate().toString(),
                        d == null ? "" : nz(d.sourceValue()), d == null ? "" : nz(d.feedbackType())));
                for (String a : attributes) {
                    AttributeValue value = d == null || d.attributes() == null ? null : d.attributes().get(a);
                    row.add(value == null || value.value() == null || value.value().isNull() ? ""
                            : value.value().isNumber() ? value.value().numberValue()
                            : value.value().isBoolean() ? value.value().booleanValue()
                            : value.value().isValueNode() ? value.value().asText() : value.value().toString());
                }
                Map<String, String> texts = new LinkedHashMap<>();
                if (d != null && d.verbatims() != null) {
                    for (Verbatim x : d.verbatims()) {
                        texts.put(x.name(), x.text());
                    }
                }
                verbatims.forEach(name -> row.add(nz(texts.get(name))));
                row.add(d == null || d.conversation() == null ? "" : json(d.conversation()));
                rows.add(row);
            }
            sheet(wb, "Documents", header, rows);

            Set<String> columns = new LinkedHashSet<>();
            v.fields().forEach(f -> columns.add(f.path()));
            v.sampleRows().forEach(row -> columns.addAll(row.keySet()));
            List<String> sourceHeader = new ArrayList<>(columns);
            List<List<Object>> sourceRows = new ArrayList<>();
            for (Map<String, Object> record : v.sampleRows()) {
                List<Object> row = new ArrayList<>();
                sourceHeader.forEach(c -> row.add(record.get(c)));
                sourceRows.add(row);
            }
            sheet(wb, "Source records", sourceHeader, sourceRows);
            wb.write(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new IllegalStateException("cannot write the sample workbook", e);
        }
    }

    private static void sheet(XSSFWorkbook wb, String name, List<String> header, List<List<Object>> rows) {
        Sheet sheet = wb.createSheet(name);
        Row h = sheet.createRow(0);
        for (int i = 0; i < header.size(); i++) {
            h.createCell(i).setCellValue(header.get(i));
        }
        int r = 1;
        for (List<Object> values : rows) {
            Row row = sheet.createRow(r++);
            for (int i = 0; i < values.size(); i++) {
                Object value = values.get(i);
                Cell cell = row.createCell(i);
                if (value instanceof Number n) {
                    cell.setCellValue(n.doubleValue());
                } else if (value instanceof Boolean b) {
                    cell.setCellValue(b);
                } else if (value != null) {
                    String s = value.toString();
                    cell.setCellValue(s.length() > EXCEL_CELL_LIMIT ? s.substring(0, EXCEL_CELL_LIMIT) : s);
                }
            }
        }
    }

    private static String nz(String s) {
        return s == null ? "" : s;
    }

    private static String json(Object o) {
        try {
            return Json.mapper().writeValueAsString(o);
        } catch (IOException e) {
            return "";
        }
    }
}
