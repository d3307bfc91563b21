package io.sfinbound.soql;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

import io.sfinbound.soql.ast.And;
import io.sfinbound.soql.ast.Comparison;
import io.sfinbound.soql.ast.ComparisonOperator;
import io.sfinbound.soql.ast.Condition;
import io.sfinbound.soql.ast.DateLiteral;
import io.sfinbound.soql.ast.DateTimeLiteral;
import io.sfinbound.soql.ast.Expr;
import io.sfinbound.soql.ast.FieldPath;
import io.sfinbound.soql.ast.FunctionCall;
import io.sfinbound.soql.ast.Literal;
import io.sfinbound.soql.ast.Or;
import io.sfinbound.soql.ast.OrderItem;
import io.sfinbound.soql.ast.SelectExpr;
import io.sfinbound.soql.ast.SelectItem;
import io.sfinbound.soql.ast.SelectSubquery;
import io.sfinbound.soql.ast.SoqlQuery;
import io.sfinbound.soql.ast.SourcePosition;
import io.sfinbound.soql.ast.StringLiteral;

/**
 * Entry point of the SOQL module: parse, print, analyze for the connector, rewrite for incremental windows.
 * All methods are pure and thread-safe.
 */
public final class Soql {

    /** Error code of connector-level rejections (GROUP BY, aggregates, OFFSET in incremental jobs). */
    public static final String UNSUPPORTED_QUERY = "UNSUPPORTED_QUERY";

    private Soql() {
    }

    /**
     * Parses a SOQL statement.
     *
     * @throws SoqlException {@code MALFORMED_QUERY} with line and column on a syntax error,
     *                       {@code NUMBER_OUTSIDE_VALID_RANGE} for an OFFSET over 2,000
     */
    public static SoqlQuery parse(String soql) {
        return Parser.parse(soql);
    }

    /** Canonical SOQL for a query; {@code parse(print(q)).equals(q)}. */
    public static String print(SoqlQuery query) {
        return Printer.print(query);
    }

    /** Canonical SOQL for a condition (as in a WHERE clause). */
    public static String print(Condition condition) {
        return Printer.print(condition);
    }

    /** Canonical SOQL for a literal. */
    public static String print(Literal literal) {
        return Printer.print(literal);
    }

    /**
     * What the connector needs from a user's query: object, selected fields and their types, the date/datetime fields
     * present in the SELECT list.
     *
     * @throws SoqlException {@link #UNSUPPORTED_QUERY} "GROUP BY is not supported" (or aggregate functions, HAVING)
     *                       at the clause's position
     */
    public static QueryAnalysis analyze(SoqlQuery query, FieldTypes types) {
        rejectAggregation(query);
        FieldTypes lookup = types == null ? FieldTypes.NONE : types;
        List<QueryAnalysis.SelectedField> fields = new ArrayList<>();
        List<QueryAnalysis.SelectedField> dates = new ArrayList<>();
        List<QueryAnalysis.SelectedField> unknown = new ArrayList<>();
        List<String> children = new ArrayList<>();
        boolean fieldsFunction = false;
        for (SelectItem item : query.select()) {
            if (item instanceof SelectExpr se && se.expr() instanceof FieldPath fp) {
                FieldPath path = query.stripAlias(fp);
                SoqlType type = lookup.typeOf(query.objectName(), path.dotted());
                QueryAnalysis.SelectedField f = new QueryAnalysis.SelectedField(path, type,
                        query.sourceMap().positionOf(fp));
                fields.add(f);
                if (type == null) {
                    unknown.add(f);
                } else if (type.isDateLike()) {
                    dates.add(f);
                }
            } else if (item instanceof SelectExpr se && se.expr() instanceof FunctionCall fc
                    && fc.upperName().equals("FIELDS")) {
                fieldsFunction = true;
            } else if (item instanceof SelectSubquery sq) {
                children.add(sq.query().from().relationshipName());
            }
        }
        return new QueryAnalysis(query.objectName(), query.from().alias(), fields, children, dates, unknown,
                fieldsFunction);
    }

