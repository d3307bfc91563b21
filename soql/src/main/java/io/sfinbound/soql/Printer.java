package io.sfinbound.soql;

import java.time.OffsetDateTime;
import java.util.List;

import io.sfinbound.soql.ast.And;
import io.sfinbound.soql.ast.BooleanLiteral;
import io.sfinbound.soql.ast.Comparison;
import io.sfinbound.soql.ast.Condition;
import io.sfinbound.soql.ast.DateLiteral;
import io.sfinbound.soql.ast.DateTimeLiteral;
import io.sfinbound.soql.ast.Expr;
import io.sfinbound.soql.ast.FieldPath;
import io.sfinbound.soql.ast.FunctionCall;
import io.sfinbound.soql.ast.GroupBy;
import io.sfinbound.soql.ast.Literal;
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
import io.sfinbound.soql.ast.SoqlQuery;
import io.sfinbound.soql.ast.StringLiteral;
import io.sfinbound.soql.ast.TypeOf;
import io.sfinbound.soql.ast.WithClause;

/**
 * Prints an AST as canonical SOQL: upper-case keywords, names as the user spelled them, single spaces, and
 * parentheses exactly around nested AND/OR groups, so that {@code parse(print(q)).equals(q)}.
 */
final class Printer {

    private final StringBuilder sb = new StringBuilder(256);

    private Printer() {
    }

    static String print(SoqlQuery q) {
        Printer p = new Printer();
        p.query(q);
        return p.sb.toString();
    }

    static String print(Condition c) {
        Printer p = new Printer();
        p.condition(c);
        return p.sb.toString();
    }

    static String print(Literal l) {
        Printer p = new Printer();
        p.literal(l);
        return p.sb.toString();
    }

    private void query(SoqlQuery q) {
        sb.append("SELECT ");
        List<SelectItem> items = q.select();
        for (int k = 0; k < items.size(); k++) {
            if (k > 0) {
                sb.append(", ");
            }
            selectItem(items.get(k));
        }
        sb.append(" FROM ").append(q.from().object());
        if (q.from().alias() != null) {
            sb.append(' ').append(q.from().alias());
        }
        if (q.usingScope() != null) {
            sb.append(" USING SCOPE ").append(q.usingScope());
        }
        if (q.where() != null) {
            sb.append(" WHERE ");
            condition(q.where());
        }
        if (q.with() != null) {
            sb.append(" WITH ");
            with(q.with());
        }
        if (q.groupBy() != null) {
            GroupBy g = q.groupBy();
            sb.append(" GROUP BY ");
            if (g.kind() != GroupBy.Kind.PLAIN) {
                sb.append(g.kind().name()).append('(');
            }
            exprList(g.exprs());
            if (g.kind() != GroupBy.Kind.PLAIN) {
                sb.append(')');
            }
        }
        if (q.having() != null) {
            sb.append(" HAVING ");
            condition(q.having());
        }
        if (!q.orderBy().isEmpty()) {
            sb.append(" ORDER BY ");
            for (int k = 0; k < q.orderBy().size(); k++) {
                if (k > 0) {
                    sb.append(", ");
                }
                OrderItem o = q.orderBy().get(k);
                expr(o.expr());
                if (o.direction() != null) {
                    sb.append(' ').append(o.direction().name());
                }
                if (o.nulls() != null) {
                    sb.append(" NULLS ").append(o.nulls().name());
                }
            }
        }
        if (q.limit() != null) {
            sb.append(" LIMIT ").append(q.limit());
        }
        if (q.offset() != null) {
            sb.append(" OFFSET ").append(q.offset());
        }
        if (q.forClause() != null) {
            sb.append(" FOR ").append(q.forClause().name());
        }
        if (q.update() != null) {
            sb.append(" UPDATE ").append(q.update().name());
        }
    }

    private void selectItem(SelectItem item) {
        if (item instanceof SelectExpr se) {
            expr(se.expr());
            if (se.alias() != null) {
                sb.append(' ').append(se.alias());
            }
        } else if (item instanceof SelectSubquery sq) {
            sb.append('(');
            query(sq.query());
            sb.append(')');
        } else if (item instanceof TypeOf t) {
            sb.append("TYPEOF ").append(t.field());
            for (TypeOf.When w : t.whens()) {
                sb.append(" WHEN ").append(w.type()).append(" THEN ");
                exprList(w.fields());
            }
            if (!t.elseFields().isEmpty()) {
                sb.append(" ELSE ");
                exprList(t.elseFields());
            }
            sb.append(" END");
        }
    }

