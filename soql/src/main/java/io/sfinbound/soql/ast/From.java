package io.sfinbound.soql.ast;

/**
 * {@code FROM object [alias]}; in a child subquery the object is the child relationship name, possibly prefixed by
 * the parent ({@code FROM Account.Contacts}).
 *
 * @param object object (or relationship) name as written
 * @param alias  the alias, or null
 */
public record From(String object, String alias) {

    public From {
        if (object == null) {
            throw new IllegalArgumentException("null object name");
        }
        for (String part : object.split("\\.", -1)) {
            Names.requireObjectName(part, "object name");
        }
        Names.requireAlias(alias);
    }

    /** The object or relationship name without a parent prefix ({@code Contacts} for {@code Account.Contacts}). */
    public String relationshipName() {
        int dot = object.lastIndexOf('.');
        return dot < 0 ? object : object.substring(dot + 1);
    }

    /** {@code FROM object}. */
    public static From of(String object) {
        return new From(object, null);
    }
}
