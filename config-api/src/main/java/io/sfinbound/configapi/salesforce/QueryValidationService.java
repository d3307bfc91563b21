package io.sfinbound.configapi.salesforce;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;

import com.fasterxml.jackson.databind.JsonNode;
import io.sfinbound.common.job.FieldMapping;
import io.sfinbound.common.problem.Problem;
import io.sfinbound.common.problem.ProblemException;
import io.sfinbound.configapi.job.SoqlChecks;
import io.sfinbound.soql.FieldTypes;
import io.sfinbound.soql.QueryAnalysis;
import io.sfinbound.soql.Soql;
import io.sfinbound.soql.SoqlException;
import io.sfinbound.soql.SoqlType;
import io.sfinbound.soql.ast.SoqlQuery;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * "Validate Query": parses with the {@code soql} module (errors with line and column; GROUP BY and aggregates
 * rejected), checks every selected field against the org's describe (wrong names, with a suggestion; field types),
 * runs the query plan and warns on a full table scan, lists the date fields present in the query (only those) and a
 * few sample rows, and checks the mapping's source fields exactly (case-sensitive) against the selected fields.
 */
@ApplicationScoped
public class QueryValidationService {

    /** Sample rows returned. */
    public static final int SAMPLE_ROWS = 5;

    private final SalesforceDataClient salesforce;

    public QueryValidationService(SalesforceDataClient salesforce) {
        this.salesforce = salesforce;
    }

    /** A selected field with the org's spelling and type. */
    public record FieldInfo(@Schema(example = "Owner.Name") String path, @Schema(example = "STRING") String type) {
    }

    /** A valid query's report. */
    @Schema(description = "Validate Query: the fields with their types, the date fields of the query, warnings, the plan and sample rows")
    public record QueryValidation(@Schema(example = "LiveChatTranscript") String object,
            @Schema(example = "[{\"path\": \"Id\", \"type\": \"ID\"}, {\"path\": \"CreatedDate\", \"type\": \"DATETIME\"}, "
                    + "{\"path\": \"Body\", \"type\": \"TEXTAREA\"}, {\"path\": \"ChatDuration\", \"type\": \"INT\"}]") List<FieldInfo> fields,
            @Schema(example = "[\"CreatedDate\"]") List<String> dateFields,
            @Schema(example = "[\"the query plan is a full table scan of LiveChatTranscript (120000 records): filter on an indexed field to make runs faster\"]")
            List<String> warnings,
            @Schema(description = "The first plan of Salesforce's explain", type = SchemaType.OBJECT, implementation = Object.class,
                    example = "{\"leadingOperationType\": \"TableScan\", \"cardinality\": 120000, \"sobjectCardinality\": 120000, "
                    + "\"relativeCost\": 2.1, \"sobjectType\": \"LiveChatTranscript\"}")
            JsonNode plan,
            @Schema(example = "[{\"Id\": \"5705g000000AbCdAAK\", \"CreatedDate\": \"2026-11-27T10:12:00.000+0000\", "
                    + "\"Body\": \"Agent: Hello, how can I help?\", \"ChatDuration\": 312}]") List<Map<String, Object>> sampleRows,
            @com.fasterxml.jackson.annotation.JsonIgnore @Schema(hidden = true) List<JsonNode> sampleRecords) {
    }