    /**
     * The connector's full check of a user's query, as Salesforce would answer it: {@link #analyze}, then every
     * selected field must be known ({@code INVALID_FIELD} "No such column..."), then every WHERE literal compared to
     * a field of known type must have that type ({@code INVALID_FIELD} "value of filter criterion for field
     * 'CreatedDate' must be of type dateTime and should not be enclosed in quotes"). Throws the first error found,
     * with its position.
     */
    public static QueryAnalysis validate(SoqlQuery query, FieldTypes types) {
        QueryAnalysis analysis = analyze(query, types).requireKnownFields();
        if (types != null && query.where() != null) {
            checkLiterals(query, query.where(), types);
        }
        return analysis;
    }

    private static void checkLiterals(SoqlQuery q, Condition c, FieldTypes types) {
        if (c instanceof And a) {
            a.operands().forEach(o -> checkLiterals(q, o, types));
        } else if (c instanceof Or o) {
            o.operands().forEach(x -> checkLiterals(q, x, types));
        } else if (c instanceof io.sfinbound.soql.ast.Not n) {
            checkLiterals(q, n.operand(), types);
        } else if (c instanceof Comparison cmp && cmp.left() instanceof FieldPath fp) {
            checkLiteral(q, fp, cmp.right(), types);
        } else if (c instanceof io.sfinbound.soql.ast.SetComparison sc && sc.left() instanceof FieldPath fp
                && sc.values() != null) {
            sc.values().forEach(v -> checkLiteral(q, fp, v, types));
        }
    }

    private static void checkLiteral(SoqlQuery q, FieldPath field, Literal value, FieldTypes types) {
        FieldPath path = q.stripAlias(field);
        SoqlType type = types.typeOf(q.objectName(), path.dotted());
        if (type == null || value instanceof io.sfinbound.soql.ast.NullLiteral) {
            return;
        }
        String expected = switch (type) {
            case DATETIME -> value instanceof DateTimeLiteral
                    || value instanceof io.sfinbound.soql.ast.RelativeDateLiteral ? null : "dateTime";
            case DATE -> value instanceof DateLiteral
                    || value instanceof io.sfinbound.soql.ast.RelativeDateLiteral ? null : "date";
            case BOOLEAN -> value instanceof io.sfinbound.soql.ast.BooleanLiteral ? null : "boolean";
            case INT, LONG -> value instanceof io.sfinbound.soql.ast.NumberLiteral n && n.isInteger() ? null
                    : "integer";
            case DOUBLE, CURRENCY, PERCENT -> value instanceof io.sfinbound.soql.ast.NumberLiteral ? null : "double";
            case ID, STRING, TEXTAREA, PICKLIST, MULTIPICKLIST, COMBOBOX, REFERENCE, EMAIL, PHONE, URL,
                    ENCRYPTEDSTRING -> value instanceof StringLiteral ? null : "string";
            default -> null;
        };
        if (expected != null) {
            String quotes = expected.equals("string") ? "should be enclosed in quotes" : "should not be enclosed in quotes";
            throw new SoqlException(SoqlException.INVALID_FIELD, "value of filter criterion for field '"
                    + field.dotted() + "' must be of type " + expected + " and " + quotes,
                    q.sourceMap().positionOf(value), Printer.print(value), null);
        }
    }

