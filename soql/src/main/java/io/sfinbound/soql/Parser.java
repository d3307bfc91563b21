package io.sfinbound.soql;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;

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
import io.sfinbound.soql.ast.SourcePosition;
import io.sfinbound.soql.ast.StringLiteral;
import io.sfinbound.soql.ast.TypeOf;
import io.sfinbound.soql.ast.WithClause;

/**
 * Hand-written recursive-descent SOQL parser.
 *
 * <p>Why hand-written: no well-kept SOQL grammar library exists for Java (the ANTLR grammars around are unmaintained
 * Apex grammars with no error positions we control), and SOQL is small and LL(1) apart from a few contextual
 * keywords. Doing it by hand gives Salesforce-like error messages with exact line and column, keeps the user's
 * spelling of names, and needs no runtime dependency.
 */
final class Parser {

    /** Salesforce's default maximum SOQL statement length. */
    static final int MAX_LENGTH = 100_000;
    /** Maximum length of a string literal in a WHERE clause. */
    static final int MAX_STRING_LENGTH = 4_000;
    /** Maximum OFFSET Salesforce accepts. */
    static final int MAX_OFFSET = 2_000;

    /** Deepest nesting of parentheses, NOT, function calls and subqueries (keeps recursion off the stack limit). */
    static final int MAX_DEPTH = 200;

    private final List<Token> tokens;
    private int i;
    private int depth;
    private SourceMap map;

    private Parser(List<Token> tokens) {
        this.tokens = tokens;
    }

    static SoqlQuery parse(String soql) {
        if (soql == null) {
            throw SoqlException.unexpectedEnd(new SourcePosition(0, 1, 1), "SELECT");
        }
        if (soql.length() > MAX_LENGTH) {
            throw new SoqlException(SoqlException.MALFORMED_QUERY,
                    "SOQL statements cannot be longer than 100,000 characters", positionAt(soql, MAX_LENGTH),
                    null, null);
        }
        Parser p = new Parser(Lexer.tokenize(soql));
        SoqlQuery q = p.query();
        Token t = p.peek();
        if (!t.is(Token.Type.EOF)) {
            throw p.error(t, "end of query");
        }
        return q;
    }

    static SourcePosition positionAt(String s, int offset) {
        int line = 1;
        int col = 1;
        for (int k = 0; k < offset && k < s.length(); k++) {
            char c = s.charAt(k);
            if (c == '\n' || c == '\r' && (k + 1 >= s.length() || s.charAt(k + 1) != '\n')) {
                line++;
                col = 1;
            } else if (c != '\r') {
                col++;
            }
        }
        return new SourcePosition(offset, line, col);
    }

    // ---------------------------------------------------------------- token helpers

    private Token peek() {
        return tokens.get(i);
    }

    private Token peek(int ahead) {
        return tokens.get(Math.min(i + ahead, tokens.size() - 1));
    }

    private Token next() {
        Token t = tokens.get(i);
        if (!t.is(Token.Type.EOF)) {
            i++;
        }
        return t;
    }

    private boolean atWord(String word) {
        return peek().isWord(word);
    }

    private boolean acceptWord(String word) {
        if (atWord(word)) {
            i++;
            return true;
        }
        return false;
    }

    private Token expectWord(String word, String expected) {
        if (!atWord(word)) {
            throw error(peek(), expected);
        }
        return next();
    }

    private Token expect(Token.Type type, String expected) {
        if (!peek().is(type)) {
            throw error(peek(), expected);
        }
        return next();
    }

    SoqlException error(Token t, String expected) {
        if (t.is(Token.Type.EOF)) {
            return SoqlException.unexpectedEnd(t.position(), expected);
        }
        return SoqlException.unexpected(t.text(), t.position(), expected);
    }

    private void enter(Token t) {
        if (++depth > MAX_DEPTH) {
            throw new SoqlException(SoqlException.QUERY_TOO_COMPLICATED, "query nested more than " + MAX_DEPTH
                    + " levels deep", t.position(), t.text(), null);
        }
    }

    private <T> T at(T node, Token t) {
        return map.put(node, t.position());
    }

    // ---------------------------------------------------------------- query

