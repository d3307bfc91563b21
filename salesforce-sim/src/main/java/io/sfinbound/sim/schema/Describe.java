package io.sfinbound.sim.schema;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Describe results in Salesforce's shape (global describe, sObject basic info, full sObject describe). */
public final class Describe {

    private Describe() {
    }

    /** The entry of an object in the global describe. */
    public static Map<String, Object> summary(ObjectDef o, String version) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("activateable", false);
        m.put("associateEntityType", null);
        m.put("associateParentEntity", null);
        m.put("createable", !readOnly(o));
        m.put("custom", o.custom());
        m.put("customSetting", false);
        m.put("deepCloneable", false);
        m.put("deletable", !readOnly(o));
        m.put("deprecatedAndHidden", false);
        m.put("feedEnabled", false);
        m.put("hasSubtypes", false);
        m.put("isInterface", false);
        m.put("isSubtype", false);
        m.put("keyPrefix", o.keyPrefix());
        m.put("label", o.label());
        m.put("labelPlural", o.labelPlural());
        m.put("layoutable", true);
        m.put("mergeable", false);
        m.put("mruEnabled", true);
        m.put("name", o.name());
        m.put("queryable", true);
        m.put("replicateable", true);
        m.put("retrieveable", true);
        m.put("searchable", true);
        m.put("triggerable", o.custom());
        m.put("undeletable", !readOnly(o));
        m.put("updateable", !readOnly(o));
        m.put("urls", urls(o, version));
        return m;
    }

    private static boolean readOnly(ObjectDef o) {
        return o.name().startsWith("Survey") || o.name().equals("LiveChatTranscriptEvent") || o.name().equals("ConversationEntry");
    }

    static Map<String, String> urls(ObjectDef o, String version) {
        String base = "/services/data/v" + version + "/sobjects/" + o.name();
        Map<String, String> m = new LinkedHashMap<>();
        m.put("rowTemplate", base + "/{ID}");
        m.put("defaultValues", base + "/defaultValues?recordTypeId&fields");
        m.put("describe", base + "/describe");
        m.put("sobject", base);
        return m;
    }

    /** {@code GET /sobjects/}. */
    public static Map<String, Object> global(Catalog c, String version) {
        List<Map<String, Object>> list = new ArrayList<>();
        c.objects().forEach(o -> list.add(summary(o, version)));
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("encoding", "UTF-8");
        m.put("maxBatchSize", 200);
        m.put("sobjects", list);
        return m;
    }

    /** {@code GET /sobjects/{Object}}. */
    public static Map<String, Object> basic(ObjectDef o, String version) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("objectDescribe", summary(o, version));
        m.put("recentItems", List.of());
        return m;
    }

    /** {@code GET /sobjects/{Object}/describe}. */
    public static Map<String, Object> full(ObjectDef o, Catalog c, String version) {
        Map<String, Object> m = summary(o, version);
        m.put("actionOverrides", List.of());
        List<Map<String, Object>> children = new ArrayList<>();
        for (ChildRelationship ch : o.children()) {
            Map<String, Object> r = new LinkedHashMap<>();
            r.put("cascadeDelete", ch.childSObject().equals(Catalog.TRANSCRIPT_EVENT) || ch.childSObject().equals(Catalog.QUESTION_RESPONSE));
            r.put("childSObject", ch.childSObject());
            r.put("deprecatedAndHidden", false);
            r.put("field", ch.field());
            r.put("junctionIdListNames", List.of());
            r.put("junctionReferenceTo", List.of());
            r.put("relationshipName", ch.relationshipName());
            r.put("restrictedDelete", false);
            children.add(r);
        }
        m.put("childRelationships", children);
        m.put("compactLayoutable", true);
        m.put("defaultImplementation", null);
        m.put("extendedBy", null);
        m.put("extendsInterfaces", null);
        List<Map<String, Object>> fields = new ArrayList<>();
        o.fields().forEach(f -> fields.add(field(f)));
        m.put("fields", fields);
        m.put("implementedBy", null);
        m.put("implementsInterfaces", null);
        m.put("listviewable", null);
        m.put("lookupLayoutable", null);
        m.put("namedLayoutInfos", List.of());
        m.put("networkScopeFieldName", null);
        m.put("recordTypeInfos", List.of(Map.of("active", true, "available", true, "defaultRecordTypeMapping", true,
                "developerName", "Master", "master", true, "name", "Master", "recordTypeId", "012000000000000AAA",
                "urls", Map.of("layout", "/services/data/v" + version + "/sobjects/" + o.name() + "/describe/layouts/012000000000000AAA"))));
        m.put("searchLayoutable", true);
        m.put("sobjectDescribeOption", "FULL");
        m.put("supportedScopes", List.of(Map.of("label", "All " + o.labelPlural().toLowerCase(java.util.Locale.ROOT), "name", "everything")));
        return m;
    }

    static Map<String, Object> field(FieldDef f) {
        FieldType t = f.type();
        boolean text = t.isText();
        boolean system = List.of("Id", "IsDeleted", "CreatedDate", "CreatedById", "LastModifiedDate", "LastModifiedById", "SystemModstamp").contains(f.name());
        boolean writable = !system && !f.autoNumber() && !f.name().equals("Name") || f.name().equals("Name") && !f.autoNumber();
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("aggregatable", f.filterable() && t != FieldType.TEXTAREA);
        m.put("aiPredictionField", false);
        m.put("autoNumber", f.autoNumber());
        m.put("byteLength", text ? f.length() * 3 : 0);
        m.put("calculated", false);
        m.put("calculatedFormula", null);
        m.put("cascadeDelete", false);
        m.put("caseSensitive", t == FieldType.ID);
        m.put("compoundFieldName", null);
        m.put("controllerName", null);
        m.put("createable", writable);
        m.put("custom", f.custom());
        m.put("defaultValue", t == FieldType.BOOLEAN ? Boolean.FALSE : null);
        m.put("defaultValueFormula", null);
        m.put("defaultedOnCreate", system || t == FieldType.BOOLEAN || f.autoNumber() || f.name().equals("OwnerId"));
        m.put("dependentPicklist", false);
        m.put("deprecatedAndHidden", false);
        m.put("digits", t == FieldType.INT ? 9 : 0);
        m.put("displayLocationInDecimal", false);
        m.put("encrypted", false);
        m.put("externalId", false);
        m.put("extraTypeInfo", f.htmlFormatted() ? "richtextarea" : t == FieldType.TEXTAREA ? "plaintextarea" : null);
        m.put("filterable", f.filterable());
        m.put("filteredLookupInfo", null);
        m.put("formulaTreatNullNumberAsZero", false);
        m.put("groupable", f.filterable() && t != FieldType.DOUBLE && t != FieldType.CURRENCY && t != FieldType.DATETIME && t != FieldType.TEXTAREA);
        m.put("highScaleNumber", false);
        m.put("htmlFormatted", f.htmlFormatted());
        m.put("idLookup", t == FieldType.ID || f.nameField() && f.name().equals("CaseNumber"));
        m.put("inlineHelpText", null);
        m.put("label", f.label());
        m.put("length", text ? f.length() : 0);
        m.put("mask", null);
        m.put("maskType", null);
        m.put("name", f.name());
        m.put("nameField", f.nameField());
        m.put("namePointing", f.name().equals("OwnerId"));
        m.put("nillable", f.nillable());
        m.put("permissionable", f.nillable() && !system);
        List<Map<String, Object>> picks = new ArrayList<>();
        for (int i = 0; i < f.picklistValues().size(); i++) {
            String v = f.picklistValues().get(i);
            Map<String, Object> p = new LinkedHashMap<>();
            p.put("active", true);
            p.put("defaultValue", i == 0 && f.name().equals("Status"));
            p.put("label", v);
            p.put("validFor", null);
            p.put("value", v);
            picks.add(p);
        }
        m.put("picklistValues", picks);
        m.put("polymorphicForeignKey", f.referenceTo().size() > 1);
        m.put("precision", t == FieldType.DOUBLE || t == FieldType.CURRENCY || t == FieldType.PERCENT ? 18 : 0);
        m.put("queryByDistance", false);
        m.put("referenceTargetField", null);
        m.put("referenceTo", f.referenceTo());
        m.put("relationshipName", f.relationshipName());
        m.put("relationshipOrder", null);
        m.put("restrictedDelete", false);
        m.put("restrictedPicklist", t == FieldType.PICKLIST && !f.custom());
        m.put("scale", t == FieldType.DOUBLE || t == FieldType.CURRENCY || t == FieldType.PERCENT ? 2 : 0);
        m.put("searchPrefilterable", false);
        m.put("soapType", t.soapType());
        m.put("sortable", f.sortable());
        m.put("type", t.describeName());
        m.put("unique", false);
        m.put("updateable", writable && !f.name().equals("OwnerId") || f.name().equals("OwnerId"));
        m.put("writeRequiresMasterRead", false);
        return m;
    }
}