    /**
     * Validates; a 400 problem lists every error ({@code soql} with line and column, {@code dateField},
     * {@code fieldMappings[i].sourceField}).
     */
    public QueryValidation validate(long connectionId, String apiVersion, String soql, String dateField, List<FieldMapping> mappings) {
        if (soql == null || soql.isBlank()) {
            throw ProblemException.badRequest("soql", "must not be blank");
        }
        SoqlQuery q;
        try {
            q = Soql.parse(soql);
            Soql.analyze(q, FieldTypes.NONE); // GROUP BY and aggregates
        } catch (SoqlException e) {
            throw new ProblemException(400, "Bad Request", e.getMessage(), List.of(SoqlChecks.error(e)));
        }
        Describer describer = new Describer(connectionId, apiVersion);
        QueryAnalysis a;
        try {
            describer.describe(q.objectName());
        } catch (SalesforceApiException e) {
            throw fromSalesforce(e, "soql");
        }
        a = Soql.analyze(q, describer::typeOf);
        List<Problem.FieldError> errors = new ArrayList<>();
        for (QueryAnalysis.SelectedField f : a.unknownFields()) {
            String suggestion = describer.suggest(q.objectName(), f.path().dotted());
            errors.add(new Problem.FieldError("soql", "No such column '" + f.path().dotted() + "' on entity '" + q.objectName() + "'"
                    + (suggestion == null ? "" : "; did you mean '" + suggestion + "'?"),
                    f.position() == null ? null : f.position().line(), f.position() == null ? null : f.position().column()));
        }
        List<FieldInfo> fields = new ArrayList<>();
        for (QueryAnalysis.SelectedField f : a.fields()) {
            if (f.type() != null) {
                fields.add(new FieldInfo(describer.canonical(q.objectName(), f.path().dotted()), f.type().name()));
            }
        }
        List<String> dateFields = a.dateFields().stream().map(f -> describer.canonical(q.objectName(), f.path().dotted())).toList();
        if (dateField != null && !dateField.isBlank() && a.dateField(dateField.trim()) == null) {
            errors.add(new Problem.FieldError("dateField", "must be one of the query's date fields " + dateFields));
        }
        if (mappings != null) {
            for (int i = 0; i < mappings.size(); i++) {
                FieldMapping m = mappings.get(i);
                if (m == null || m.sourceField() == null || m.sourceField().isBlank()) {
                    continue;
                }
                boolean exact = fields.stream().anyMatch(f -> f.path().equals(m.sourceField()));
                if (!exact) {
                    String ci = fields.stream().map(FieldInfo::path).filter(p -> p.equalsIgnoreCase(m.sourceField())).findFirst().orElse(null);
                    errors.add(new Problem.FieldError("fieldMappings[" + i + "].sourceField", ci != null
                            ? "field names are case-sensitive: use '" + ci + "' as in the sample data"
                            : "'" + m.sourceField() + "' is not selected by the query"));
                }
            }
        }
        if (!errors.isEmpty()) {
            throw new ProblemException(400, "Bad Request", String.join("; ", errors.stream().map(Problem.FieldError::message).toList()), errors);
        }
        List<String> warnings = new ArrayList<>();
        JsonNode plan = null;
        try {
            JsonNode plans = salesforce.explain(connectionId, apiVersion, soql).path("plans");
            if (plans.isArray() && plans.size() > 0) {
                plan = plans.get(0);
                if ("TableScan".equalsIgnoreCase(plan.path("leadingOperationType").asText())) {
                    warnings.add("the query plan is a full table scan of " + plan.path("sobjectType").asText(q.objectName())
                            + " (" + plan.path("sobjectCardinality").asText("?") + " records): filter on an indexed field to make runs faster");
                }
            }
        } catch (SalesforceApiException e) {
            warnings.add("no query plan: " + e.errorCode() + " " + e.getMessage());
        }
        if (a.usesFieldsFunction()) {
            warnings.add("FIELDS() selects fields by the org's schema: a schema change changes the documents");
        }
        List<Map<String, Object>> rows = new ArrayList<>();
        List<JsonNode> raw = new ArrayList<>();
        try {
            SoqlQuery sample = q.limit() != null && q.limit() < SAMPLE_ROWS ? q : q.withLimit(SAMPLE_ROWS);
            JsonNode records = salesforce.query(connectionId, apiVersion, Soql.print(sample)).path("records");
            for (JsonNode r : records) {
                raw.add(r);
                Map<String, Object> row = new LinkedHashMap<>();
                flatten("", r, row);
                rows.add(row);
            }
        } catch (SalesforceApiException e) {
            throw fromSalesforce(e, "soql");
        }
        return new QueryValidation(q.objectName(), fields, dateFields, warnings, plan, rows, raw);
    }

    /** A sample record flattened to {@code Owner.Name} keys, {@code attributes} dropped, child lists counted. */
    public static void flatten(String prefix, JsonNode node, Map<String, Object> out) {
        Iterator<Map.Entry<String, JsonNode>> it = node.fields();
        while (it.hasNext()) {
            Map.Entry<String, JsonNode> e = it.next();
            if (e.getKey().equals("attributes")) {
                continue;
            }
            String key = prefix + e.getKey();
            JsonNode v = e.getValue();
            if (v.isObject() && v.has("records")) {
                out.put(key, v.path("records").size() + " record(s)");
            } else if (v.isObject()) {
                flatten(key + ".", v, out);
            } else if (v.isNull()) {
                out.put(key, null);
            } else if (v.isNumber()) {
                out.put(key, v.numberValue());
            } else if (v.isBoolean()) {
                out.put(key, v.booleanValue());
            } else {
                out.put(key, v.asText());
            }
        }
    }

