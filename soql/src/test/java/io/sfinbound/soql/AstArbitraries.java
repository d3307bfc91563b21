package io.sfinbound.soql;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import io.sfinbound.soql.ast.And;
import io.sfinbound.soql.ast.BooleanLiteral;
import io.sfinbound.soql.ast.Comparison;
import io.sfinbound.soql.ast.ComparisonOperator;
import io.sfinbound.soql.ast.Condition;
import io.sfinbound.soql.ast.DateLiteral;
import io.sfinbound.soql.ast.DateTimeLiteral;
import io.sfinbound.soql.ast.Expr;
import io.sfinbound.soql.ast.FieldPath;
import io.sfinbound.soql.ast.From;
import io.sfinbound.soql.ast.FunctionCall;
import io.sfinbound.soql.ast.GroupBy;
import io.sfinbound.soql.ast.Literal;
import io.sfinbound.soql.ast.Names;
import io.sfinbound.soql.ast.Not;
import io.sfinbound.soql.ast.NullLiteral;
import io.sfinbound.soql.ast.NumberLiteral;
import io.sfinbound.soql.ast.Or;
import io.sfinbound.soql.ast.OrderItem;
import io.sfinbound.soql.ast.RelativeDateLiteral;
import io.sfinbound.soql.ast.SelectExpr;
import io.sfinbound.soql.ast.SelectItem;
import io.sfinbound.soql.ast.SelectSubquery;
import io.sfinbound.soql.ast.SetComparison;
import io.sfinbound.soql.ast.SetOperator;
import io.sfinbound.soql.ast.SoqlQuery;
import io.sfinbound.soql.ast.SourceMap;
import io.sfinbound.soql.ast.StringLiteral;
import io.sfinbound.soql.ast.TypeOf;
import io.sfinbound.soql.ast.WithClause;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;

/** jqwik generators of arbitrary (syntactically valid) SOQL ASTs. */
final class AstArbitraries {

    /** Contextual keywords a generated name must avoid (the parser reads them as keywords where they may appear). */
    private static final Set<String> CONTEXTUAL = Set.of("TYPEOF", "WHEN", "THEN", "ELSE", "END", "ROLLUP", "CUBE",
            "USING", "SCOPE", "ORDER", "OFFSET", "FOR", "UPDATE", "BY", "DATA", "CATEGORY");

    private AstArbitraries() {
    }

    static Arbitrary<String> name() {
        Arbitrary<String> realistic = Arbitraries.of("Id", "Name", "Subject", "Status", "CreatedDate",
                "SystemModstamp", "Body", "Owner", "Account", "Case", "LiveChatTranscript", "MessagingSession",
                "ConversationEntry", "SurveyResponse", "Survey_Score__c", "ns__Field__c", "Parent__r", "today",
                "Last_N_Days", "x", "_y", "Order", "Group");
        Arbitrary<String> random = Arbitraries.strings().withCharRange('a', 'z').withCharRange('A', 'Z')
                .ofMinLength(1).ofMaxLength(1)
                .flatMap(first -> Arbitraries.strings().withCharRange('a', 'z').withCharRange('A', 'Z')
                        .withCharRange('0', '9').withChars('_').ofMaxLength(12).map(rest -> first + rest));
        return Arbitraries.oneOf(realistic, random)
                .filter(s -> !Names.isReserved(s) && !CONTEXTUAL.contains(s.toUpperCase(Locale.ROOT)));
    }

    static Arbitrary<String> alias() {
        return name().filter(Names::isAliasable);
    }

    static Arbitrary<FieldPath> fieldPath() {
        Arbitrary<FieldPath> plain = name().list().ofMinSize(1).ofMaxSize(4).map(FieldPath::new);
        // a reserved word may start a relationship path (GroupMember's Group.Name)
        Arbitrary<FieldPath> reservedStart = Combinators.combine(Arbitraries.of("Group", "GROUP", "Order"), name())
                .as(FieldPath::of);
        return Arbitraries.frequencyOf(net.jqwik.api.Tuple.of(20, plain), net.jqwik.api.Tuple.of(1, reservedStart));
    }