    private SoqlQuery query() {
        SourceMap outer = map;
        map = SourceMap.forParser();
        enter(peek());
        try {
            expectWord("SELECT", "SELECT");
            List<SelectItem> select = new ArrayList<>();
            while (true) {
                select.add(selectItem());
                if (peek().is(Token.Type.COMMA)) {
                    next();
                    continue;
                }
                if (atWord("FROM")) {
                    break;
                }
                throw error(peek(), select.get(select.size() - 1) instanceof SelectExpr se
                        && se.expr() instanceof FunctionCall && se.alias() == null ? "alias, ',' or FROM" : "FROM");
            }
            Token fromTok = next();
            map.putClause("FROM", fromTok.position());
            Token obj = objectToken("object name");
            String objectName = obj.text();
            while (peek().is(Token.Type.DOT)) {
                next();
                objectName += "." + objectToken("relationship name").text();
            }
            String alias = null;
            if (peek().is(Token.Type.IDENT) && Names.isAliasable(peek().text())) {
                alias = next().text();
            }
            From from = at(new From(objectName, alias), obj);

            String scope = null;
            if (atWord("USING")) {
                map.putClause("USING SCOPE", next().position());
                expectWord("SCOPE", "SCOPE");
                scope = nameToken("scope name").text();
            }
            Condition where = null;
            if (atWord("WHERE")) {
                map.putClause("WHERE", next().position());
                where = condition();
            }
            WithClause with = null;
            if (atWord("WITH")) {
                map.putClause("WITH", next().position());
                with = withClause();
            }
            GroupBy groupBy = null;
            if (atWord("GROUP")) {
                Token g = next();
                map.putClause("GROUP BY", g.position());
                expectWord("BY", "BY");
                groupBy = at(groupBy(), g);
            }
            Condition having = null;
            if (atWord("HAVING")) {
                map.putClause("HAVING", next().position());
                having = condition();
            }
            List<OrderItem> orderBy = List.of();
            if (atWord("ORDER")) {
                map.putClause("ORDER BY", next().position());
                expectWord("BY", "BY");
                orderBy = orderBy();
            }
            Integer limit = null;
            if (atWord("LIMIT")) {
                map.putClause("LIMIT", next().position());
                limit = nonNegativeInt(Integer.MAX_VALUE, null);
            }
            Integer offset = null;
            if (atWord("OFFSET")) {
                map.putClause("OFFSET", next().position());
                offset = nonNegativeInt(MAX_OFFSET, "Maximum SOQL offset allowed is 2000");
            }
            SoqlQuery.ForClause forClause = null;
            if (atWord("FOR")) {
                map.putClause("FOR", next().position());
                Token f = peek();
                forClause = switch (f.type() == Token.Type.IDENT ? f.upper() : "") {
                    case "VIEW" -> SoqlQuery.ForClause.VIEW;
                    case "REFERENCE" -> SoqlQuery.ForClause.REFERENCE;
                    case "UPDATE" -> SoqlQuery.ForClause.UPDATE;
                    default -> throw error(f, "VIEW, REFERENCE or UPDATE");
                };
                next();
            }
            SoqlQuery.UpdateClause update = null;
            if (forClause != SoqlQuery.ForClause.UPDATE && atWord("UPDATE")) {
                map.putClause("UPDATE", next().position());
                Token u = peek();
                update = switch (u.type() == Token.Type.IDENT ? u.upper() : "") {
                    case "TRACKING" -> SoqlQuery.UpdateClause.TRACKING;
                    case "VIEWSTAT" -> SoqlQuery.UpdateClause.VIEWSTAT;
                    default -> throw error(u, "TRACKING or VIEWSTAT");
                };
                next();
            }
            return new SoqlQuery(select, from, scope, where, with, groupBy, having, orderBy, limit, offset,
                    forClause, update, map);
        } finally {
            map = outer;
            depth--;
        }
    }

    private Token nameToken(String expected) {
        Token t = peek();
        if (!t.is(Token.Type.IDENT) || Names.isReserved(t.text())) {
            throw error(t, expected);
        }
        return next();
    }

    /** An object name: not a reserved word, except the standard object {@code Group}. */
    private Token objectToken(String expected) {
        if (!peek().is(Token.Type.IDENT) || !Names.isObjectName(peek().text())) {
            throw error(peek(), expected);
        }
        return next();
    }