    private static ProblemException fromSalesforce(SalesforceApiException e, String field) {
        if (e.status() == 400 || e.status() == 404) {
            return new ProblemException(400, "Bad Request", e.errorCode() + ": " + e.getMessage(),
                    List.of(new Problem.FieldError(field, e.errorCode() + ": " + e.getMessage())));
        }
        return new ProblemException(502, "Bad Gateway", "Salesforce failed: " + e.errorCode() + " " + e.getMessage(), null);
    }

    /** Describes objects on demand and resolves relationship paths. */
    private final class Describer {
        private final long connectionId;
        private final String apiVersion;
        private final Map<String, JsonNode> cache = new HashMap<>();

        Describer(long connectionId, String apiVersion) {
            this.connectionId = connectionId;
            this.apiVersion = apiVersion;
        }

        JsonNode describe(String object) {
            String key = object.toLowerCase(Locale.ROOT);
            JsonNode d = cache.get(key);
            if (d == null) {
                d = salesforce.describe(connectionId, apiVersion, object);
                cache.put(key, d);
            }
            return d;
        }

        /** The describe field of a path, or null. */
        JsonNode field(String object, String path) {
            String[] parts = path.split("\\.");
            String current = object;
            for (int i = 0; i < parts.length - 1; i++) {
                JsonNode ref = null;
                for (JsonNode f : safeDescribe(current).path("fields")) {
                    if (parts[i].equalsIgnoreCase(f.path("relationshipName").asText())) {
                        ref = f;
                        break;
                    }
                }
                if (ref == null || !ref.path("referenceTo").isArray() || ref.path("referenceTo").isEmpty()) {
                    return null;
                }
                current = ref.path("referenceTo").get(0).asText();
            }
            for (JsonNode f : safeDescribe(current).path("fields")) {
                if (parts[parts.length - 1].equalsIgnoreCase(f.path("name").asText())) {
                    return f;
                }
            }
            return null;
        }

        SoqlType typeOf(String object, String path) {
            JsonNode f = field(object, path);
            return f == null ? null : SoqlType.fromDescribe(f.path("type").asText());
        }

        /** The path as the org spells it (relationship names and field name). */
        String canonical(String object, String path) {
            String[] parts = path.split("\\.");
            StringBuilder out = new StringBuilder();
            String current = object;
            for (int i = 0; i < parts.length - 1; i++) {
                JsonNode ref = null;
                for (JsonNode f : safeDescribe(current).path("fields")) {
                    if (parts[i].equalsIgnoreCase(f.path("relationshipName").asText())) {
                        ref = f;
                        break;
                    }
                }
                if (ref == null) {
                    return path;
                }
                out.append(ref.path("relationshipName").asText()).append('.');
                current = ref.path("referenceTo").get(0).asText();
            }
            JsonNode f = field(object, path);
            return f == null ? path : out + f.path("name").asText();
        }

        /** The closest field name of the object (edit distance at most 3), or null. */
        String suggest(String object, String path) {
            String last = path.contains(".") ? path.substring(path.lastIndexOf('.') + 1) : path;
            String best = null;
            int bestDistance = 4;
            for (JsonNode f : safeDescribe(object).path("fields")) {
                String name = f.path("name").asText();
                int d = distance(last.toLowerCase(Locale.ROOT), name.toLowerCase(Locale.ROOT));
                if (d < bestDistance) {
                    bestDistance = d;
                    best = name;
                }
            }
            return best;
        }

        private JsonNode safeDescribe(String object) {
            try {
                return describe(object);
            } catch (SalesforceApiException e) {
                return com.fasterxml.jackson.databind.node.MissingNode.getInstance();
            }
        }
    }

    static int distance(String a, String b) {
        int[] prev = new int[b.length() + 1];
        int[] cur = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            prev[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            cur[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                cur[j] = Math.min(Math.min(cur[j - 1] + 1, prev[j] + 1), prev[j - 1] + cost);
            }
            int[] t = prev;
            prev = cur;
            cur = t;
        }
        return prev[b.length()];
    }
}
