package io.sfinbound.soql.ast;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * A field reference, possibly through parent relationships: {@code Name}, {@code Owner.Name},
 * {@code Case.Account.Name}, or prefixed by the FROM alias ({@code c.Subject}). The user's spelling is kept.
 *
 * @param parts the dot-separated names, at least one
 */
public record FieldPath(List<String> parts) implements Expr {

    public FieldPath {
        parts = List.copyOf(parts);
        if (parts.isEmpty()) {
            throw new IllegalArgumentException("empty field path");
        }
        if (parts.size() == 1) {
            Names.requireName(parts.get(0), "field name");
        } else {
            // the Group relationship (GroupMember: Group.Name) is the one reserved word allowed in a path
            for (String p : parts) {
                Names.requireObjectName(p, "field name");
            }
        }
    }

    /** A path from its parts: {@code FieldPath.of("Owner", "Name")}. */
    public static FieldPath of(String... parts) {
        return new FieldPath(Arrays.asList(parts));
    }

    /** A path from dotted text, {@code "Owner.Name"}; throws {@link IllegalArgumentException} if not a valid path. */
    public static FieldPath parse(String dotted) {
        if (dotted == null || dotted.isBlank()) {
            throw new IllegalArgumentException("empty field path");
        }
        return new FieldPath(Arrays.asList(dotted.trim().split("\\.", -1)));
    }

    /** The last name of the path (the field itself). */
    public String field() {
        return parts.get(parts.size() - 1);
    }

    /** Whether the path has a relationship prefix. */
    public boolean isRelationship() {
        return parts.size() > 1;
    }

    /** The path without its first part (for alias stripping); requires at least two parts. */
    public FieldPath tail() {
        return new FieldPath(parts.subList(1, parts.size()));
    }

    /** Whether this path names the same field as {@code other}, ignoring case as Salesforce does. */
    public boolean sameAs(FieldPath other) {
        return dotted().toLowerCase(Locale.ROOT).equals(other.dotted().toLowerCase(Locale.ROOT));
    }

    /** The path as written, {@code Owner.Name}. */
    public String dotted() {
        return String.join(".", parts);
    }

    @Override
    public String toString() {
        return dotted();
    }
}