    static Arbitrary<Literal> literal(boolean allowRelative) {
        Arbitrary<Literal> strings = Arbitraries.oneOf(
                Arbitraries.strings().ofMaxLength(20).map(StringLiteral::of),
                Arbitraries.strings().withChars("'\\%_\n\t\r\b\f\"aZ é€😀").ofMaxLength(12)
                        .map(StringLiteral::likeExactly),
                Arbitraries.of("a\\u00e9b", "\\%\\_", "%x_", "\\\"q\\\"", "").map(StringLiteral::new));
        Arbitrary<Literal> numbers = Combinators.combine(
                Arbitraries.bigIntegers().between(BigInteger.valueOf(-1_000_000_000_000L),
                        BigInteger.valueOf(1_000_000_000_000L)),
                Arbitraries.integers().between(0, 4))
                .as((unscaled, scale) -> new NumberLiteral(new BigDecimal(unscaled, scale)));
        Arbitrary<Literal> dates = Arbitraries.longs().between(LocalDate.of(1, 1, 1).toEpochDay(),
                LocalDate.of(9999, 12, 31).toEpochDay()).map(d -> new DateLiteral(LocalDate.ofEpochDay(d)));
        Arbitrary<Literal> dateTimes = Combinators.combine(
                Arbitraries.longs().between(LocalDateTime.of(1, 1, 2, 0, 0).toEpochSecond(ZoneOffset.UTC),
                        LocalDateTime.of(9999, 12, 30, 0, 0).toEpochSecond(ZoneOffset.UTC)),
                Arbitraries.of(0, 123_000_000, 456_000, 789, 1),
                Arbitraries.integers().between(-18 * 60, 18 * 60))
                .as((sec, nanos, offMin) -> (Literal) new DateTimeLiteral(OffsetDateTime.of(
                        LocalDateTime.ofEpochSecond(sec, nanos, ZoneOffset.UTC), ZoneOffset.ofTotalSeconds(offMin * 60))));
        Arbitrary<Literal> relative = Arbitraries.oneOf(
                Arbitraries.of(List.copyOf(RelativeDateLiteral.PLAIN)).map(RelativeDateLiteral::of),
                Combinators.combine(Arbitraries.of(List.copyOf(RelativeDateLiteral.WITH_N)),
                        Arbitraries.integers().between(0, 100_000)).as(RelativeDateLiteral::new));
        Arbitrary<Literal> constants = Arbitraries.of(BooleanLiteral.TRUE, BooleanLiteral.FALSE, NullLiteral.INSTANCE);
        return allowRelative ? Arbitraries.oneOf(strings, numbers, dates, dateTimes, relative, constants)
                : Arbitraries.oneOf(strings, numbers, dates, dateTimes, constants);
    }

    static Arbitrary<FunctionCall> function(int depth) {
        Arbitrary<Expr> arg = depth <= 0
                ? Arbitraries.oneOf(fieldPath().map(e -> (Expr) e), literal(false).map(e -> (Expr) e))
                : Arbitraries.oneOf(fieldPath().map(e -> (Expr) e), literal(false).map(e -> (Expr) e),
                function(depth - 1).map(e -> (Expr) e));
        Arbitrary<String> fname = Arbitraries.oneOf(Arbitraries.of("COUNT", "count", "MAX", "toLabel", "FORMAT",
                "CALENDAR_YEAR", "DAY_ONLY", "convertTimezone", "FIELDS", "DISTANCE", "GEOLOCATION"), name());
        return Combinators.combine(fname, arg.list().ofMaxSize(3)).as(FunctionCall::new);
    }

    static Arbitrary<Expr> fieldOrFunction() {
        return Arbitraries.frequencyOf(
                net.jqwik.api.Tuple.of(4, fieldPath().map(e -> (Expr) e)),
                net.jqwik.api.Tuple.of(1, function(1).map(e -> (Expr) e)));
    }

    static Arbitrary<Condition> condition(int depth) {
        Arbitrary<Condition> comparison = Combinators.combine(fieldOrFunction(),
                Arbitraries.of(ComparisonOperator.class), literal(true), literal(true)
                        .filter(l -> l instanceof StringLiteral))
                .as((left, op, lit, str) -> new Comparison(left, op, op == ComparisonOperator.LIKE ? str : lit));
        Arbitrary<Condition> inList = Combinators.combine(fieldOrFunction(), Arbitraries.of(SetOperator.class),
                literal(true).list().ofMinSize(1).ofMaxSize(4))
                .as((left, op, values) -> new SetComparison(left, op, values, null));
        if (depth <= 0) {
            return Arbitraries.oneOf(comparison, inList);
        }
        Arbitrary<Condition> semiJoin = Combinators.combine(fieldOrFunction(),
                Arbitraries.of(SetOperator.IN, SetOperator.NOT_IN), query(0))
                .as((left, op, sub) -> new SetComparison(left, op, null, sub));
        Arbitrary<Condition> sub = condition(depth - 1);
        Arbitrary<Condition> and = sub.list().ofMinSize(2).ofMaxSize(4).map(And::new);
        Arbitrary<Condition> or = sub.list().ofMinSize(2).ofMaxSize(4).map(Or::new);
        Arbitrary<Condition> not = sub.map(Not::new);
        return Arbitraries.frequencyOf(
                net.jqwik.api.Tuple.of(4, comparison), net.jqwik.api.Tuple.of(2, inList),
                net.jqwik.api.Tuple.of(1, semiJoin), net.jqwik.api.Tuple.of(2, and), net.jqwik.api.Tuple.of(2, or),
                net.jqwik.api.Tuple.of(1, not));
    }

