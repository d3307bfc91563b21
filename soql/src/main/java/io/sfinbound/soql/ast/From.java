package io.sfinbound.soql.ast;

/**
 * {@code FROM object [alias]}; in a child subquery the object is the child relationship name.
 *
 * @param object object (or relationship) name as written
 * @param alias  the alias, or null
 */
public record From(String object, String alias) {

    public From {
        Names.requireName(object, "object name");
        Names.requireAlias(alias);
    }

    /** {@code FROM object}. */
    public static From of(String object) {
        return new From(object, null);
    }
}
