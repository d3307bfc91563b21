package io.sfinbound.loader.sink;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import io.sfinbound.loader.store.DocumentStore;
import io.sfinbound.loader.store.DocumentWrite;

/** The default sink: the PostgreSQL document store itself. It never rejects a document. */
public class PostgresDocumentSink implements DocumentSink {

    private final DocumentStore store;

    public PostgresDocumentSink(DocumentStore store) {
        this.store = store;
    }

    @Override
    public Map<Integer, String> write(Connection tx, List<DocumentWrite> writes, Instant loadDate) throws SQLException {
        store.writeDocuments(tx, writes, loadDate);
        return Map.of();
    }
}
