package io.sfinbound.sim.query;

import java.util.List;

import io.sfinbound.sim.schema.ChildRelationship;
import io.sfinbound.sim.schema.FieldDef;
import io.sfinbound.sim.schema.ObjectDef;

/** One output column of a query, in SELECT order; relationship paths are grouped under their relationship. */
public sealed interface Column {

    /** The JSON key (and CSV header part). */
    String key();

    /** A field of the record. */
    record Field(String key, FieldDef def) implements Column {
    }

    /** A parent relationship ({@code Owner}) with the columns selected through it. */
    record Parent(String key, FieldDef reference, ObjectDef target, List<Column> columns) implements Column {
    }

    /** A child sub-query ({@code (SELECT ... FROM LiveChatTranscriptEvents)}). */
    record Children(String key, ChildRelationship relationship, Execution sub) implements Column {
    }
}
