package io.sfinbound.soql.ast;

import java.util.List;

/**
 * {@code TYPEOF What WHEN Account THEN Phone WHEN Opportunity THEN Amount ELSE Name END} on a polymorphic field.
 *
 * @param field      the polymorphic relationship name
 * @param whens      the WHEN branches, at least one
 * @param elseFields the ELSE fields, empty when absent
 */
public record TypeOf(String field, List<When> whens, List<FieldPath> elseFields) implements SelectItem {

    public TypeOf {
        Names.requireName(field, "TYPEOF field");
        whens = List.copyOf(whens);
        elseFields = List.copyOf(elseFields);
        if (whens.isEmpty()) {
            throw new IllegalArgumentException("TYPEOF needs a WHEN");
        }
    }

    /**
     * One {@code WHEN type THEN fields} branch.
     *
     * @param type   the object type name
     * @param fields the fields selected for that type, at least one
     */
    public record When(String type, List<FieldPath> fields) {

        public When {
            Names.requireObjectName(type, "TYPEOF type");
            fields = List.copyOf(fields);
            if (fields.isEmpty()) {
                throw new IllegalArgumentException("WHEN needs fields");
            }
        }
    }
}
