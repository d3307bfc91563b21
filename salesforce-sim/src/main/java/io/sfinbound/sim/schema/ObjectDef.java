package io.sfinbound.sim.schema;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/** A simulated sObject: its name, key prefix, fields in describe order and child relationships. */
public final class ObjectDef {

    private final String name;
    private final String label;
    private final String labelPlural;
    private final String keyPrefix;
    private final boolean custom;
    private final List<FieldDef> fields;
    private final Map<String, FieldDef> byLowerName;
    private final Map<String, FieldDef> byLowerRelationship;
    private final List<ChildRelationship> children = new ArrayList<>();

    ObjectDef(String name, String label, String labelPlural, String keyPrefix, List<FieldDef> fields) {
        this.name = name;
        this.label = label;
        this.labelPlural = labelPlural;
        this.keyPrefix = keyPrefix;
        this.custom = name.endsWith("__c");
        this.fields = List.copyOf(fields);
        Map<String, FieldDef> names = new LinkedHashMap<>();
        Map<String, FieldDef> rels = new LinkedHashMap<>();
        for (FieldDef f : fields) {
            names.put(f.name().toLowerCase(Locale.ROOT), f);
            if (f.isRelationship()) {
                rels.put(f.relationshipName().toLowerCase(Locale.ROOT), f);
            }
        }
        this.byLowerName = names;
        this.byLowerRelationship = rels;
    }

    void addChild(ChildRelationship c) {
        children.add(c);
    }

    public String name() {
        return name;
    }

    public String label() {
        return label;
    }

    public String labelPlural() {
        return labelPlural;
    }

    public String keyPrefix() {
        return keyPrefix;
    }

    public boolean custom() {
        return custom;
    }

    public List<FieldDef> fields() {
        return fields;
    }

    public List<ChildRelationship> children() {
        return Collections.unmodifiableList(children);
    }

    /** The field of this name, case-insensitive, as SOQL is. */
    public Optional<FieldDef> field(String fieldName) {
        return Optional.ofNullable(byLowerName.get(fieldName.toLowerCase(Locale.ROOT)));
    }

    /** The reference field whose relationship has this name, case-insensitive. */
    public Optional<FieldDef> relationship(String relationshipName) {
        return Optional.ofNullable(byLowerRelationship.get(relationshipName.toLowerCase(Locale.ROOT)));
    }

    /** The child relationship of this name, case-insensitive. */
    public Optional<ChildRelationship> childRelationship(String relationshipName) {
        return children.stream().filter(c -> c.relationshipName().equalsIgnoreCase(relationshipName)).findFirst();
    }

    /** Whether the object has the field, case-insensitive. */
    public boolean hasField(String fieldName) {
        return byLowerName.containsKey(fieldName.toLowerCase(Locale.ROOT));
    }

    @Override
    public String toString() {
        return name;
    }
}
