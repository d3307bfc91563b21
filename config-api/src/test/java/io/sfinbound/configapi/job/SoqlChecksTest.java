package io.sfinbound.configapi.job;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

import io.sfinbound.common.job.DataType;
import io.sfinbound.common.problem.Problem;

/** The offline checks of a job's SOQL at save: each refusal names the soql field with the line and column at fault. */
class SoqlChecksTest {

    private final SoqlChecks checks = new SoqlChecks();

    @Test
    void aValidQueryOfEachDataTypePasses() {
        assertThat(checks.check("SELECT Id, Body, LastModifiedDate FROM LiveChatTranscript", "LastModifiedDate",
                DataType.LIVE_CHAT)).isEmpty();
        assertThat(checks.check("SELECT Id, Status, LastModifiedDate FROM MessagingSession", "LastModifiedDate",
                DataType.SMS_TEXT)).isEmpty();
        assertThat(checks.check("SELECT Id, Rating__c, LastModifiedDate FROM Feedback__c", "LastModifiedDate",
                DataType.FEEDBACK)).isEmpty();
    }

    @Test
    void controlCharactersAndLoneSurrogatesAreRefusedWhereTheyAre() {
        assertThat(only(checks.check("SELECT Id, LastModifiedDate FROM Case\nWHERE Subject LIKE '%\u0000%'",
                "LastModifiedDate", null)))
                .satisfies(e -> assertThat(e.message()).contains("U+0000"))
                .satisfies(e -> assertThat(List.of(e.line(), e.column())).containsExactly(2, 22));
        assertThat(only(checks.check("SELECT Id, LastModifiedDate FROM Case WHERE Id = '\ud83d'", "LastModifiedDate", null)))
                .satisfies(e -> assertThat(e.message()).contains("lone surrogate U+D83D"))
                .satisfies(e -> assertThat(List.of(e.line(), e.column())).containsExactly(1, 51));
        assertThat(checks.check("SELECT Id, LastModifiedDate FROM Case WHERE Subject = '\ud83d\ude00'", "LastModifiedDate",
                null)).as("a surrogate pair (an emoji) is text").isEmpty();
    }

    @Test
    void forUpdateIsRefusedAtItsClause() {
        assertThat(only(checks.check("SELECT Id, LastModifiedDate FROM LiveChatTranscript FOR UPDATE", "LastModifiedDate",
                DataType.LIVE_CHAT)))
                .satisfies(e -> assertThat(e.message()).startsWith("FOR UPDATE is not allowed"))
                .satisfies(e -> assertThat(List.of(e.line(), e.column())).containsExactly(1, 53));
    }

    @Test
    void theDataTypesObjectIsRequiredInFrom() {
        assertThat(only(checks.check("SELECT Id, LastModifiedDate FROM Account", "LastModifiedDate", DataType.LIVE_CHAT)))
                .satisfies(e -> assertThat(e.message()).isEqualTo("a LIVE_CHAT job reads FROM LiveChatTranscript, not Account"))
                .satisfies(e -> assertThat(List.of(e.line(), e.column())).containsExactly(1, 29));
        assertThat(only(checks.check("SELECT Id, LastModifiedDate FROM LiveChatTranscript", "LastModifiedDate", DataType.SMS_TEXT)))
                .satisfies(e -> assertThat(e.message()).contains("MessagingSession"));
    }

    @Test
    void aMissingIdIsReportedAtTheSelectList() {
        assertThat(only(checks.check("\n  SELECT LastModifiedDate FROM Case", "LastModifiedDate", null)))
                .satisfies(e -> assertThat(e.message()).startsWith("the SELECT list must include Id"))
                .satisfies(e -> assertThat(List.of(e.line(), e.column())).containsExactly(2, 3));
    }

    private static Problem.FieldError only(List<Problem.FieldError> errors) {
        assertThat(errors).hasSize(1);
        assertThat(errors.get(0).field()).isEqualTo("soql");
        return errors.get(0);
    }
}
