package io.sfinbound.soql.eval;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

import io.sfinbound.soql.Soql;
import io.sfinbound.soql.SoqlException;
import io.sfinbound.soql.ast.OrderItem;
import io.sfinbound.soql.ast.SoqlQuery;

/**
 * Evaluator semantics over in-memory records. Plain JUnit: the evaluator is a pure library, no container needed.
 */
class SoqlEvaluatorTest {

    private static final Clock CLOCK = Clock.fixed(Instant.parse("2024-05-15T12:00:00Z"), ZoneOffset.UTC);
    private static final EvalContext CTX = EvalContext.of(CLOCK, ZoneOffset.UTC);
    private final SoqlEvaluator evaluator = new SoqlEvaluator();

    private static Map<String, Object> rec(Object... kv) {
        Map<String, Object> m = new LinkedHashMap<>();
        for (int i = 0; i < kv.length; i += 2) {
            m.put((String) kv[i], kv[i + 1]);
        }
        return m;
    }

    private static final List<Map<String, Object>> CASES = List.of(
            rec("attributes", Map.of("type", "Case"), "Id", "500000000000001AAA", "Subject", "Printer broken",
                    "Status", "New", "Priority", 1, "CreatedDate", Instant.parse("2024-05-15T08:00:00Z"),
                    "ClosedDate__c", LocalDate.parse("2024-05-14"), "Tags__c", "a;b;c",
                    "Account", rec("attributes", Map.of("type", "Account"), "Name", "Acme", "Owner",
                            rec("Name", "Olivia")),
                    "CaseComments", List.of(rec("Id", "c1", "CommentBody", "first", "IsPublished", true),
                            rec("Id", "c2", "CommentBody", "second", "IsPublished", false))),
            rec("Id", "500000000000002AAA", "Subject", "100% done_now", "Status", "closed", "Priority", 2L,
                    "CreatedDate", Instant.parse("2024-05-01T00:00:00Z"), "ClosedDate__c", null,
                    "Tags__c", "b", "Account", null, "CaseComments", List.of()),
            rec("Id", "500000000000003AAA", "Subject", null, "Status", "Closed", "Priority", new BigDecimal("3.0"),
                    "CreatedDate", Instant.parse("2023-12-31T23:59:59Z"), "ClosedDate__c",
                    LocalDate.parse("2024-01-01"), "Tags__c", null,
                    "Account", rec("Name", "Globex", "Owner", null), "CaseComments", null));

    private static final RecordSource SOURCE = RecordSource.of(Map.of("Case", CASES, "CaseComment", List.of(
            rec("ParentId", "500000000000001AAA"), rec("ParentId", "500000000000003aaa"))));

    private List<Object> ids(String soql) {
        return evaluator.evaluate(Soql.parse(soql), SOURCE, CTX).records().stream().map(r -> r.get("Id"))
                .collect(Collectors.toList());
    }

    @Test
    void stringEqualityIgnoresCaseAndFieldNamesToo() {
        assertThat(ids("SELECT Id FROM Case WHERE status = 'CLOSED'"))
                .containsExactly("500000000000002AAA", "500000000000003AAA");
        assertThat(ids("select id from case where STATUS != 'closed'")).containsExactly("500000000000001AAA");
    }

    @Test
    void nullComparisons() {
        assertThat(ids("SELECT Id FROM Case WHERE Subject = null")).containsExactly("500000000000003AAA");
        assertThat(ids("SELECT Id FROM Case WHERE Subject != null"))
                .containsExactly("500000000000001AAA", "500000000000002AAA");
        // != includes nulls, < and > never match a null
        assertThat(ids("SELECT Id FROM Case WHERE Subject != 'Printer broken'"))
                .containsExactly("500000000000002AAA", "500000000000003AAA");
        assertThat(ids("SELECT Id FROM Case WHERE ClosedDate__c < 2030-01-01"))
                .containsExactly("500000000000001AAA", "500000000000003AAA");
        assertThat(ids("SELECT Id FROM Case WHERE Account.Name = null")).containsExactly("500000000000002AAA");
    }

