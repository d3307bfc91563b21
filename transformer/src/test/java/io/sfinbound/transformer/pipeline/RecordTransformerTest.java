package io.sfinbound.transformer.pipeline;

import io.sfinbound.transform.job.JobValidator;
import io.sfinbound.transform.job.JobCompilationException;
import io.sfinbound.transform.job.SensitiveValues;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.sfinbound.common.job.ConnectorFilter;
import io.sfinbound.common.job.DataType;
import io.sfinbound.common.job.DefaultMapping;
import io.sfinbound.common.job.Detector;
import io.sfinbound.common.job.FieldMapping;
import io.sfinbound.common.job.JobConfig;
import io.sfinbound.common.job.ParticipantMode;
import io.sfinbound.common.job.RedactionSettings;
import io.sfinbound.common.job.Transformation;
import io.sfinbound.common.job.TransformationType;
import io.sfinbound.common.kafka.Json;
import io.sfinbound.common.record.AttributeType;
import io.sfinbound.common.record.DocumentKind;
import io.sfinbound.common.record.DocumentMessage;
import io.sfinbound.common.record.ExtractedRecord;
import io.sfinbound.common.record.Stage;
import io.sfinbound.common.record.XmdDocument;
import io.sfinbound.transformer.support.Jobs;
import org.junit.jupiter.api.Test;

/**
 * The mapping pipeline: default data mapping, field mappings with every data type and transformation type,
 * connector filters and dead letters. Not a @QuarkusTest: {@link RecordTransformer} is plain Java.
 */
class RecordTransformerTest {

    static final Instant NOW = Instant.parse("2024-06-01T00:00:00Z");
    static final TransformerEngine ENGINE = new TransformerEngine(Clock.fixed(NOW, ZoneOffset.UTC),
            Duration.ofMillis(500), Duration.ofMillis(500));