    private int nonNegativeInt(int max, String tooLarge) {
        Token t = peek();
        if (!t.is(Token.Type.NUMBER) || t.text().startsWith("-") || t.text().startsWith("+")
                || !(t.value() instanceof BigDecimal bd) || bd.scale() > 0) {
            throw error(t, "non-negative integer");
        }
        BigDecimal v = (BigDecimal) t.value();
        if (v.compareTo(BigDecimal.valueOf(max)) > 0) {
            throw new SoqlException(SoqlException.NUMBER_OUTSIDE_VALID_RANGE,
                    tooLarge != null ? tooLarge : "number out of range: " + t.text(), t.position(), t.text(), null);
        }
        next();
        return v.intValueExact();
    }

    // ---------------------------------------------------------------- SELECT list

    private SelectItem selectItem() {
        Token t = peek();
        if (t.is(Token.Type.LPAREN)) {
            next();
            if (!atWord("SELECT")) {
                throw error(peek(), "SELECT");
            }
            SoqlQuery sub = query();
            expect(Token.Type.RPAREN, "')'");
            return at(new SelectSubquery(sub), t);
        }
        if (t.isWord("TYPEOF") && peek(1).is(Token.Type.IDENT) && !Names.isReserved(peek(1).text())) {
            return typeOf();
        }
        Expr e = fieldOrFunction("field name");
        String alias = null;
        if (e instanceof FunctionCall && peek().is(Token.Type.IDENT) && Names.isAliasable(peek().text())) {
            alias = next().text();
        }
        return at(new SelectExpr(e, alias), t);
    }

    private TypeOf typeOf() {
        Token start = next();
        String field = nameToken("field name").text();
        List<TypeOf.When> whens = new ArrayList<>();
        List<FieldPath> elseFields = List.of();
        if (!atWord("WHEN")) {
            throw error(peek(), "WHEN");
        }
        while (acceptWord("WHEN")) {
            String type = objectToken("object type").text();
            expectWord("THEN", "THEN");
            whens.add(new TypeOf.When(type, fieldList()));
        }
        if (acceptWord("ELSE")) {
            elseFields = fieldList();
        }
        expectWord("END", whens.isEmpty() ? "WHEN" : "WHEN, ELSE or END");
        return at(new TypeOf(field, whens, elseFields), start);
    }

    private List<FieldPath> fieldList() {
        List<FieldPath> out = new ArrayList<>();
        out.add(fieldPath("field name"));
        while (peek().is(Token.Type.COMMA) && peek(1).is(Token.Type.IDENT)
                && !peek(1).isWord("WHEN") && !peek(1).isWord("ELSE") && !peek(1).isWord("END")) {
            next();
            out.add(fieldPath("field name"));
        }
        return out;
    }

    private FieldPath fieldPath(String expected) {
        Token first = peek();
        // a reserved word may start a relationship path (GroupMember: Group.Name), never stand alone
        if (!first.is(Token.Type.IDENT) || Names.isReserved(first.text())
                && !(Names.isObjectName(first.text()) && peek(1).is(Token.Type.DOT))) {
            throw error(first, expected);
        }
        next();
        List<String> parts = new ArrayList<>(2);
        parts.add(first.text());
        while (peek().is(Token.Type.DOT)) {
            next();
            parts.add(objectToken("field name").text());
        }
        return at(new FieldPath(parts), first);
    }

    /** A field path or a function call (with field, function or literal arguments). */
    private Expr fieldOrFunction(String expected) {
        Token first = peek();
        if (first.is(Token.Type.IDENT) && !Names.isReserved(first.text()) && peek(1).is(Token.Type.LPAREN)) {
            next();
            next();
            enter(first);
            List<Expr> args = new ArrayList<>();
            if (!peek().is(Token.Type.RPAREN)) {
                while (true) {
                    args.add(functionArg());
                    if (peek().is(Token.Type.COMMA)) {
                        next();
                        continue;
                    }
                    break;
                }
            }
            expect(Token.Type.RPAREN, args.isEmpty() ? "field name or ')'" : "',' or ')'");
            depth--;
            return at(new FunctionCall(first.text(), args), first);
        }
        return fieldPath(expected);
    }

    private Expr functionArg() {
        Token t = peek();
        switch (t.type()) {
            case STRING, NUMBER, DATE, DATETIME:
                return literal();
            case IDENT:
                if (t.isWord("true") || t.isWord("false") || t.isWord("null")) {
                    return literal();
                }
                return fieldOrFunction("function argument");
            default:
                throw error(t, "function argument");
        }
    }

