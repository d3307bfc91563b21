package io.sfinbound.sim.schema;

/** The describe {@code type} of a field, with its SOAP type. */
public enum FieldType {
    ID("id", "tns:ID"),
    STRING("string", "xsd:string"),
    TEXTAREA("textarea", "xsd:string"),
    PICKLIST("picklist", "xsd:string"),
    EMAIL("email", "xsd:string"),
    PHONE("phone", "xsd:string"),
    URL("url", "xsd:string"),
    REFERENCE("reference", "tns:ID"),
    BOOLEAN("boolean", "xsd:boolean"),
    INT("int", "xsd:int"),
    DOUBLE("double", "xsd:double"),
    CURRENCY("currency", "xsd:double"),
    PERCENT("percent", "xsd:double"),
    DATE("date", "xsd:date"),
    DATETIME("datetime", "xsd:dateTime");

    private final String describeName;
    private final String soapType;

    FieldType(String describeName, String soapType) {
        this.describeName = describeName;
        this.soapType = soapType;
    }

    public String describeName() {
        return describeName;
    }

    public String soapType() {
        return soapType;
    }

    /** Whether the value is text (quoted in SOQL, a JSON string). */
    public boolean isText() {
        return switch (this) {
            case ID, STRING, TEXTAREA, PICKLIST, EMAIL, PHONE, URL, REFERENCE -> true;
            default -> false;
        };
    }
}