    @Test
    void likeWithWildcardsAndEscapes() {
        assertThat(ids("SELECT Id FROM Case WHERE Subject LIKE 'printer%'")).containsExactly("500000000000001AAA");
        assertThat(ids("SELECT Id FROM Case WHERE Subject LIKE '%\\%%'")).containsExactly("500000000000002AAA");
        assertThat(ids("SELECT Id FROM Case WHERE Subject LIKE '100_ done%'")).containsExactly("500000000000002AAA");
        assertThat(ids("SELECT Id FROM Case WHERE Subject LIKE '%done\\_now'")).containsExactly("500000000000002AAA");
        assertThat(ids("SELECT Id FROM Case WHERE Subject LIKE '%done\\_'")).isEmpty();
        assertThat(ids("SELECT Id FROM Case WHERE Subject LIKE 'P_inter broken'")).containsExactly("500000000000001AAA");
    }

    @Test
    void numbersCompareByValueAcrossTypes() {
        assertThat(ids("SELECT Id FROM Case WHERE Priority = 3")).containsExactly("500000000000003AAA");
        assertThat(ids("SELECT Id FROM Case WHERE Priority >= 2.0")).containsExactly("500000000000002AAA",
                "500000000000003AAA");
        assertThat(ids("SELECT Id FROM Case WHERE Priority IN (1, 3)")).containsExactly("500000000000001AAA",
                "500000000000003AAA");
    }

    @Test
    void dateTimesWithOffsetsAndFractions() {
        assertThat(ids("SELECT Id FROM Case WHERE CreatedDate > 2024-05-15T09:59:59.999+02:00"))
                .containsExactly("500000000000001AAA");
        assertThat(ids("SELECT Id FROM Case WHERE CreatedDate <= 2024-05-01T00:00:00Z"))
                .containsExactly("500000000000002AAA", "500000000000003AAA");
        assertThat(ids("SELECT Id FROM Case WHERE CreatedDate < 2024-04-30T20:00:00.000-04:00"))
                .containsExactly("500000000000003AAA");
        assertThat(ids("SELECT Id FROM Case WHERE ClosedDate__c = 2024-01-01")).containsExactly("500000000000003AAA");
    }

    @Test
    void relativeDateLiteralsUseTheClock() {
        assertThat(ids("SELECT Id FROM Case WHERE CreatedDate = TODAY")).containsExactly("500000000000001AAA");
        assertThat(ids("SELECT Id FROM Case WHERE ClosedDate__c = YESTERDAY")).containsExactly("500000000000001AAA");
        assertThat(ids("SELECT Id FROM Case WHERE CreatedDate = LAST_N_DAYS:14"))
                .containsExactly("500000000000001AAA", "500000000000002AAA");
        assertThat(ids("SELECT Id FROM Case WHERE CreatedDate = THIS_MONTH"))
                .containsExactly("500000000000001AAA", "500000000000002AAA");
        assertThat(ids("SELECT Id FROM Case WHERE CreatedDate = LAST_YEAR")).containsExactly("500000000000003AAA");
        assertThat(ids("SELECT Id FROM Case WHERE CreatedDate < THIS_YEAR")).containsExactly("500000000000003AAA");
        assertThat(ids("SELECT Id FROM Case WHERE CreatedDate > LAST_MONTH"))
                .containsExactly("500000000000001AAA", "500000000000002AAA");
    }

    @Test
    void relativeDateLiteralsUseTheUserTimeZone() {
        // 2024-05-15T08:00Z is still 2024-05-15 in New York, 2024-05-15T01:00 local; 2024-05-01T00:00Z is April 30
        EvalContext ny = EvalContext.of(CLOCK, ZoneId.of("America/New_York"));
        List<Object> r = evaluator.evaluate(Soql.parse("SELECT Id FROM Case WHERE CreatedDate = THIS_MONTH"), SOURCE,
                ny).records().stream().map(m -> m.get("Id")).toList();
        assertThat(r).containsExactly("500000000000001AAA");
    }

    @Test
    void includesAndExcludesOnMultiPicklists() {
        assertThat(ids("SELECT Id FROM Case WHERE Tags__c INCLUDES ('a;c', 'x')")).containsExactly("500000000000001AAA");
        assertThat(ids("SELECT Id FROM Case WHERE Tags__c INCLUDES ('B')"))
                .containsExactly("500000000000001AAA", "500000000000002AAA");
        assertThat(ids("SELECT Id FROM Case WHERE Tags__c EXCLUDES ('a')"))
                .containsExactly("500000000000002AAA", "500000000000003AAA");
    }

