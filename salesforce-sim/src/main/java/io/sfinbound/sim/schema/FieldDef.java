package io.sfinbound.sim.schema;

import java.util.List;

/**
 * One field of a simulated object, with the describe metadata that clients read.
 *
 * @param name API name
 * @param label label
 * @param type describe type
 * @param length text length (0 for non-text)
 * @param nillable whether null is allowed
 * @param filterable whether it may appear in WHERE (long text areas may not)
 * @param sortable whether it may appear in ORDER BY
 * @param referenceTo target objects of a reference
 * @param relationshipName the relationship name of a reference ({@code Owner} for {@code OwnerId})
 * @param picklistValues values of a picklist
 * @param custom whether it is a custom field ({@code __c})
 * @param autoNumber whether it is an auto-number
 * @param nameField whether it is the object's name field
 * @param htmlFormatted whether the text is HTML
 */
public record FieldDef(String name, String label, FieldType type, int length, boolean nillable, boolean filterable,
                       boolean sortable, List<String> referenceTo, String relationshipName, List<String> picklistValues,
                       boolean custom, boolean autoNumber, boolean nameField, boolean htmlFormatted) {

    /** A long text area (more than 255 characters): never filterable or sortable, and it lowers the query batch size. */
    public boolean isLongText() {
        return type == FieldType.TEXTAREA && length > 255;
    }

    /** Whether this is a reference with a traversable relationship. */
    public boolean isRelationship() {
        return type == FieldType.REFERENCE && relationshipName != null;
    }
}