    // ---------------------------------------------------------------- conditions

    private Condition condition() {
        Token start = peek();
        Condition first = unary();
        if (atWord("AND") || atWord("OR")) {
            boolean and = atWord("AND");
            String op = and ? "AND" : "OR";
            String other = and ? "OR" : "AND";
            List<Condition> operands = new ArrayList<>();
            operands.add(first);
            while (acceptWord(op)) {
                operands.add(unary());
            }
            if (atWord(other)) {
                throw error(peek(), "parentheses when mixing AND and OR");
            }
            return at(and ? new And(operands) : new Or(operands), start);
        }
        return first;
    }

    private Condition unary() {
        Token t = peek();
        if (t.isWord("NOT")) {
            next();
            enter(t);
            Condition operand = unary();
            depth--;
            return at(new Not(operand), t);
        }
        if (t.is(Token.Type.LPAREN)) {
            next();
            enter(t);
            Condition c = condition();
            expect(Token.Type.RPAREN, "')'");
            depth--;
            return c;
        }
        return simpleCondition();
    }

    private Condition simpleCondition() {
        Token start = peek();
        Expr left = fieldOrFunction("field name");
        Token op = peek();
        ComparisonOperator cmp = switch (op.type()) {
            case EQ -> ComparisonOperator.EQ;
            case NE -> ComparisonOperator.NE;
            case LTGT -> ComparisonOperator.LTGT;
            case LT -> ComparisonOperator.LT;
            case LE -> ComparisonOperator.LE;
            case GT -> ComparisonOperator.GT;
            case GE -> ComparisonOperator.GE;
            default -> op.isWord("LIKE") ? ComparisonOperator.LIKE : null;
        };
        if (cmp != null) {
            next();
            if (cmp == ComparisonOperator.LIKE && !peek().is(Token.Type.STRING)) {
                throw error(peek(), "string literal");
            }
            return at(new Comparison(left, cmp, literal()), start);
        }
        SetOperator setOp = null;
        if (op.isWord("IN")) {
            setOp = SetOperator.IN;
        } else if (op.isWord("INCLUDES")) {
            setOp = SetOperator.INCLUDES;
        } else if (op.isWord("EXCLUDES")) {
            setOp = SetOperator.EXCLUDES;
        } else if (op.isWord("NOT")) {
            next();
            if (!atWord("IN")) {
                throw error(peek(), "IN");
            }
            setOp = SetOperator.NOT_IN;
        }
        if (setOp == null) {
            throw error(op, "comparison operator");
        }
        next();
        expect(Token.Type.LPAREN, "'('");
        if (atWord("SELECT") && (setOp == SetOperator.IN || setOp == SetOperator.NOT_IN)) {
            SoqlQuery sub = query();
            expect(Token.Type.RPAREN, "')'");
            return at(new SetComparison(left, setOp, null, sub), start);
        }
        List<Literal> values = new ArrayList<>();
        while (true) {
            values.add(literal());
            if (peek().is(Token.Type.COMMA)) {
                next();
                continue;
            }
            break;
        }
        expect(Token.Type.RPAREN, "',' or ')'");
        return at(new SetComparison(left, setOp, values, null), start);
    }

    private Literal literal() {
        Token t = peek();
        Literal lit = switch (t.type()) {
            case STRING -> {
                StringLiteral s = new StringLiteral((String) t.value());
                if (s.value().length() > MAX_STRING_LENGTH) {
                    throw SoqlException.malformed("string literal longer than 4,000 characters", t.position(),
                            null);
                }
                yield s;
            }
            case NUMBER -> new NumberLiteral((BigDecimal) t.value());
            case DATE -> new DateLiteral((LocalDate) t.value());
            case DATETIME -> new DateTimeLiteral((OffsetDateTime) t.value());
            case IDENT -> identLiteral(t);
            default -> throw error(t, "value");
        };
        next();
        return at(lit, t);
    }