    @Test
    void andOrNotAndNotIn() {
        assertThat(ids("SELECT Id FROM Case WHERE (Status = 'New' OR Priority = 3) AND NOT Subject = null"))
                .containsExactly("500000000000001AAA");
        assertThat(ids("SELECT Id FROM Case WHERE Status NOT IN ('new', 'closed')")).isEmpty();
        assertThat(ids("SELECT Id FROM Case WHERE Subject NOT IN ('Printer broken')"))
                .containsExactly("500000000000002AAA", "500000000000003AAA");
    }

    @Test
    void semiAndAntiJoins() {
        assertThat(ids("SELECT Id FROM Case WHERE Id IN (SELECT ParentId FROM CaseComment)"))
                .containsExactly("500000000000001AAA", "500000000000003AAA");
        assertThat(ids("SELECT Id FROM Case WHERE Id NOT IN (SELECT ParentId FROM CaseComment)"))
                .containsExactly("500000000000002AAA");
    }

    @Test
    void orderByWithNullsLimitAndOffset() {
        assertThat(ids("SELECT Id FROM Case ORDER BY Subject")).containsExactly("500000000000003AAA",
                "500000000000002AAA", "500000000000001AAA");
        assertThat(ids("SELECT Id FROM Case ORDER BY Subject NULLS LAST")).containsExactly("500000000000002AAA",
                "500000000000001AAA", "500000000000003AAA");
        assertThat(ids("SELECT Id FROM Case ORDER BY Subject DESC")).containsExactly("500000000000003AAA",
                "500000000000001AAA", "500000000000002AAA");
        assertThat(ids("SELECT Id FROM Case ORDER BY Subject DESC NULLS LAST")).containsExactly(
                "500000000000001AAA", "500000000000002AAA", "500000000000003AAA");
        assertThat(ids("SELECT Id FROM Case ORDER BY CreatedDate DESC LIMIT 2")).containsExactly(
                "500000000000001AAA", "500000000000002AAA");
        assertThat(ids("SELECT Id FROM Case ORDER BY CreatedDate LIMIT 1 OFFSET 1"))
                .containsExactly("500000000000002AAA");
        assertThat(ids("SELECT Id FROM Case ORDER BY Status, Priority DESC")).containsExactly(
                "500000000000003AAA", "500000000000002AAA", "500000000000001AAA");
        assertThat(ids("SELECT Id FROM Case LIMIT 0")).isEmpty();
    }

    @Test
    void projectionKeepsSelectOrderRecordSpellingAndNestsRelationships() {
        QueryResult r = evaluator.evaluate(Soql.parse("SELECT subject, account.owner.name, ACCOUNT.NAME, Id, "
                + "(SELECT commentbody FROM casecomments WHERE IsPublished = true) FROM Case c WHERE c.Id = "
                + "'500000000000001AAA'"), SOURCE, CTX);
        assertThat(r.totalSize()).isEqualTo(1);
        Map<String, Object> row = r.records().get(0);
        assertThat(new ArrayList<>(row.keySet())).containsExactly("attributes", "Subject", "Account", "Id",
                "CaseComments");
        assertThat(row.get("Account")).isEqualTo(Map.of("attributes", Map.of("type", "Account"), "Owner",
                Map.of("Name", "Olivia"), "Name", "Acme"));
        assertThat(row.get("CaseComments")).isEqualTo(List.of(Map.of("CommentBody", "first")));

        Map<String, Object> second = evaluator.evaluate(Soql.parse("SELECT Account.Name, (SELECT Id FROM "
                + "CaseComments) FROM Case WHERE Id = '500000000000002AAA'"), SOURCE, CTX).records().get(0);
        Map<String, Object> expected = new HashMap<>();
        expected.put("Account", null);
        expected.put("CaseComments", List.of());
        assertThat(second).isEqualTo(expected);
    }