    static Arbitrary<SelectItem> selectItem(int depth) {
        Arbitrary<SelectItem> field = fieldPath().map(f -> new SelectExpr(f, null));
        Arbitrary<SelectItem> fn = Combinators.combine(function(1), alias().injectNull(0.5))
                .as((f, a) -> new SelectExpr(f, a));
        Arbitrary<SelectItem> typeOf = Combinators.combine(name(),
                Combinators.combine(name(), fieldPath().list().ofMinSize(1).ofMaxSize(3)).as(TypeOf.When::new)
                        .list().ofMinSize(1).ofMaxSize(3),
                fieldPath().list().ofMaxSize(2)).as(TypeOf::new);
        if (depth <= 0) {
            return Arbitraries.frequencyOf(net.jqwik.api.Tuple.of(6, field), net.jqwik.api.Tuple.of(2, fn),
                    net.jqwik.api.Tuple.of(1, typeOf));
        }
        Arbitrary<SelectItem> subquery = query(depth - 1).map(SelectSubquery::new);
        return Arbitraries.frequencyOf(net.jqwik.api.Tuple.of(6, field), net.jqwik.api.Tuple.of(2, fn),
                net.jqwik.api.Tuple.of(1, typeOf), net.jqwik.api.Tuple.of(1, subquery));
    }

    static Arbitrary<WithClause> withClause() {
        Arbitrary<WithClause> mode = Arbitraries.of("SECURITY_ENFORCED", "user_mode", "System_Mode")
                .map(WithClause.Mode::new);
        Arbitrary<WithClause> category = Combinators.combine(name(),
                Arbitraries.of("AT", "above", "BELOW", "ABOVE_OR_BELOW"), name().list().ofMinSize(1).ofMaxSize(3))
                .as(WithClause.Filter::new).list().ofMinSize(1).ofMaxSize(3).map(WithClause.DataCategory::new);
        return Arbitraries.oneOf(mode, category);
    }

    static Arbitrary<SoqlQuery> query(int depth) {
        Arbitrary<List<SelectItem>> select = selectItem(depth).list().ofMinSize(1).ofMaxSize(5);
        Arbitrary<String> object = Arbitraries.frequencyOf(net.jqwik.api.Tuple.of(20, name()),
                net.jqwik.api.Tuple.of(1, Arbitraries.of("Group", "Account.Contacts")));
        Arbitrary<From> from = Combinators.combine(object, alias().injectNull(0.6)).as(From::new);
        Arbitrary<Condition> where = condition(depth == 0 ? 0 : 2).injectNull(0.2);
        Arbitrary<GroupBy> groupBy = Combinators.combine(Arbitraries.of(GroupBy.Kind.class),
                fieldOrFunction().list().ofMinSize(1).ofMaxSize(3)).as(GroupBy::new).injectNull(0.8);
        Arbitrary<Condition> having = condition(0).injectNull(0.8);
        Arbitrary<List<OrderItem>> orderBy = Combinators.combine(fieldOrFunction(),
                Arbitraries.of(OrderItem.Direction.class).injectNull(0.4),
                Arbitraries.of(OrderItem.Nulls.class).injectNull(0.6)).as(OrderItem::new).list().ofMaxSize(3);
        Arbitrary<Integer> limit = Arbitraries.integers().between(0, 50_000).injectNull(0.5);
        Arbitrary<Integer> offset = Arbitraries.integers().between(0, 2000).injectNull(0.7);
        Arbitrary<SoqlQuery.ForClause> forClause = Arbitraries.of(SoqlQuery.ForClause.class).injectNull(0.8);
        Arbitrary<SoqlQuery.UpdateClause> update = Arbitraries.of(SoqlQuery.UpdateClause.class).injectNull(0.8);
        Arbitrary<String> scope = Arbitraries.of("Everything", "Mine", "Team", "mine").injectNull(0.8);
        Arbitrary<WithClause> with = withClause().injectNull(0.8);
        return Combinators.combine(select, from, where, groupBy, having, orderBy, limit, offset)
                .flatAs((s, f, w, g, h, o, l, off) -> Combinators.combine(forClause, update, scope, with)
                        .as((fc, u, sc, wi) -> new SoqlQuery(s, f, sc, w, wi, g, h, o, l, off, fc,
                                fc == SoqlQuery.ForClause.UPDATE ? null : u, SourceMap.NONE)));
    }

    /** Names of all generated identifiers must be unaffected by case: used to vary keyword case in tests. */
    static List<String> keywords() {
        return new ArrayList<>(List.of("SELECT", "FROM", "WHERE", "AND", "OR", "NOT", "LIKE", "IN", "ORDER", "BY",
                "LIMIT"));
    }
}
