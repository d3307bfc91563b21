package io.sfinbound.soql;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;

import org.junit.jupiter.api.Test;

/** Connector validation of a user's query. Plain JUnit: pure functions. */
class AnalyzeTest {

    private static final FieldTypes TYPES = FieldTypes.of(Map.of(
            "Id", SoqlType.ID, "Body", SoqlType.TEXTAREA, "CreatedDate", SoqlType.DATETIME,
            "SystemModstamp", SoqlType.DATETIME, "EndTime", SoqlType.DATETIME, "Survey_Date__c", SoqlType.DATE,
            "Owner.Name", SoqlType.STRING, "Status", SoqlType.PICKLIST));

    @Test
    void reportsObjectFieldsAndTheDateFieldsOfTheSelectList() {
        QueryAnalysis a = Soql.analyze(Soql.parse("SELECT t.Id, t.Body, owner.name, endtime, Survey_Date__c, "
                + "(SELECT Id FROM Messages) FROM LiveChatTranscript t WHERE CreatedDate = LAST_N_DAYS:7"), TYPES);
        assertThat(a.objectName()).isEqualTo("LiveChatTranscript");
        assertThat(a.alias()).isEqualTo("t");
        assertThat(a.fields()).extracting(f -> f.path().dotted())
                .containsExactly("Id", "Body", "owner.name", "endtime", "Survey_Date__c");
        assertThat(a.childRelationships()).containsExactly("Messages");
        // CreatedDate is only in WHERE: not offered as a date field
        assertThat(a.dateFields()).extracting(f -> f.path().dotted()).containsExactly("endtime", "Survey_Date__c");
        assertThat(a.dateField("EndTime").dateOnly()).isFalse();
        assertThat(a.dateField("survey_date__c").dateOnly()).isTrue();
        assertThat(a.dateField("CreatedDate")).isNull();
        assertThat(a.dateField("endtime").position().column()).isEqualTo(34);
        assertThat(a.unknownFields()).isEmpty();
    }

    @Test
    void unknownFieldsAreReportedWithSalesforcesMessage() {
        QueryAnalysis a = Soql.analyze(Soql.parse("SELECT Id,\n  Sentiment__c FROM Case"), TYPES);
        assertThat(a.unknownFields()).extracting(f -> f.path().dotted()).containsExactly("Sentiment__c");
        assertThatThrownBy(a::requireKnownFields).isInstanceOf(SoqlException.class)
                .hasMessage("No such column 'Sentiment__c' on entity 'Case' at line 2, column 3")
                .extracting(e -> ((SoqlException) e).errorCode()).isEqualTo("INVALID_FIELD");
    }

    @Test
    void groupByHavingAndAggregatesAreRejectedWithTheirPosition() {
        assertThatThrownBy(() -> Soql.analyze(Soql.parse("SELECT Status, COUNT(Id)\nFROM Case\nGROUP BY Status"),
                TYPES)).isInstanceOf(SoqlException.class).hasMessage("GROUP BY is not supported at line 3, column 1")
                .satisfies(e -> {
                    SoqlException s = (SoqlException) e;
                    assertThat(s.errorCode()).isEqualTo(Soql.UNSUPPORTED_QUERY);
                    assertThat(s.line()).isEqualTo(3);
                    assertThat(s.column()).isEqualTo(1);
                    assertThat(s.offset()).isEqualTo(35);
                });
        assertThatThrownBy(() -> Soql.analyze(Soql.parse("SELECT MAX(CreatedDate) FROM Case"), TYPES))
                .hasMessage("aggregate functions are not supported: MAX() at line 1, column 8");
        assertThatThrownBy(() -> Soql.analyze(Soql.parse("SELECT Id FROM Case HAVING COUNT(Id) > 1"), TYPES))
                .hasMessage("HAVING is not supported at line 1, column 21");
    }

    @Test
    void fieldsFunctionIsFlagged() {
        QueryAnalysis a = Soql.analyze(Soql.parse("SELECT FIELDS(STANDARD) FROM Case LIMIT 200"), FieldTypes.NONE);
        assertThat(a.usesFieldsFunction()).isTrue();
        assertThat(a.fields()).isEmpty();
    }

    @Test
    void validateChecksFieldsAndFilterLiteralTypesLikeSalesforce() {
        FieldTypes types = FieldTypes.of(Map.of("Id", SoqlType.ID, "CreatedDate", SoqlType.DATETIME,
                "Survey_Date__c", SoqlType.DATE, "IsClosed", SoqlType.BOOLEAN, "Score__c", SoqlType.DOUBLE,
                "Count__c", SoqlType.INT, "Status", SoqlType.PICKLIST));
        assertThat(Soql.validate(Soql.parse("SELECT Id FROM Case WHERE CreatedDate > 2024-01-01T00:00:00Z AND "
                + "Survey_Date__c = LAST_N_DAYS:3 AND IsClosed = false AND Score__c > 1.5 AND Count__c IN (1, 2) "
                + "AND Status != null AND Unknown__c = 5"), types).objectName()).isEqualTo("Case");
        assertThatThrownBy(() -> Soql.validate(Soql.parse("SELECT Id FROM Case c WHERE c.CreatedDate > "
                + "'2024-01-01'"), types)).isInstanceOf(SoqlException.class)
                .hasMessage("value of filter criterion for field 'c.CreatedDate' must be of type dateTime and should "
                        + "not be enclosed in quotes at line 1, column 45");
        assertThatThrownBy(() -> Soql.validate(Soql.parse("SELECT Id FROM Case WHERE Survey_Date__c = "
                + "2024-01-01T00:00:00Z"), types))
                .hasMessageStartingWith("value of filter criterion for field 'Survey_Date__c' must be of type date");
        assertThatThrownBy(() -> Soql.validate(Soql.parse("SELECT Id FROM Case WHERE (Status = 'New' OR "
                + "NOT Status IN ('a', 5))"), types))
                .hasMessage("value of filter criterion for field 'Status' must be of type string and should be "
                        + "enclosed in quotes at line 1, column 66");
        assertThatThrownBy(() -> Soql.validate(Soql.parse("SELECT Id FROM Case WHERE Count__c = 1.5"), types))
                .hasMessageContaining("must be of type integer");
        assertThatThrownBy(() -> Soql.validate(Soql.parse("SELECT Id, Nope__c FROM Case"), types))
                .hasMessage("No such column 'Nope__c' on entity 'Case' at line 1, column 12");
    }

    @Test
    void describeTypeNamesMap() {
        assertThat(SoqlType.fromDescribe("datetime")).isEqualTo(SoqlType.DATETIME);
        assertThat(SoqlType.fromDescribe("reference")).isEqualTo(SoqlType.REFERENCE);
        assertThat(SoqlType.fromDescribe("somethingNew")).isEqualTo(SoqlType.ANYTYPE);
    }
}
