package io.sfinbound.loader.sink;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import io.sfinbound.loader.store.DocumentWrite;

/**
 * Where the loader's LOADED and UPDATED documents go. The natural-id index (and the document bodies that duplicate
 * handling compares) always live in PostgreSQL, written in the batch's transaction; a sink may deliver the documents
 * elsewhere too. A sink is called once per batch, inside the batch's transaction, before the commit.
 */
public interface DocumentSink {

    /**
     * Delivers a batch of writes.
     *
     * @param tx       the batch's transaction
     * @param writes   at most one write per (project, natural id)
     * @param loadDate the batch's load date
     * @return the writes the sink rejected permanently (index into {@code writes} → reason); they are neither stored
     *         nor indexed, and go to the dead letter topic
     * @throws io.sfinbound.loader.config.TransientException when the sink cannot take the batch now (the batch is retried)
     */
    Map<Integer, String> write(Connection tx, List<DocumentWrite> writes, Instant loadDate) throws SQLException;
}
