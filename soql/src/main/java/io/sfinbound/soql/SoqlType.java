package io.sfinbound.soql;

import java.util.Locale;

/** Salesforce field types as reported by describe ({@code type} of a field), upper case. */
public enum SoqlType {
    ID, STRING, TEXTAREA, BOOLEAN, INT, LONG, DOUBLE, CURRENCY, PERCENT, DATE, DATETIME, TIME, PICKLIST,
    MULTIPICKLIST, COMBOBOX, REFERENCE, EMAIL, PHONE, URL, ENCRYPTEDSTRING, BASE64, ADDRESS, LOCATION, ANYTYPE,
    COMPLEXVALUE, JSON;

    /** The type for a describe {@code type} string ({@code "datetime"}, {@code "reference"}...), ANYTYPE if unknown. */
    public static SoqlType fromDescribe(String type) {
        if (type == null) {
            return ANYTYPE;
        }
        try {
            return valueOf(type.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            return ANYTYPE;
        }
    }

    /** DATE or DATETIME: a field an incremental job can use as its date field. */
    public boolean isDateLike() {
        return this == DATE || this == DATETIME;
    }
}