    @Test
    void typeOfPicksTheBranchByAttributesType() {
        RecordSource events = RecordSource.of(Map.of("Event", List.of(
                rec("Id", "e1", "What", rec("attributes", Map.of("type", "Account"), "Phone", "123", "Name", "A")),
                rec("Id", "e2", "What", rec("attributes", Map.of("type", "Opportunity"), "Amount", 5, "Name", "O")),
                rec("Id", "e3", "What", null))));
        List<Map<String, Object>> rows = evaluator.evaluate(Soql.parse("SELECT Id, TYPEOF What WHEN Account THEN "
                + "Phone WHEN Opportunity THEN Amount ELSE Name END FROM Event"), events, CTX).records();
        assertThat(rows.get(0).get("What")).isEqualTo(Map.of("attributes", Map.of("type", "Account"), "Phone", "123"));
        assertThat(rows.get(1).get("What")).isEqualTo(Map.of("attributes", Map.of("type", "Opportunity"), "Amount",
                5));
        assertThat(rows.get(2)).containsEntry("What", null);
    }

    @Test
    void countAndAggregates() {
        QueryResult count = evaluator.evaluate(Soql.parse("SELECT COUNT() FROM Case WHERE Status = 'closed'"),
                SOURCE, CTX);
        assertThat(count.totalSize()).isEqualTo(2);
        assertThat(count.records()).isEmpty();
        assertThat(evaluator.count(Soql.parse("SELECT Id FROM Case LIMIT 2"), SOURCE, CTX)).isEqualTo(2);

        List<Map<String, Object>> rows = evaluator.evaluate(Soql.parse("SELECT Status, COUNT(Id) n, MAX(Priority) "
                + "FROM Case GROUP BY Status HAVING COUNT(Id) > 0 ORDER BY COUNT(Id) DESC"), SOURCE, CTX).records();
        assertThat(rows).hasSize(2);
        assertThat(rows.get(0)).containsEntry("n", 2L).containsEntry("expr0", new BigDecimal("3.0"));
        assertThat(rows.get(1)).containsEntry("Status", "New").containsEntry("n", 1L);

        Map<String, Object> total = evaluator.evaluate(Soql.parse("SELECT COUNT(Subject), SUM(Priority), "
                + "COUNT_DISTINCT(Status) FROM Case"), SOURCE, CTX).records().get(0);
        assertThat(total).containsEntry("expr0", 2L).containsEntry("expr2", 2L);
        assertThat((BigDecimal) total.get("expr1")).isEqualByComparingTo("6");
    }

    @Test
    void dateFunctionsInWhere() {
        assertThat(ids("SELECT Id FROM Case WHERE CALENDAR_YEAR(CreatedDate) = 2023")).containsExactly(
                "500000000000003AAA");
        assertThat(ids("SELECT Id FROM Case WHERE DAY_ONLY(CreatedDate) = 2024-05-15")).containsExactly(
                "500000000000001AAA");
    }

    @Test
    void skipsSortingWhenTheSourceIsAlreadyOrderedAndStreamsLazily() {
        AtomicInteger produced = new AtomicInteger();
        AtomicBoolean closed = new AtomicBoolean();
        RecordSource generator = new RecordSource() {
            @Override
            public Stream<Map<String, Object>> records(String objectName) {
                return Stream.iterate(0, i -> i + 1).limit(10_000_000)
                        .map(i -> {
                            produced.incrementAndGet();
                            return Map.<String, Object>of("Id", String.format("%018d", i), "N", i);
                        }).onClose(() -> closed.set(true));
            }

            @Override
            public boolean isOrderedBy(String objectName, List<OrderItem> orderBy) {
                return orderBy.size() == 1 && orderBy.get(0).expr().toString().equalsIgnoreCase("Id")
                        && !orderBy.get(0).descending();
            }
        };
        SoqlQuery q = Soql.parse("SELECT Id FROM Thing WHERE N >= 5 ORDER BY Id LIMIT 3");
        try (Stream<Map<String, Object>> rows = evaluator.stream(q, generator, CTX)) {
            assertThat(rows.map(r -> r.get("Id"))).containsExactly("000000000000000005", "000000000000000006",
                    "000000000000000007");
        }
        assertThat(produced.get()).isLessThan(100);
        assertThat(closed).isTrue();
    }

