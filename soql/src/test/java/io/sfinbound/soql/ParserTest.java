package io.sfinbound.soql;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;

import org.junit.jupiter.api.Test;

import io.sfinbound.soql.ast.And;
import io.sfinbound.soql.ast.BooleanLiteral;
import io.sfinbound.soql.ast.Comparison;
import io.sfinbound.soql.ast.ComparisonOperator;
import io.sfinbound.soql.ast.DateLiteral;
import io.sfinbound.soql.ast.DateTimeLiteral;
import io.sfinbound.soql.ast.FieldPath;
import io.sfinbound.soql.ast.From;
import io.sfinbound.soql.ast.FunctionCall;
import io.sfinbound.soql.ast.GroupBy;
import io.sfinbound.soql.ast.Not;
import io.sfinbound.soql.ast.NullLiteral;
import io.sfinbound.soql.ast.NumberLiteral;
import io.sfinbound.soql.ast.Or;
import io.sfinbound.soql.ast.OrderItem;
import io.sfinbound.soql.ast.RelativeDateLiteral;
import io.sfinbound.soql.ast.SelectExpr;
import io.sfinbound.soql.ast.SelectSubquery;
import io.sfinbound.soql.ast.SetComparison;
import io.sfinbound.soql.ast.SetOperator;
import io.sfinbound.soql.ast.SoqlQuery;
import io.sfinbound.soql.ast.StringLiteral;
import io.sfinbound.soql.ast.TypeOf;
import io.sfinbound.soql.ast.WithClause;

/** Parser details: the AST built for each construct. Plain JUnit: the parser is a pure function. */
class ParserTest {

    private static Comparison where(String condition) {
        return (Comparison) Soql.parse("SELECT Id FROM X WHERE " + condition).where();
    }

    @Test
    void keepsTheUsersSpellingOfNamesAndIgnoresKeywordCase() {
        SoqlQuery q = Soql.parse("sElEcT owner.NAME, Subject fRoM case c wHeRe c.STATUS = 'x' oRdEr By subject dEsC");
        assertThat(q.select()).containsExactly(new SelectExpr(FieldPath.of("owner", "NAME"), null),
                SelectExpr.field("Subject"));
        assertThat(q.from()).isEqualTo(new From("case", "c"));
        assertThat(q.where()).isEqualTo(Comparison.of("c.STATUS", ComparisonOperator.EQ, StringLiteral.of("x")));
        assertThat(q.orderBy()).containsExactly(new OrderItem(FieldPath.of("subject"), OrderItem.Direction.DESC, null));
        assertThat(Soql.print(q)).isEqualTo("SELECT owner.NAME, Subject FROM case c WHERE c.STATUS = 'x' "
                + "ORDER BY subject DESC");
        assertThat(q.stripAlias(FieldPath.parse("C.Status"))).isEqualTo(FieldPath.of("Status"));
    }

