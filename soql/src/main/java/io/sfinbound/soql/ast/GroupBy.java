package io.sfinbound.soql.ast;

import java.util.List;

/**
 * {@code GROUP BY a, b}, {@code GROUP BY ROLLUP(a, b)} or {@code GROUP BY CUBE(a, b)}.
 *
 * @param kind  plain, ROLLUP or CUBE
 * @param exprs the grouped fields or functions, at least one
 */
public record GroupBy(Kind kind, List<Expr> exprs) {

    public GroupBy {
        exprs = List.copyOf(exprs);
        if (kind == null || exprs.isEmpty()) {
            throw new IllegalArgumentException("GROUP BY needs a kind and fields");
        }
        for (Expr e : exprs) {
            if (e instanceof Literal) {
                throw new IllegalArgumentException("GROUP BY takes fields or functions");
            }
        }
    }

    /** Grouping kind. */
    public enum Kind { PLAIN, ROLLUP, CUBE }
}