    /** true / false / null / a relative date literal; consumes {@code :n} but not the keyword itself. */
    private Literal identLiteral(Token t) {
        String u = t.upper();
        switch (u) {
            case "TRUE":
                return new BooleanLiteral(true);
            case "FALSE":
                return new BooleanLiteral(false);
            case "NULL":
                return new NullLiteral();
            default:
                break;
        }
        if (!RelativeDateLiteral.isKeyword(u)) {
            throw error(t, "value");
        }
        if (!RelativeDateLiteral.needsN(u)) {
            if (peek(1).is(Token.Type.COLON)) {
                throw SoqlException.malformed("date literal " + u + " takes no ':n'", peek(1).position(), ":");
            }
            return RelativeDateLiteral.of(u);
        }
        Token colon = peek(1);
        if (!colon.is(Token.Type.COLON)) {
            throw error(colon, "':' and a number after " + u);
        }
        Token n = peek(2);
        if (!n.is(Token.Type.NUMBER) || n.text().startsWith("-") || n.text().startsWith("+")
                || ((BigDecimal) n.value()).scale() > 0) {
            throw error(n, "non-negative integer");
        }
        BigDecimal v = (BigDecimal) n.value();
        if (v.compareTo(BigDecimal.valueOf(Integer.MAX_VALUE)) > 0) {
            throw new SoqlException(SoqlException.NUMBER_OUTSIDE_VALID_RANGE, "number out of range: " + n.text(),
                    n.position(), n.text(), null);
        }
        i += 2;
        return new RelativeDateLiteral(u, v.intValueExact());
    }

    // ---------------------------------------------------------------- WITH, GROUP BY, ORDER BY

    private WithClause withClause() {
        Token t = peek();
        if (t.isWord("DATA")) {
            next();
            expectWord("CATEGORY", "CATEGORY");
            List<WithClause.Filter> filters = new ArrayList<>();
            do {
                String group = nameToken("data category group").text();
                Token sel = peek();
                if (!sel.is(Token.Type.IDENT) || !WithClause.Filter.SELECTORS.contains(sel.upper())) {
                    throw error(sel, "AT, ABOVE, BELOW or ABOVE_OR_BELOW");
                }
                next();
                List<String> cats = new ArrayList<>();
                if (peek().is(Token.Type.LPAREN)) {
                    next();
                    cats.add(nameToken("category name").text());
                    while (peek().is(Token.Type.COMMA)) {
                        next();
                        cats.add(nameToken("category name").text());
                    }
                    expect(Token.Type.RPAREN, "',' or ')'");
                } else {
                    cats.add(nameToken("category name").text());
                }
                filters.add(new WithClause.Filter(group, sel.text(), cats));
            } while (acceptWord("AND"));
            return new WithClause.DataCategory(filters);
        }
        if (t.is(Token.Type.IDENT) && WithClause.Mode.MODES.contains(t.upper())) {
            next();
            return new WithClause.Mode(t.text());
        }
        throw error(t, "SECURITY_ENFORCED, USER_MODE, SYSTEM_MODE or DATA CATEGORY");
    }

    private GroupBy groupBy() {
        GroupBy.Kind kind = GroupBy.Kind.PLAIN;
        if ((atWord("ROLLUP") || atWord("CUBE")) && peek(1).is(Token.Type.LPAREN)) {
            kind = atWord("ROLLUP") ? GroupBy.Kind.ROLLUP : GroupBy.Kind.CUBE;
            next();
            next();
        }
        List<Expr> exprs = new ArrayList<>();
        exprs.add(fieldOrFunction("field name"));
        while (peek().is(Token.Type.COMMA)) {
            next();
            exprs.add(fieldOrFunction("field name"));
        }
        if (kind != GroupBy.Kind.PLAIN) {
            expect(Token.Type.RPAREN, "',' or ')'");
        }
        return new GroupBy(kind, exprs);
    }

    private List<OrderItem> orderBy() {
        List<OrderItem> items = new ArrayList<>();
        while (true) {
            Token start = peek();
            Expr e = fieldOrFunction("field name");
            OrderItem.Direction dir = null;
            if (acceptWord("ASC")) {
                dir = OrderItem.Direction.ASC;
            } else if (acceptWord("DESC")) {
                dir = OrderItem.Direction.DESC;
            }
            OrderItem.Nulls nulls = null;
            if (acceptWord("NULLS")) {
                if (acceptWord("FIRST")) {
                    nulls = OrderItem.Nulls.FIRST;
                } else if (acceptWord("LAST")) {
                    nulls = OrderItem.Nulls.LAST;
                } else {
                    throw error(peek(), "FIRST or LAST");
                }
            }
            items.add(at(new OrderItem(e, dir, nulls), start));
            if (!peek().is(Token.Type.COMMA)) {
                return items;
            }
            next();
        }
    }
}
