package io.sfinbound.soql.ast;

/**
 * A parent-to-child relationship subquery in the SELECT list, {@code (SELECT Id, Body FROM Messages)}: its FROM
 * names the child relationship.
 *
 * @param query the subquery
 */
public record SelectSubquery(SoqlQuery query) implements SelectItem {

    public SelectSubquery {
        if (query == null) {
            throw new IllegalArgumentException("null subquery");
        }
    }
}
