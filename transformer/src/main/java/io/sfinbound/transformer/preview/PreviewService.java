package io.sfinbound.transformer.preview;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.sfinbound.common.job.DataType;
import io.sfinbound.common.job.JobConfig;
import io.sfinbound.common.problem.Problem;
import io.sfinbound.common.problem.ProblemException;
import io.sfinbound.common.record.DocumentMessage;
import io.sfinbound.common.record.ExtractedRecord;
import io.sfinbound.transform.job.CompiledJob;
import io.sfinbound.transform.job.JobCompilationException;
import io.sfinbound.transform.job.JobValidator;
import io.sfinbound.transformer.pipeline.TransformerEngine;

/**
 * Runs the whole transformation on sample records for config-api's validate and "Download sample data": the job
 * is compiled exactly as for a run (an invalid job is a 400 naming every field at fault, with line and column for
 * expressions and rule files), checked against the sample records (field names are case-sensitive: a wrong case is a
 * 400 suggesting the right spelling; expressions are type-checked with the samples' field types), then each record
 * gives its document, filtered or dead-lettered outcome.
 */
@ApplicationScoped
public class PreviewService {

    /** Most records one preview transforms. */
    public static final int MAX_RECORDS = 500;
    /** Run id of preview outcomes. */
    public static final String PREVIEW_RUN_ID = "preview";

    private final TransformerEngine engine;

    PreviewService(TransformerEngine engine) {
        this.engine = engine;
    }

    /** Transforms the request's records with its job. */
    public PreviewResponse preview(PreviewRequest request) {
        if (request == null || request.job() == null) {
            throw ProblemException.badRequest("job", "must not be null");
        }
        if (request.records() == null) {
            throw ProblemException.badRequest("records", "must not be null");
        }
        if (request.records().size() > MAX_RECORDS) {
            throw ProblemException.badRequest("records", "at most " + MAX_RECORDS + " records per preview");
        }
        JobConfig job = request.job();
        if (job.dataType() == null) {
            throw ProblemException.badRequest("job.dataType", "must be FEEDBACK, LIVE_CHAT or SMS_TEXT");
        }
        CompiledJob compiled;
        try {
            compiled = engine.compile(job);
        } catch (JobCompilationException e) {
            List<Problem.FieldError> errors = e.errors().stream()
                    .map(f -> new Problem.FieldError("job." + f.field(), f.message(), f.line(), f.column())).toList();
            throw new ProblemException(400, "Bad Request", "the job does not compile: " + e.getMessage(), errors);
        }
        List<ObjectNode> samples = new ArrayList<>();
        List<String> objectTypes = new ArrayList<>();
        for (int i = 0; i < request.records().size(); i++) {
            JsonNode r = request.records().get(i);
            if (r == null || !r.isObject()) {
                throw ProblemException.badRequest("records[" + i + "]", "must be a JSON object");
            }
            ObjectNode data = r.deepCopy();
            objectTypes.add(data.path("attributes").path("type").asText(defaultObject(job.dataType())));
            stripAttributes(data);
            samples.add(data);
        }
        List<Problem.FieldError> fieldErrors = new JobValidator(engine.compiler()).validate(job, List.copyOf(samples));
        if (!fieldErrors.isEmpty()) {
            List<Problem.FieldError> errors = fieldErrors.stream()
                    .map(f -> new Problem.FieldError("job." + f.field(), f.message(), f.line(), f.column())).toList();
            throw new ProblemException(400, "Bad Request", "the job does not fit the sample records: "
                    + errors.get(0).field() + ": " + errors.get(0).message(), errors);
        }
        List<DocumentMessage> results = new ArrayList<>();
        for (int i = 0; i < samples.size(); i++) {
            ObjectNode data = samples.get(i);
            String objectType = objectTypes.get(i);
            String id = data.path("Id").isTextual() ? data.get("Id").textValue() : "record-" + (i + 1);
            ExtractedRecord record = new ExtractedRecord(PREVIEW_RUN_ID, job.jobId(), job.version(), job.projectId(),
                    objectType, id, "REST", Instant.now(), data);
            results.add(engine.transformer().transform(record, compiled).message());
        }
        return new PreviewResponse(results);
    }

    private static String defaultObject(DataType type) {
        return switch (type) {
            case LIVE_CHAT -> "LiveChatTranscript";
            case SMS_TEXT -> "MessagingSession";
            default -> "Feedback";
        };
    }

    /** Removes the REST API's {@code attributes} objects, which are not part of a normalized record. */
    private static void stripAttributes(JsonNode node) {
        if (node instanceof ObjectNode o) {
            o.remove("attributes");
            Iterator<JsonNode> children = o.elements();
            while (children.hasNext()) {
                stripAttributes(children.next());
            }
        } else if (node != null && node.isArray()) {
            node.forEach(PreviewService::stripAttributes);
        }
    }
}