    /**
     * The query the extractor runs for one page of an incremental window: the user's WHERE kept as one operand,
     * {@code AND (F > :d OR (F = :d AND Id > :id)) AND F <= :end}, {@code ORDER BY F, Id} and the window's LIMIT;
     * {@code F} and {@code Id} are appended to the SELECT list when the user did not select them (the next page
     * starts after the last row's values). Bounds are typed literals: nothing from the window is spliced as text.
     *
     * @throws SoqlException {@link #UNSUPPORTED_QUERY} for aggregate/grouped queries or an OFFSET
     */
    public static SoqlQuery incremental(SoqlQuery query, IncrementalWindow window) {
        rejectAggregation(query);
        if (query.offset() != null) {
            throw new SoqlException(UNSUPPORTED_QUERY, "OFFSET is not supported in an incremental query",
                    query.sourceMap().clausePosition("OFFSET"), "OFFSET", null);
        }
        FieldPath f = FieldPath.parse(window.dateField());
        FieldPath id = FieldPath.of("Id");
        List<Condition> conditions = new ArrayList<>(3);
        if (query.where() != null) {
            conditions.add(query.where());
        }
        if (window.fromTimestamp() != null) {
            Literal d = bound(window, window.fromTimestamp());
            if (window.fromId() == null) {
                conditions.add(new Comparison(f, ComparisonOperator.GE, d));
            } else {
                conditions.add(Or.of(new Comparison(f, ComparisonOperator.GT, d),
                        And.of(new Comparison(f, ComparisonOperator.EQ, d),
                                new Comparison(id, ComparisonOperator.GT, StringLiteral.of(window.fromId())))));
            }
        }
        if (window.windowEnd() != null) {
            conditions.add(new Comparison(f, ComparisonOperator.LE, bound(window, window.windowEnd())));
        }
        Condition where = conditions.isEmpty() ? null
                : conditions.size() == 1 ? conditions.get(0) : new And(conditions);
        Integer limit = window.limit() != null ? window.limit() : query.limit();
        // the keyset needs (F, Id) of the last row of each page: select them if the user did not
        List<SelectItem> select = new ArrayList<>(query.select());
        for (FieldPath key : List.of(f, id)) {
            if (!selects(query, key)) {
                select.add(new SelectExpr(key, null));
            }
        }
        return query.withSelect(select).withWhere(where)
                .withOrderBy(List.of(new OrderItem(f, null, null), new OrderItem(id, null, null)))
                .withLimit(limit);
    }

    /**
     * {@code SELECT COUNT() FROM ...} with the same FROM, USING SCOPE, WHERE and WITH, without ORDER BY, LIMIT,
     * OFFSET and FOR clauses. Combine with {@link #incremental} to count a window.
     */
    public static SoqlQuery countQuery(SoqlQuery query) {
        return query.withSelect(List.of(new SelectExpr(new FunctionCall("COUNT", List.of()), null)))
                .withGroupBy(null, null)
                .withOrderBy(List.of())
                .withLimit(null)
                .withOffset(null)
                .withFor(null, null);
    }

    private static boolean selects(SoqlQuery q, FieldPath path) {
        for (SelectItem item : q.select()) {
            if (item instanceof SelectExpr se && se.expr() instanceof FieldPath fp && q.stripAlias(fp).sameAs(path)) {
                return true;
            }
        }
        return false;
    }

    private static Literal bound(IncrementalWindow w, java.time.Instant instant) {
        return w.dateOnly() ? new DateLiteral(LocalDate.ofInstant(instant, ZoneOffset.UTC))
                : DateTimeLiteral.of(instant);
    }

    private static void rejectAggregation(SoqlQuery q) {
        if (q.groupBy() != null) {
            throw new SoqlException(UNSUPPORTED_QUERY, "GROUP BY is not supported",
                    q.sourceMap().clausePosition("GROUP BY"), "GROUP BY", null);
        }
        if (q.having() != null) {
            throw new SoqlException(UNSUPPORTED_QUERY, "HAVING is not supported",
                    q.sourceMap().clausePosition("HAVING"), "HAVING", null);
        }
        for (SelectItem item : q.select()) {
            if (item instanceof SelectExpr se && containsAggregate(se.expr())) {
                FunctionCall fc = firstAggregate(se.expr());
                SourcePosition p = q.sourceMap().positionOf(fc);
                throw new SoqlException(UNSUPPORTED_QUERY, "aggregate functions are not supported: "
                        + fc.name() + "()", p, fc.name(), null);
            }
        }
    }

    private static boolean containsAggregate(Expr e) {
        return firstAggregate(e) != null;
    }

    private static FunctionCall firstAggregate(Expr e) {
        if (e instanceof FunctionCall fc) {
            if (fc.isAggregate()) {
                return fc;
            }
            for (Expr a : fc.args()) {
                FunctionCall inner = firstAggregate(a);
                if (inner != null) {
                    return inner;
                }
            }
        }
        return null;
    }
}
