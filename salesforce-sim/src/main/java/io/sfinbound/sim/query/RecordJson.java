package io.sfinbound.sim.query;

import java.io.IOException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.core.JsonGenerator;

import io.sfinbound.sim.api.SfFormats;
import io.sfinbound.sim.data.SimRecord;

/** Writes query rows as Salesforce's REST JSON: {@code attributes} first, then the columns in SELECT order. */
public final class RecordJson {

    private RecordJson() {
    }

    /** One row (a record, or an aggregate row map). */
    @SuppressWarnings("unchecked")
    public static void row(JsonGenerator g, Object row, List<Column> columns, String version) throws IOException {
        if (row instanceof SimRecord r) {
            record(g, r, columns, version);
        } else {
            g.writeStartObject();
            for (Map.Entry<String, Object> e : ((Map<String, Object>) row).entrySet()) {
                g.writeFieldName(e.getKey());
                value(g, e.getValue());
            }
            g.writeEndObject();
        }
    }

    static void record(JsonGenerator g, SimRecord r, List<Column> columns, String version) throws IOException {
        g.writeStartObject();
        attributes(g, r, version);
        for (Column c : columns) {
            g.writeFieldName(c.key());
            if (c instanceof Column.Field f) {
                value(g, r.field(f.def().name()));
            } else if (c instanceof Column.Parent p) {
                SimRecord parent = r.parent(p.reference());
                if (parent == null) {
                    g.writeNull();
                } else {
                    record(g, parent, p.columns(), version);
                }
            } else if (c instanceof Column.Children ch) {
                List<SimRecord> kids = ch.sub().filterChildren(r.store().children(r, ch.relationship()));
                if (kids.isEmpty()) {
                    g.writeNull();
                } else {
                    g.writeStartObject();
                    g.writeNumberField("totalSize", kids.size());
                    g.writeBooleanField("done", true);
                    g.writeArrayFieldStart("records");
                    for (SimRecord k : kids) {
                        record(g, k, ch.sub().columns(), version);
                    }
                    g.writeEndArray();
                    g.writeEndObject();
                }
            }
        }
        g.writeEndObject();
    }

    static void attributes(JsonGenerator g, SimRecord r, String version) throws IOException {
        g.writeObjectFieldStart("attributes");
        g.writeStringField("type", r.def().name());
        g.writeStringField("url", "/services/data/v" + version + "/sobjects/" + r.def().name() + "/" + r.id());
        g.writeEndObject();
    }

    @SuppressWarnings("unchecked")
    static void value(JsonGenerator g, Object v) throws IOException {
        if (v == null) {
            g.writeNull();
        } else if (v instanceof String s) {
            g.writeString(s);
        } else if (v instanceof Boolean b) {
            g.writeBoolean(b);
        } else if (v instanceof Integer i) {
            g.writeNumber(i);
        } else if (v instanceof Long l) {
            g.writeNumber(l);
        } else if (v instanceof Double d) {
            g.writeNumber(d);
        } else if (v instanceof java.math.BigDecimal d) {
            g.writeNumber(d);
        } else if (v instanceof Number n) {
            // a raw number planted through the admin API (BigInteger, ...)
            g.writeNumber(n.toString());
        } else if (v instanceof Instant t) {
            g.writeString(SfFormats.json(t));
        } else if (v instanceof java.time.OffsetDateTime t) {
            g.writeString(SfFormats.json(t.toInstant()));
        } else if (v instanceof LocalDate d) {
            g.writeString(d.toString());
        } else if (v instanceof Map<?, ?> m) {
            g.writeStartObject();
            for (Map.Entry<String, Object> e : ((Map<String, Object>) m).entrySet()) {
                g.writeFieldName(e.getKey());
                value(g, e.getValue());
            }
            g.writeEndObject();
        } else if (v instanceof List<?> l) {
            g.writeStartArray();
            for (Object o : l) {
                value(g, o);
            }
            g.writeEndArray();
        } else {
            g.writeString(String.valueOf(v));
        }
    }
}
