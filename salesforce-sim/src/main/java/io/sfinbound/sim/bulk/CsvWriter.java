package io.sfinbound.sim.bulk;

import java.io.IOException;
import java.io.Writer;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import io.sfinbound.sim.api.SfFormats;
import io.sfinbound.sim.data.SimRecord;
import io.sfinbound.sim.query.Column;

/**
 * Bulk API 2.0 CSV: a header of column names in SELECT order (relationship columns dotted, {@code Owner.Name}), every
 * value double-quoted with embedded quotes doubled, nulls as empty unquoted fields, datetimes as
 * {@code 2018-12-10T17:50:19.000Z}.
 */
final class CsvWriter {

    private final Writer out;
    private final char delimiter;
    private final String lineEnding;

    CsvWriter(Writer out, char delimiter, String lineEnding) {
        this.out = out;
        this.delimiter = delimiter;
        this.lineEnding = lineEnding;
    }

    static char delimiter(String name) {
        return switch (name) {
            case "TAB" -> '\t';
            case "PIPE" -> '|';
            case "SEMICOLON" -> ';';
            case "CARET" -> '^';
            case "BACKQUOTE" -> '`';
            default -> ',';
        };
    }

    void header(List<Column> columns) throws IOException {
        boolean[] first = {true};
        header(columns, "", first);
        out.write(lineEnding);
    }

    private void header(List<Column> columns, String prefix, boolean[] first) throws IOException {
        for (Column c : columns) {
            if (c instanceof Column.Parent p) {
                header(p.columns(), prefix + p.key() + ".", first);
            } else {
                if (!first[0]) {
                    out.write(delimiter);
                }
                first[0] = false;
                quoted(prefix + c.key());
            }
        }
    }

    void row(SimRecord r, List<Column> columns) throws IOException {
        boolean[] first = {true};
        values(r, columns, first);
        out.write(lineEnding);
    }

    private void values(SimRecord r, List<Column> columns, boolean[] first) throws IOException {
        for (Column c : columns) {
            if (c instanceof Column.Parent p) {
                SimRecord parent = r == null ? null : r.parent(p.reference());
                values(parent, p.columns(), first);
            } else if (c instanceof Column.Field f) {
                if (!first[0]) {
                    out.write(delimiter);
                }
                first[0] = false;
                Object v = r == null ? null : r.field(f.def().name());
                if (v != null) {
                    quoted(text(v));
                }
            }
        }
    }

    private static String text(Object v) {
        if (v instanceof Instant t) {
            return SfFormats.CSV_DATETIME.format(t);
        }
        if (v instanceof LocalDate d) {
            return d.toString();
        }
        return String.valueOf(v);
    }

    private void quoted(String s) throws IOException {
        out.write('"');
        int from = 0;
        for (int i = 0; i < s.length(); i++) {
            if (s.charAt(i) == '"') {
                out.write(s, from, i - from + 1);
                out.write('"');
                from = i + 1;
            }
        }
        out.write(s, from, s.length() - from);
        out.write('"');
    }
}
