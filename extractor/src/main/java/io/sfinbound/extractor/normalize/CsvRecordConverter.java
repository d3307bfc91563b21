package io.sfinbound.extractor.normalize;

import java.util.ArrayList;
import java.util.List;

import org.apache.commons.csv.CSVRecord;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.NullNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Bulk API 2.0 CSV rows to the normalized JSON of the same record read over REST: columns named by dotted paths
 * ({@code Owner.Name}) become nested objects with the describe's spelling, values are typed by describe
 * ({@link Values}), and a parent relationship whose columns are all empty becomes {@code null}, as REST prints an
 * empty lookup. (A parent that exists but whose selected fields are all null is indistinguishable in CSV and comes
 * out as null too.)
 */
public final class CsvRecordConverter {

    private record Column(int index, String[] path, String type) {
    }

    private final List<Column> columns = new ArrayList<>();

    /** Prepares the conversion of the rows under {@code header}. */
    public CsvRecordConverter(List<String> header, FieldTypeResolver types) {
        for (int i = 0; i < header.size(); i++) {
            FieldTypeResolver.Resolved r = types.resolve(header.get(i).strip());
            columns.add(new Column(i, r.segments(), r.type()));
        }
    }

    /** The normalized record of one row. */
    public ObjectNode convert(CSVRecord row) {
        ObjectNode out = JsonNodeFactory.instance.objectNode();
        for (Column c : columns) {
            String text = c.index < row.size() ? row.get(c.index) : null;
            JsonNode value = Values.fromText(c.type, text);
            ObjectNode target = out;
            for (int i = 0; i < c.path.length - 1; i++) {
                JsonNode next = target.get(c.path[i]);
                if (next == null || !next.isObject()) {
                    next = target.putObject(c.path[i]);
                }
                target = (ObjectNode) next;
            }
            target.set(c.path[c.path.length - 1], value);
        }
        nullEmptyParents(out);
        return out;
    }

    /** Replaces nested objects whose values are all null (recursively) with null. */
    private static boolean nullEmptyParents(ObjectNode node) {
        boolean allNull = true;
        var it = node.fields();
        List<String> toNull = new ArrayList<>();
        while (it.hasNext()) {
            var e = it.next();
            JsonNode v = e.getValue();
            if (v.isObject()) {
                if (nullEmptyParents((ObjectNode) v)) {
                    toNull.add(e.getKey());
                } else {
                    allNull = false;
                }
            } else if (!v.isNull()) {
                allNull = false;
            }
        }
        toNull.forEach(k -> node.set(k, NullNode.instance));
        return allNull;
    }
}
