package io.sfinbound.soql.ast;

/**
 * A field path or function call in the SELECT list, with an optional alias (allowed after function calls only, as
 * in {@code MAX(CreatedDate) latest}).
 *
 * @param expr  the field or function
 * @param alias the alias, or null
 */
public record SelectExpr(Expr expr, String alias) implements SelectItem {

    public SelectExpr {
        if (!(expr instanceof FieldPath) && !(expr instanceof FunctionCall)) {
            throw new IllegalArgumentException("a SELECT item is a field or a function call: " + expr);
        }
        if (alias != null && !(expr instanceof FunctionCall)) {
            throw new IllegalArgumentException("only a function call can have an alias");
        }
        Names.requireAlias(alias);
    }

    /** A plain field item. */
    public static SelectExpr field(String dotted) {
        return new SelectExpr(FieldPath.parse(dotted), null);
    }
}
