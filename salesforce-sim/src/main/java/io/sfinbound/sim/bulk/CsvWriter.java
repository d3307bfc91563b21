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
 * value double-quoted with embedded quotes doubled, nulls as empty unquoted fields; values as {@link #text(Object)}.
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

    /**
     * A non-null value as Bulk API 2.0 query results render it (every value is then double-quoted; null is an empty,
     * unquoted field: reference 6.5, a project choice where Salesforce's docs are silent):
     * <ul>
     * <li>boolean: {@code true} / {@code false} (a recorded result {@code "0014W000027f6UwQAI","false"}: airbytehq/airbyte
     * source-salesforce {@code unit_tests/unit_test.py} {@code test_download_data_filter_null_bytes});</li>
     * <li>int: plain digits;</li>
     * <li>double, currency and percent: Java's {@code Double.toString}, the server's own rendering: always a decimal
     * point ({@code 5.0}), no currency symbol, no {@code %} (a percent field holds 12.5 for 12.5%), no grouping, and
     * scientific notation from 10^7 ({@code 9.0E7}, {@code 9.9213206E7} in Bulk query CSV: forcedotcom/dataloader#1204;
     * {@code 1.6147805824397E13} from {@code sf data export bulk}: forcedotcom/cli#3367; Salesforce help article
     * 000385889 says the query API returns scientific notation for large numbers);</li>
     * <li>date: {@code 2025-01-31}; datetime: UTC with milliseconds and {@code Z}, {@code 2018-12-10T17:50:19.000Z}
     * (reference 6.5);</li>
     * <li>a raw value planted through the admin API (a number in a text field, a string in a date field): as given.</li>
     * </ul>
     */
    static String text(Object v) {
        if (v instanceof Instant t) {
            return SfFormats.CSV_DATETIME.format(t);
        }
        if (v instanceof LocalDate d) {
            return d.toString();
        }
        if (v instanceof Double d) {
            return Double.toString(d);
        }
        if (v instanceof Float f) {
            return Double.toString(f.doubleValue());
        }
        if (v instanceof Boolean b) {
            return b ? "true" : "false";
        }
        return v.toString();
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
