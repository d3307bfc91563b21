package io.sfinbound.soql;

import java.util.List;
import java.util.Locale;

import io.sfinbound.soql.ast.FieldPath;
import io.sfinbound.soql.ast.SourcePosition;

/**
 * What the connector needs to know about a user's query (see {@link Soql#analyze}).
 *
 * @param objectName         the FROM object as written
 * @param alias              the FROM alias, or null
 * @param fields             the plain fields of the SELECT list, in order, alias stripped, with their types
 * @param childRelationships the child relationship names of the SELECT subqueries, in order
 * @param dateFields         the fields of {@code fields} whose type is DATE or DATETIME, in order
 * @param unknownFields      the fields of {@code fields} the type lookup does not know
 * @param usesFieldsFunction whether the SELECT list uses {@code FIELDS(ALL|STANDARD|CUSTOM)}
 */
public record QueryAnalysis(String objectName, String alias, List<SelectedField> fields,
                            List<String> childRelationships, List<SelectedField> dateFields,
                            List<SelectedField> unknownFields, boolean usesFieldsFunction) {

    public QueryAnalysis {
        fields = List.copyOf(fields);
        childRelationships = List.copyOf(childRelationships);
        dateFields = List.copyOf(dateFields);
        unknownFields = List.copyOf(unknownFields);
    }

    /** The date or datetime field named {@code dottedPath} (case-insensitive), or null if it is not selected. */
    public SelectedField dateField(String dottedPath) {
        String wanted = dottedPath.toLowerCase(Locale.ROOT);
        for (SelectedField f : dateFields) {
            if (f.path().dotted().toLowerCase(Locale.ROOT).equals(wanted)) {
                return f;
            }
        }
        return null;
    }

    /** Throws {@code INVALID_FIELD} ("No such column 'X' on entity 'Y'") for the first unknown field. */
    public QueryAnalysis requireKnownFields() {
        if (!unknownFields.isEmpty()) {
            SelectedField f = unknownFields.get(0);
            throw new SoqlException(SoqlException.INVALID_FIELD, "No such column '" + f.path().dotted()
                    + "' on entity '" + objectName + "'", f.position(), f.path().dotted(), null);
        }
        return this;
    }

    /**
     * One selected field.
     *
     * @param path     the path without the FROM alias, as written
     * @param type     its type, or null when unknown
     * @param position where it is in the query text
     */
    public record SelectedField(FieldPath path, SoqlType type, SourcePosition position) {

        /** Whether the field is a DATE (not DATETIME). */
        public boolean dateOnly() {
            return type == SoqlType.DATE;
        }
    }
}