    static ObjectNode caseRecord() {
        try {
            return (ObjectNode) Json.mapper().readTree("""
                    {"Id": "500A1", "CaseNumber": "00001026", "Status": "Closed", "Priority": "P1", "Score__c": "8.5",
                     "Amount": 120, "Subject": "Card 4111 1111 1111 1111 charged", "Notes__c": "call 555 0100 123",
                     "CreatedDate": "2024-05-20T20:49:32.000+0000", "ClosedDate": "2024-05-22",
                     "LastModifiedDate": "2024-05-23T10:00:00.000+0000", "IsEscalated": false,
                     "Owner": {"Name": "Ada", "Manager": {"Name": "Grace"}}, "Account": null}
                    """);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    static JobConfig job(DefaultMapping dm, List<FieldMapping> mappings, RedactionSettings redaction,
            ConnectorFilter filter) {
        JobConfig j = Jobs.job(11, DataType.FEEDBACK, ParticipantMode.AUTO_DETECT, mappings, redaction, filter);
        return new JobConfig(j.jobId(), 3, j.projectId(), j.connectionId(), "cases", j.dataType(), j.participantMode(),
                j.apiVersion(), j.soql(), "LastModifiedDate", false, j.api(), j.bulkThreshold(), null, j.lookBack(),
                j.duplicateMode(), dm, mappings, redaction, filter);
    }

    static DocumentMessage run(JobConfig job, ObjectNode data) {
        ExtractedRecord r = new ExtractedRecord("run-1", job.jobId(), job.version(), job.projectId(), "Case",
                data.path("Id").asText(null), "BULK", NOW, data);
        return ENGINE.transformer().transform(r, ENGINE.compile(job)).message();
    }

    static Transformation lookup(Map<String, String> table, String otherwise) {
        return new Transformation(TransformationType.LOOKUP, table, otherwise, null, null, null);
    }

    static Transformation regex(String pattern, String replacement) {
        return new Transformation(TransformationType.REGEX, null, null, pattern, replacement, null);
    }

    static Transformation expr(String expression) {
        return new Transformation(TransformationType.EXPRESSION, null, null, null, null, expression);
    }

    @Test
    void shouldApplyTheDefaultDataMapping() {
        XmdDocument d = run(job(DefaultMapping.defaults(), List.of(), null, null), caseRecord()).document();
        assertThat(d.naturalId()).isEqualTo("Salesforce;500A1");
        assertThat(d.documentDate()).isEqualTo(Instant.parse("2024-05-23T10:00:00Z"));
        assertThat(d.feedbackProvider()).isEqualTo("Salesforce");
        assertThat(d.sourceValue()).isEqualTo("Salesforce");
        assertThat(d.feedbackType()).isEqualTo("Operational reporting");
        assertThat(d.jobName()).isEqualTo("cases");
        assertThat(d.conversation()).isNull();
        // Unmapped fields are mapped under their own path, typed by value.
        assertThat(d.attributes().get("Amount").type()).isEqualTo(AttributeType.NUMBER);
        assertThat(d.attributes().get("ClosedDate").value().asText()).isEqualTo("2024-05-22T00:00:00Z");
        assertThat(d.attributes().get("Owner.Manager.Name").value().asText()).isEqualTo("Grace");
        assertThat(d.attributes().get("IsEscalated").value().asText()).isEqualTo("false");
        assertThat(d.attributes().get("Account").value().isNull()).isTrue();
    }

    @Test
    void shouldTakeNaturalIdDateSourceAndTypeFromTheJob() {
        DefaultMapping dm = new DefaultMapping("CaseNumber", expr("CONCAT('Salesforce;Case;', $value)"), "ClosedDate",
                null, "Service Cloud", lookup(Map.of("Service Cloud", "SFSC"), null), "Operational reporting",
                expr("IF(Priority = 'P1', 'escalation', $value)"));
        XmdDocument d = run(job(dm, List.of(), null, null), caseRecord()).document();
        assertThat(d.naturalId()).isEqualTo("Salesforce;Case;00001026");
        assertThat(d.documentDate()).isEqualTo(Instant.parse("2024-05-22T00:00:00Z"));
        assertThat(d.sourceValue()).isEqualTo("SFSC");
        assertThat(d.feedbackType()).isEqualTo("escalation");
        assertThat(d.feedbackProvider()).isEqualTo("Salesforce");

        DefaultMapping fixed = new DefaultMapping("Amount", null, null, Instant.parse("2020-01-01T00:00:00Z"),
                null, null, null, null);
        XmdDocument f = run(job(fixed, List.of(), null, null), caseRecord()).document();
        assertThat(f.naturalId()).isEqualTo("120");
        assertThat(f.documentDate()).isEqualTo(Instant.parse("2020-01-01T00:00:00Z"));
        assertThat(f.sourceValue()).isEqualTo("Salesforce");
    }

    @Test
    void shouldMapFieldsWithEveryDataTypeAndTransformation() {
        List<FieldMapping> mappings = List.of(
                new FieldMapping("Status", "state", AttributeType.TEXT, null, lookup(Map.of("Closed", "Done"), "Other")),
                new FieldMapping("Priority", "priority", AttributeType.TEXT, null, lookup(Map.of("P2", "High"), null)),
                new FieldMapping("CaseNumber", "number", AttributeType.NUMBER, null, regex("^0+(\\d+)$", "$1")),
                new FieldMapping("Score__c", "score", AttributeType.NUMBER, null, null),
                new FieldMapping("ClosedDate", "closed", AttributeType.DATE, null, expr("DATEADD($value, 1, 'day')")),
                new FieldMapping("Owner.Manager.Name", "manager", AttributeType.TEXT, null, expr("UPPER($value)")),
                new FieldMapping("Subject", "subject", AttributeType.VERBATIM, null, null),
                new FieldMapping("Notes__c", null, AttributeType.DO_NOT_MAP, null, null),
                new FieldMapping(null, "region", AttributeType.TEXT, "EMEA", null),
                new FieldMapping(null, "weight", AttributeType.NUMBER, "2.5", null),
                new FieldMapping("Account.Name", "account", AttributeType.TEXT, null, null));
        RedactionSettings redaction = new RedactionSettings(null, null, Set.of(Detector.PAYMENT_CARD), "<card>", List.of());
        XmdDocument d = run(job(DefaultMapping.defaults(), mappings, redaction, null), caseRecord()).document();
        assertThat(d.attributes().get("state").value().asText()).isEqualTo("Done");
        assertThat(d.attributes().get("priority").value().asText()).isEqualTo("P1");
        assertThat(d.attributes().get("number").value().decimalValue()).isEqualByComparingTo("1026");
        assertThat(d.attributes().get("score").value().decimalValue()).isEqualByComparingTo("8.5");
        assertThat(d.attributes().get("closed").value().asText()).isEqualTo("2024-05-23T00:00:00Z");
        assertThat(d.attributes().get("manager").value().asText()).isEqualTo("GRACE");
        assertThat(d.attributes().get("region").value().asText()).isEqualTo("EMEA");
        assertThat(d.attributes().get("weight").value().decimalValue()).isEqualByComparingTo("2.5");
        assertThat(d.attributes().get("account").value().isNull()).isTrue();
        assertThat(d.attributes()).doesNotContainKeys("Notes__c", "Status", "Subject", "subject", "Owner.Manager.Name");
        assertThat(d.verbatims()).extracting(v -> v.name() + "=" + v.text())
                .containsExactly("subject=Card <card> charged");
        assertThat(d.redactions()).isEqualTo(1);
    }

    @Test
    void shouldRedactChosenTextAttributes() {
        RedactionSettings redaction = new RedactionSettings(null, "\\d{3} \\d{4}", Set.of(), null, List.of("Notes__c"));
        XmdDocument d = run(job(DefaultMapping.defaults(), List.of(), redaction, null), caseRecord()).document();
        assertThat(d.attributes().get("Notes__c").value().asText()).isEqualTo("call [REDACTED] 123");
        assertThat(d.attributes().get("Subject").value().asText()).contains("4111");
        assertThat(d.redactions()).isEqualTo(1);
    }

    @Test
    void shouldFilterWithIncludeAndExclude() {
        String expression = "Status = 'Closed' AND Amount > 100";
        DocumentMessage kept = run(job(DefaultMapping.defaults(), List.of(), null,
                new ConnectorFilter(expression, ConnectorFilter.Mode.INCLUDE)), caseRecord());
        assertThat(kept.kind()).isEqualTo(DocumentKind.DOCUMENT);
        DocumentMessage dropped = run(job(DefaultMapping.defaults(), List.of(), null,
                new ConnectorFilter(expression, ConnectorFilter.Mode.EXCLUDE)), caseRecord());
        assertThat(dropped.kind()).isEqualTo(DocumentKind.FILTERED);
        assertThat(dropped.reason()).isEqualTo("connector filter (EXCLUDE) matched: " + expression);
        assertThat(dropped.document()).isNull();
        DocumentMessage notIncluded = run(job(DefaultMapping.defaults(), List.of(), null,
                new ConnectorFilter("ISBLANK(Account.Name) = FALSE", ConnectorFilter.Mode.INCLUDE)), caseRecord());
        assertThat(notIncluded.kind()).isEqualTo(DocumentKind.FILTERED);
        assertThat(notIncluded.reason()).contains("did not match");
    }

    @Test
    void shouldDeadLetterRecordsThatCannotBeMapped() {
        assertDeadLetter(List.of(new FieldMapping("status", "s", AttributeType.TEXT, null, null)), caseRecord(),
                "FIELD_NOT_FOUND: field 'status' is not in the record (field names are case-sensitive); did you mean 'Status'?");
        assertDeadLetter(List.of(new FieldMapping("owner.name", "s", AttributeType.TEXT, null, null)), caseRecord(),
                "FIELD_NOT_FOUND: field 'owner.name' is not in the record (field names are case-sensitive); did you mean 'Owner.Name'?");
        assertDeadLetter(List.of(new FieldMapping("Status", "s", AttributeType.NUMBER, null, null)), caseRecord(),
                "TYPE_MISMATCH: field 'Status' is mapped as NUMBER but its value \u2039\u2026\u203A is not a number");
        assertDeadLetter(List.of(new FieldMapping("Priority", "s", AttributeType.DATE, null, null)), caseRecord(),
                "TYPE_MISMATCH: field 'Priority' is mapped as DATE but its value \u2039\u2026\u203A is not a date");
        assertDeadLetter(List.of(new FieldMapping("Status", "s", AttributeType.TEXT, null, expr("ABS($value)"))),
                caseRecord(), "EXPRESSION_ERROR: the expression of fieldMappings[0].transformation failed: "
                        + "\u2039\u2026\u203A is not a number (line 1, column 5)");
        ObjectNode noDate = caseRecord();
        noDate.putNull("LastModifiedDate");
        assertDeadLetter(List.of(), noDate, "DOCUMENT_DATE_MISSING: document date field 'LastModifiedDate' is empty");
        ObjectNode noId = caseRecord();
        noId.remove("Id");
        assertDeadLetter(List.of(), noId, "MALFORMED_RECORD: the record has no Id");
    }

    private static void assertDeadLetter(List<FieldMapping> mappings, ObjectNode data, String reason) {
        JobConfig job = job(DefaultMapping.defaults(), mappings, null, null);
        ExtractedRecord r = new ExtractedRecord("run-1", job.jobId(), job.version(), job.projectId(), "Case",
                data.path("Id").asText(null), "REST", NOW, data);
        TransformResult result = ENGINE.transformer().transform(r, ENGINE.compile(job));
        assertThat(result.message().kind()).isEqualTo(DocumentKind.DEAD_LETTERED);
        assertThat(result.message().reason()).isEqualTo(reason);
        assertThat(result.deadLetter().stage()).isEqualTo(Stage.TRANSFORMER);
        assertThat(result.deadLetter().error()).isEqualTo(reason.substring(0, reason.indexOf(':')));
        // The DLQ (unredacted, like sfinbound.records) keeps the values; the outcome on the documents topic drops them.
        assertThat(result.deadLetter().reason()).doesNotContain("\u2026");
        assertThat(reason.substring(reason.indexOf(':') + 2))
                .isEqualTo(io.sfinbound.transform.job.SensitiveValues.withoutValues(result.deadLetter().reason()));
        assertThat(result.deadLetter().payload().at("/data/CaseNumber").asText()).isEqualTo("00001026");
        assertThat(result.deadLetter().at()).isEqualTo(NOW);
    }

    @Test
    void shouldCollectEveryCompileErrorOfAJob() {
        List<FieldMapping> mappings = List.of(
                new FieldMapping("Status", "a", AttributeType.TEXT, null, expr("UPPER(")),
                new FieldMapping("Status", "b", AttributeType.TEXT, null, regex("(", "x")),
                new FieldMapping("Status", "c", AttributeType.TEXT, null, lookup(Map.of(), null)),
                new FieldMapping(null, "d", AttributeType.TEXT, null, null),
                new FieldMapping("Status", " ", null, null, null));
        JobConfig job = job(DefaultMapping.defaults(), mappings, null, new ConnectorFilter("Amount + 1", ConnectorFilter.Mode.INCLUDE));
        assertThatThrownBy(() -> ENGINE.compile(job)).isInstanceOfSatisfying(JobCompilationException.class,
                e -> assertThat(e.errors()).extracting(f -> f.field() + (f.column() == null ? "" : "@" + f.column()))
                        .containsExactly("fieldMappings[0].transformation.expression@7",
                                "fieldMappings[1].transformation.regex@2", "fieldMappings[2].transformation.lookup",
                                "fieldMappings[3].sourceField", "fieldMappings[4].targetAttribute",
                                "fieldMappings[4].dataType", "filter.expression@8"));
    }

    @Test
    void shouldValidateFieldNamesAndExpressionTypesAgainstSamples() {
        List<FieldMapping> mappings = List.of(
                new FieldMapping("subject", "s", AttributeType.TEXT, null, null),
                new FieldMapping("Amount", "a", AttributeType.NUMBER, null, expr("UPPER(Amount)")),
                new FieldMapping(null, "h", AttributeType.TEXT, "x", null));
        DefaultMapping dm = new DefaultMapping("caseNumber", null, null, null, null, null, null, null);
        JobConfig job = job(dm, mappings, null, new ConnectorFilter("status = 'Closed'", ConnectorFilter.Mode.INCLUDE));
        var errors = new JobValidator(ENGINE.compiler()).validate(job, List.of(caseRecord()));
        assertThat(errors).extracting(e -> e.field() + ": " + e.message().replaceAll(" \\(line.*", "")).containsExactly(
                "defaultMapping.naturalIdField: field 'caseNumber' is not in the record (field names are case-sensitive); did you mean 'CaseNumber'?",
                "fieldMappings[0].sourceField: field 'subject' is not in the record (field names are case-sensitive); did you mean 'Subject'?",
                "fieldMappings[1].transformation.expression: UPPER argument 1 expects a text, got a number",
                "filter.expression: unknown field 'status' (field names are case-sensitive); did you mean 'Status'?");
    }
}