    @Test
    void boundedSortKeepsOnlyTheTopRows() {
        RecordSource many = name -> Stream.iterate(0, i -> i + 1).limit(200_000)
                .map(i -> Map.<String, Object>of("Id", "id" + i, "N", (i * 7919) % 200_000));
        EvalContext small = CTX.withMaxSortRecords(1000);
        List<Map<String, Object>> top = evaluator.evaluate(Soql.parse("SELECT N FROM T ORDER BY N DESC LIMIT 3"),
                many, small).records();
        assertThat(top).extracting(m -> m.get("N")).containsExactly(199_999, 199_998, 199_997);
        assertThatThrownBy(() -> evaluator.evaluate(Soql.parse("SELECT N FROM T ORDER BY N"), many, small))
                .isInstanceOf(SoqlException.class).hasMessageContaining("more than 1000 rows");
    }

    @Test
    void compileWhereFiltersAGeneratorDirectly() {
        var p = evaluator.compileWhere(Soql.parse("SELECT Id FROM Case WHERE Status = 'new' AND Priority < 2"),
                SOURCE, CTX);
        assertThat(CASES.stream().filter(p).map(m -> m.get("Id"))).containsExactly("500000000000001AAA");
    }

    @Test
    void stringDateTimesInRecordsAreCompared() {
        RecordSource s = RecordSource.of(Map.of("X", List.of(rec("Id", "1", "D", "2013-05-20T20:49:32.000+0000"),
                rec("Id", "2", "D", "2013-05-21T00:00:00.000Z"))));
        assertThat(evaluator.evaluate(Soql.parse("SELECT Id FROM X WHERE D < 2013-05-21T00:00:00Z"), s, CTX)
                .records()).extracting(m -> m.get("Id")).containsExactly("1");
    }

    @Test
    void theObjectNameCanPrefixFieldsWhenItIsNotARelationship() {
        RecordSource accounts = RecordSource.of(Map.of("Account", List.of(
                rec("Id", "001A", "Name", "Acme", "Contacts", List.of(rec("LastName", "Smith", "Account",
                        rec("Name", "Acme"))), "Parent", rec("Name", "Holding")))));
        Map<String, Object> row = evaluator.evaluate(Soql.parse("SELECT Account.Name, Parent.Name, (SELECT "
                + "Contact.LastName, Account.Name FROM Account.Contacts) FROM Account WHERE Account.Name = 'acme'"),
                accounts, CTX).records().get(0);
        assertThat(row).isEqualTo(Map.of("Name", "Acme", "Parent", Map.of("Name", "Holding"), "Contacts",
                List.of(Map.of("LastName", "Smith", "Account", Map.of("Name", "Acme")))));
        // on a Case, Account.Name is the relationship
        assertThat(ids("SELECT Id FROM Case WHERE Account.Name = 'Globex'")).containsExactly("500000000000003AAA");
    }

    @Test
    void naturalOrderPrefixHelper() {
        List<String> natural = List.of("SystemModstamp", "Id");
        assertThat(RecordSource.isPrefixOf(Soql.parse("SELECT Id FROM X ORDER BY systemmodstamp, ID").orderBy(),
                natural)).isTrue();
        assertThat(RecordSource.isPrefixOf(Soql.parse("SELECT Id FROM X ORDER BY SystemModstamp ASC NULLS FIRST")
                .orderBy(), natural)).isTrue();
        assertThat(RecordSource.isPrefixOf(Soql.parse("SELECT Id FROM X ORDER BY Id").orderBy(), natural)).isFalse();
        assertThat(RecordSource.isPrefixOf(Soql.parse("SELECT Id FROM X ORDER BY SystemModstamp DESC").orderBy(),
                natural)).isFalse();
        assertThat(RecordSource.isPrefixOf(Soql.parse("SELECT Id FROM X ORDER BY SystemModstamp NULLS LAST")
                .orderBy(), natural)).isFalse();
        assertThat(RecordSource.isPrefixOf(Soql.parse("SELECT Id FROM X ORDER BY SystemModstamp, Id, Name")
                .orderBy(), natural)).isFalse();
    }
}
