package io.sfinbound.soql;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;

import org.junit.jupiter.api.Test;

import io.sfinbound.soql.ast.And;
import io.sfinbound.soql.ast.Comparison;
import io.sfinbound.soql.ast.Or;
import io.sfinbound.soql.ast.SoqlQuery;
import io.sfinbound.soql.ast.StringLiteral;

/** The extractor's query rewrite. Plain JUnit: pure functions. */
class IncrementalRewriteTest {

    private static final Instant FROM = Instant.parse("2024-01-01T00:00:00Z");
    private static final Instant END = Instant.parse("2024-02-01T12:30:00.250Z");

    private static String rewrite(String soql, IncrementalWindow w) {
        return Soql.print(Soql.incremental(Soql.parse(soql), w));
    }

    @Test
    void keysetWindowShape() {
        assertThat(rewrite("select Id, Subject from Case where Status = 'New' or Status = 'Open' order by Subject",
                new IncrementalWindow("SystemModstamp", false, FROM, "500000000000001AAA", END, 2000)))
                .isEqualTo("SELECT Id, Subject, SystemModstamp FROM Case WHERE (Status = 'New' OR Status = 'Open') AND "
                        + "(SystemModstamp > 2024-01-01T00:00:00Z OR (SystemModstamp = 2024-01-01T00:00:00Z AND "
                        + "Id > '500000000000001AAA')) AND SystemModstamp <= 2024-02-01T12:30:00.250Z "
                        + "ORDER BY SystemModstamp, Id LIMIT 2000");
    }

    @Test
    void userAndGroupIsKeptInParenthesesAndASingleConditionAsIs() {
        assertThat(rewrite("SELECT Id FROM Case WHERE IsClosed = true AND Origin = 'Chat'",
                new IncrementalWindow("LastModifiedDate", false, null, null, END, null)))
                .isEqualTo("SELECT Id, LastModifiedDate FROM Case WHERE (IsClosed = true AND Origin = 'Chat') AND "
                        + "LastModifiedDate <= 2024-02-01T12:30:00.250Z ORDER BY LastModifiedDate, Id");
        assertThat(rewrite("SELECT Id FROM Case WHERE IsClosed = true",
                new IncrementalWindow("LastModifiedDate", false, FROM, null, null, 10)))
                .isEqualTo("SELECT Id, LastModifiedDate FROM Case WHERE IsClosed = true AND LastModifiedDate >= "
                        + "2024-01-01T00:00:00Z "
                        + "ORDER BY LastModifiedDate, Id LIMIT 10");
        assertThat(rewrite("SELECT Id FROM Case LIMIT 5",
                new IncrementalWindow("CreatedDate", false, null, null, null, null)))
                .isEqualTo("SELECT Id, CreatedDate FROM Case ORDER BY CreatedDate, Id LIMIT 5");
    }

    @Test
    void theKeysetFieldsAreSelectedWhenTheUserDidNot() {
        IncrementalWindow w = new IncrementalWindow("SystemModstamp", false, null, null, null, 5);
        assertThat(rewrite("SELECT Subject FROM Case", w))
                .isEqualTo("SELECT Subject, SystemModstamp, Id FROM Case ORDER BY SystemModstamp, Id LIMIT 5");
        assertThat(rewrite("SELECT c.id, c.SYSTEMMODSTAMP, Subject FROM Case c", w))
                .isEqualTo("SELECT c.id, c.SYSTEMMODSTAMP, Subject FROM Case c ORDER BY SystemModstamp, Id LIMIT 5");
    }

    @Test
    void dateOnlyFieldsGetDateLiterals() {
        assertThat(rewrite("SELECT Id, ActivityDate FROM Task",
                new IncrementalWindow("ActivityDate", true, Instant.parse("2024-03-05T00:00:00Z"), "00T000000000001AAA",
                        Instant.parse("2024-03-09T23:00:00Z"), 100)))
                .isEqualTo("SELECT Id, ActivityDate FROM Task WHERE (ActivityDate > 2024-03-05 OR "
                        + "(ActivityDate = 2024-03-05 AND Id > '00T000000000001AAA')) AND ActivityDate <= 2024-03-09 "
                        + "ORDER BY ActivityDate, Id LIMIT 100");
    }

    @Test
    void aHostileWatermarkIdStaysAStringLiteral() {
        String hostile = "x' OR Name != 'y\\";
        SoqlQuery q = Soql.parse(rewrite("SELECT Id FROM Case WHERE Status = 'New'",
                new IncrementalWindow("SystemModstamp", false, FROM, hostile, END, 1)));
        And where = (And) q.where();
        assertThat(where.operands()).hasSize(3);
        Comparison idBound = (Comparison) ((And) ((Or) where.operands().get(1)).operands().get(1)).operands().get(1);
        assertThat(((StringLiteral) idBound.right()).value()).isEqualTo(hostile);
    }

    @Test
    void aHostileDateFieldIsRejected() {
        assertThatThrownBy(() -> new IncrementalWindow("SystemModstamp > 2020-01-01T00:00:00Z OR Id", false, FROM,
                null, END, 1)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new IncrementalWindow("Where", false, FROM, null, END, 1))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aggregatesGroupingAndOffsetAreRejected() {
        IncrementalWindow w = new IncrementalWindow("CreatedDate", false, FROM, null, END, 1);
        assertThatThrownBy(() -> Soql.incremental(Soql.parse("SELECT Status FROM Case GROUP BY Status"), w))
                .isInstanceOf(SoqlException.class).hasMessage("GROUP BY is not supported at line 1, column 25");
        assertThatThrownBy(() -> Soql.incremental(Soql.parse("SELECT Id FROM Case OFFSET 10"), w))
                .isInstanceOf(SoqlException.class)
                .hasMessage("OFFSET is not supported in an incremental query at line 1, column 21");
    }

    @Test
    void nextPageOfTheSameWindow() {
        IncrementalWindow w = new IncrementalWindow("CreatedDate", false, null, null, END, 2);
        IncrementalWindow next = w.after(FROM, "500000000000009AAA");
        assertThat(next).isEqualTo(new IncrementalWindow("CreatedDate", false, FROM, "500000000000009AAA", END, 2));
    }

    @Test
    void countQueryKeepsTheWindowAndDropsPaging() {
        SoqlQuery page = Soql.incremental(Soql.parse("SELECT Id, Subject FROM Case c USING SCOPE Mine WHERE "
                        + "c.Status = 'New' WITH SECURITY_ENFORCED ORDER BY Subject LIMIT 7 FOR VIEW"),
                new IncrementalWindow("SystemModstamp", false, FROM, "500000000000001AAA", null, 50));
        assertThat(Soql.print(Soql.countQuery(page))).isEqualTo("SELECT COUNT() FROM Case c USING SCOPE Mine WHERE "
                + "c.Status = 'New' AND (SystemModstamp > 2024-01-01T00:00:00Z OR (SystemModstamp = "
                + "2024-01-01T00:00:00Z AND Id > '500000000000001AAA')) WITH SECURITY_ENFORCED");
    }
}