    private void with(WithClause w) {
        if (w instanceof WithClause.Mode m) {
            sb.append(m.mode());
        } else if (w instanceof WithClause.DataCategory dc) {
            sb.append("DATA CATEGORY ");
            for (int k = 0; k < dc.filters().size(); k++) {
                if (k > 0) {
                    sb.append(" AND ");
                }
                WithClause.Filter f = dc.filters().get(k);
                sb.append(f.group()).append(' ').append(f.selector()).append(' ');
                if (f.categories().size() == 1) {
                    sb.append(f.categories().get(0));
                } else {
                    sb.append('(').append(String.join(", ", f.categories())).append(')');
                }
            }
        }
    }

    private void exprList(List<? extends Expr> exprs) {
        for (int k = 0; k < exprs.size(); k++) {
            if (k > 0) {
                sb.append(", ");
            }
            expr(exprs.get(k));
        }
    }

    private void expr(Expr e) {
        if (e instanceof FieldPath f) {
            sb.append(f.dotted());
        } else if (e instanceof FunctionCall fc) {
            sb.append(fc.name()).append('(');
            exprList(fc.args());
            sb.append(')');
        } else if (e instanceof Literal l) {
            literal(l);
        }
    }

    private void condition(Condition c) {
        if (c instanceof And a) {
            joined(a.operands(), " AND ");
        } else if (c instanceof Or o) {
            joined(o.operands(), " OR ");
        } else if (c instanceof Not n) {
            sb.append("NOT ");
            operand(n.operand());
        } else if (c instanceof Comparison cmp) {
            expr(cmp.left());
            sb.append(' ').append(cmp.operator().symbol()).append(' ');
            literal(cmp.right());
        } else if (c instanceof SetComparison sc) {
            expr(sc.left());
            sb.append(' ').append(sc.operator().symbol()).append(" (");
            if (sc.subquery() != null) {
                query(sc.subquery());
            } else {
                for (int k = 0; k < sc.values().size(); k++) {
                    if (k > 0) {
                        sb.append(", ");
                    }
                    literal(sc.values().get(k));
                }
            }
            sb.append(')');
        }
    }

    private void joined(List<Condition> operands, String op) {
        for (int k = 0; k < operands.size(); k++) {
            if (k > 0) {
                sb.append(op);
            }
            operand(operands.get(k));
        }
    }

    private void operand(Condition c) {
        if (c instanceof And || c instanceof Or) {
            sb.append('(');
            condition(c);
            sb.append(')');
        } else {
            condition(c);
        }
    }

    private void literal(Literal l) {
        if (l instanceof StringLiteral s) {
            sb.append('\'').append(s.raw()).append('\'');
        } else if (l instanceof NumberLiteral n) {
            sb.append(n.value().toPlainString());
        } else if (l instanceof BooleanLiteral b) {
            sb.append(b.value());
        } else if (l instanceof NullLiteral) {
            sb.append("null");
        } else if (l instanceof DateLiteral d) {
            date(d.value().getYear(), d.value().getMonthValue(), d.value().getDayOfMonth());
        } else if (l instanceof DateTimeLiteral dt) {
            dateTime(dt.value());
        } else if (l instanceof RelativeDateLiteral r) {
            sb.append(r.keyword());
            if (r.n() != null) {
                sb.append(':').append(r.n());
            }
        }
    }

    private void date(int y, int m, int d) {
        pad(y, 4).append('-');
        pad(m, 2).append('-');
        pad(d, 2);
    }

    private void dateTime(OffsetDateTime v) {
        date(v.getYear(), v.getMonthValue(), v.getDayOfMonth());
        sb.append('T');
        pad(v.getHour(), 2).append(':');
        pad(v.getMinute(), 2).append(':');
        pad(v.getSecond(), 2);
        int nanos = v.getNano();
        if (nanos != 0) {
            sb.append('.');
            if (nanos % 1_000_000 == 0) {
                pad(nanos / 1_000_000, 3);
            } else if (nanos % 1_000 == 0) {
                pad(nanos / 1_000, 6);
            } else {
                pad(nanos, 9);
            }
        }
        int off = v.getOffset().getTotalSeconds();
        if (off == 0) {
            sb.append('Z');
        } else {
            sb.append(off < 0 ? '-' : '+');
            int abs = Math.abs(off) / 60;
            pad(abs / 60, 2).append(':');
            pad(abs % 60, 2);
        }
    }

    private StringBuilder pad(int value, int width) {
        String s = Integer.toString(value);
        for (int k = s.length(); k < width; k++) {
            sb.append('0');
        }
        return sb.append(s);
    }
}
