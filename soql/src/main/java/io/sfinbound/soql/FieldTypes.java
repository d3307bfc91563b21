package io.sfinbound.soql;

import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

/** Field type lookup, usually backed by describe results: {@code (objectName, "Owner.Name") -> type}. */
@FunctionalInterface
public interface FieldTypes {

    /** Knows no field. */
    FieldTypes NONE = (object, path) -> null;

    /**
     * The type of a field.
     *
     * @param objectName the FROM object (or child relationship name for subquery fields)
     * @param fieldPath  the dotted path without the FROM alias, as the user spelled it (case-insensitive)
     * @return the type, or null when the field is unknown
     */
    SoqlType typeOf(String objectName, String fieldPath);

    /** A case-insensitive lookup over {@code fieldPath -> type} for one object (any object name matches). */
    static FieldTypes of(Map<String, SoqlType> fields) {
        Map<String, SoqlType> lower = new HashMap<>();
        fields.forEach((k, v) -> lower.put(k.toLowerCase(Locale.ROOT), v));
        return (object, path) -> lower.get(path.toLowerCase(Locale.ROOT));
    }
}