    @Test
    void stringEscapesAreDecodedButKeptAsWritten() {
        StringLiteral s = (StringLiteral) where("Name = 'a\\'b\\\"c\\\\d\\ne\\tf\\rg\\bh\\fi\\%j\\_k\\u00e9'").right();
        assertThat(s.raw()).isEqualTo("a\\'b\\\"c\\\\d\\ne\\tf\\rg\\bh\\fi\\%j\\_k\\u00e9");
        assertThat(s.value()).isEqualTo("a'b\"c\\d\ne\tf\rg\bh\fi%j_ké");
        assertThat(StringLiteral.of("it's \\ 100%").raw()).isEqualTo("it\\'s \\\\ 100%");
        assertThat(StringLiteral.likeExactly("100%_").raw()).isEqualTo("100\\%\\_");
        assertThatThrownBy(() -> new StringLiteral("x' OR Id != '")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new StringLiteral("dangling\\")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void numbersBooleansAndNull() {
        assertThat(where("A = 42").right()).isEqualTo(NumberLiteral.of(42));
        assertThat(where("A = -3.50").right()).isEqualTo(new NumberLiteral(new BigDecimal("-3.50")));
        assertThat(where("A = +7").right()).isEqualTo(NumberLiteral.of(7));
        assertThat(where("A = TRUE").right()).isEqualTo(BooleanLiteral.TRUE);
        assertThat(where("A = False").right()).isEqualTo(BooleanLiteral.FALSE);
        assertThat(where("A = NULL").right()).isEqualTo(NullLiteral.INSTANCE);
        assertThat(Soql.print(where("A = -3.50"))).isEqualTo("A = -3.50");
    }

    @Test
    void dateAndDateTimeLiterals() {
        assertThat(where("D = 2024-02-29").right()).isEqualTo(new DateLiteral(LocalDate.of(2024, 2, 29)));
        assertThat(where("D = 2024-01-02T03:04:05Z").right())
                .isEqualTo(new DateTimeLiteral(OffsetDateTime.parse("2024-01-02T03:04:05Z")));
        assertThat(where("D = 2024-01-02T03:04:05+05:30").right())
                .isEqualTo(new DateTimeLiteral(OffsetDateTime.parse("2024-01-02T03:04:05+05:30")));
        assertThat(where("D = 2024-01-02T03:04:05-08:00").right())
                .isEqualTo(new DateTimeLiteral(OffsetDateTime.parse("2024-01-02T03:04:05-08:00")));
        assertThat(where("D = 2024-01-02T03:04:05.123+0000").right())
                .isEqualTo(new DateTimeLiteral(OffsetDateTime.parse("2024-01-02T03:04:05.123Z")));
        assertThat(where("D = 2024-01-02T03:04:05.123456Z").right())
                .isEqualTo(new DateTimeLiteral(OffsetDateTime.parse("2024-01-02T03:04:05.123456Z")));
        assertThat(Soql.print(where("D = 2024-01-02T03:04:05.120+00:00"))).isEqualTo("D = 2024-01-02T03:04:05.120Z");
        assertThat(Soql.print(where("D = 2024-01-02T03:04:05.000001-03:30")))
                .isEqualTo("D = 2024-01-02T03:04:05.000001-03:30");
    }

    @Test
    void relativeDateLiterals() {
        assertThat(where("D = last_n_days:30").right()).isEqualTo(new RelativeDateLiteral("LAST_N_DAYS", 30));
        assertThat(where("D > This_Fiscal_Year").right()).isEqualTo(RelativeDateLiteral.of("THIS_FISCAL_YEAR"));
        assertThat(Soql.print(where("D < n_quarters_ago:2"))).isEqualTo("D < N_QUARTERS_AGO:2");
        assertThat(RelativeDateLiteral.PLAIN.size() + RelativeDateLiteral.WITH_N.size()).isEqualTo(44);
    }

    @Test
    void andOrNotAndParentheses() {
        SoqlQuery q = Soql.parse("SELECT Id FROM X WHERE (A = 1 OR B = 2) AND NOT C = 3 AND (D = 4 AND E = 5)");
        And and = (And) q.where();
        assertThat(and.operands()).hasSize(3);
        assertThat(and.operands().get(0)).isInstanceOf(Or.class);
        assertThat(and.operands().get(1)).isInstanceOf(Not.class);
        assertThat(and.operands().get(2)).isInstanceOf(And.class);
        assertThat(Soql.print(q)).isEqualTo("SELECT Id FROM X WHERE (A = 1 OR B = 2) AND NOT C = 3 AND "
                + "(D = 4 AND E = 5)");
        assertThat(Soql.parse("SELECT Id FROM X WHERE ((A = 1))").where()).isEqualTo(where("A = 1"));
        assertThat(Soql.print(Soql.parse("SELECT Id FROM X WHERE NOT (A = 1 OR B = 2)")))
                .isEqualTo("SELECT Id FROM X WHERE NOT (A = 1 OR B = 2)");
    }

    @Test
    void setOperatorsAndSemiJoins() {
        SoqlQuery q = Soql.parse("SELECT Id FROM Account WHERE Id NOT IN (SELECT AccountId FROM Contact) AND "
                + "Type IN ('a', 'b') AND Tags__c INCLUDES ('x;y') AND Tags__c EXCLUDES ('z')");
        And and = (And) q.where();
        SetComparison anti = (SetComparison) and.operands().get(0);
        assertThat(anti.operator()).isEqualTo(SetOperator.NOT_IN);
        assertThat(anti.subquery().objectName()).isEqualTo("Contact");
        assertThat(((SetComparison) and.operands().get(1)).values()).containsExactly(StringLiteral.of("a"),
                StringLiteral.of("b"));
        assertThat(((SetComparison) and.operands().get(2)).operator()).isEqualTo(SetOperator.INCLUDES);
        assertThat(((SetComparison) and.operands().get(3)).operator()).isEqualTo(SetOperator.EXCLUDES);
    }

    @Test
    void selectListShapes() {
        SoqlQuery q = Soql.parse("SELECT Id, COUNT(Id) n, toLabel(Status), (SELECT Id FROM Contacts c WHERE "
                + "c.Email != null), TYPEOF What WHEN Account THEN Phone ELSE Name END, FIELDS(ALL) FROM Account");
        assertThat(q.select().get(1)).isEqualTo(new SelectExpr(FunctionCall.of("COUNT", FieldPath.of("Id")), "n"));
        assertThat(((FunctionCall) ((SelectExpr) q.select().get(2)).expr()).isAggregate()).isFalse();
        SoqlQuery child = ((SelectSubquery) q.select().get(3)).query();
        assertThat(child.from()).isEqualTo(new From("Contacts", "c"));
        assertThat(q.select().get(4)).isEqualTo(new TypeOf("What",
                List.of(new TypeOf.When("Account", List.of(FieldPath.of("Phone")))), List.of(FieldPath.of("Name"))));
        assertThat(q.select().get(5)).isEqualTo(new SelectExpr(FunctionCall.of("FIELDS", FieldPath.of("ALL")), null));
    }

    @Test
    void clausesAfterWhere() {
        SoqlQuery q = Soql.parse("SELECT Status, COUNT(Id) FROM Case USING SCOPE Mine WHERE IsClosed = false "
                + "WITH SECURITY_ENFORCED GROUP BY ROLLUP(Status) HAVING COUNT(Id) > 1 ORDER BY Status NULLS LAST "
                + "LIMIT 10 OFFSET 5 FOR VIEW UPDATE TRACKING");
        assertThat(q.usingScope()).isEqualTo("Mine");
        assertThat(q.with()).isEqualTo(new WithClause.Mode("security_enforced"));
        assertThat(q.groupBy()).isEqualTo(new GroupBy(GroupBy.Kind.ROLLUP, List.of(FieldPath.of("Status"))));
        assertThat(q.having()).isNotNull();
        assertThat(q.orderBy().get(0).nullsFirst()).isFalse();
        assertThat(q.limit()).isEqualTo(10);
        assertThat(q.offset()).isEqualTo(5);
        assertThat(q.forClause()).isEqualTo(SoqlQuery.ForClause.VIEW);
        assertThat(q.update()).isEqualTo(SoqlQuery.UpdateClause.TRACKING);
        assertThat(q.sourceMap().clausePosition("HAVING").column()).isEqualTo(123);
    }

    @Test
    void groupIsAnObjectAndARelationshipButNotAField() {
        assertThat(Soql.parse("SELECT Id FROM Group WHERE Type = 'Queue'").objectName()).isEqualTo("Group");
        assertThat(Soql.parse("SELECT Group.Name FROM GroupMember").select().get(0))
                .isEqualTo(new SelectExpr(FieldPath.of("Group", "Name"), null));
        assertThatThrownBy(() -> Soql.parse("SELECT Group FROM GroupMember")).isInstanceOf(SoqlException.class)
                .hasMessage("unexpected token: 'Group' at line 1, column 8; expected field name");
    }

    @Test
    void deepNestingIsAnErrorNotAStackOverflow() {
        String deep = "SELECT Id FROM X WHERE " + "(".repeat(5000) + "A = 1" + ")".repeat(5000);
        assertThatThrownBy(() -> Soql.parse(deep)).isInstanceOf(SoqlException.class)
                .hasMessage("query nested more than 200 levels deep at line 1, column 223");
        String fine = "SELECT Id FROM X WHERE " + "(".repeat(100) + "A = 1" + ")".repeat(100);
        assertThat(Soql.parse(fine).where()).isEqualTo(where("A = 1"));
    }

    @Test
    void astConstructorsRejectInjection() {
        assertThatThrownBy(() -> FieldPath.parse("Name = 'x' OR Id")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new From("Case WHERE Id != null", null)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new From("Case", "WHERE")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Comparison(FieldPath.of("A"), ComparisonOperator.LIKE, NumberLiteral.of(1)))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> And.of(where("A = 1"))).isInstanceOf(IllegalArgumentException.class);
    }
}
