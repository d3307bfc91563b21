package io.sfinbound.loader.store;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;

import org.postgresql.PGConnection;
import org.postgresql.copy.PGCopyOutputStream;

/**
 * Streams rows in PostgreSQL's COPY text format through pgjdbc's COPY protocol. Hand-written because pgjdbc offers the
 * protocol but no row encoder, and the text format needs only four escapes; a bulk-insert library would add a
 * dependency (and reflection-based mapping) for these few lines. Fields without a character to escape, which is most
 * of them, are written as they are.
 */
final class CopyRows implements AutoCloseable {

    private static final byte[] NULL = {'\\', 'N'};

    private final PGCopyOutputStream out;
    private boolean done;

    /** Starts {@code COPY ... FROM STDIN} on the transaction's connection. */
    CopyRows(Connection c, String sql) throws SQLException {
        this.out = new PGCopyOutputStream(c.unwrap(PGConnection.class), sql, 256 * 1024);
    }

    /** Appends a field followed by the column separator; {@code null} is SQL NULL. */
    CopyRows field(String value) throws SQLException {
        append(value);
        write('\t');
        return this;
    }

    /** Appends the last field of a row. */
    CopyRows last(String value) throws SQLException {
        append(value);
        write('\n');
        return this;
    }

    /** Ends the COPY; returns the number of rows the server copied. */
    long finish() throws SQLException {
        done = true;
        return out.endCopy();
    }

    /** Cancels the COPY if it was not finished (the transaction is rolled back by the caller anyway). */
    @Override
    public void close() throws SQLException {
        if (!done && out.isActive()) {
            out.cancelCopy();
        }
    }

    private void append(String value) throws SQLException {
        if (value == null) {
            write(NULL);
        } else {
            write(escape(value).getBytes(StandardCharsets.UTF_8));
        }
    }

    /** The COPY text form of a value; {@code indexOf} and {@code replace} are vectorized, a char loop is not. */
    static String escape(String value) {
        String v = value;
        if (v.indexOf('\\') >= 0) {
            v = v.replace("\\", "\\\\");
        }
        if (v.indexOf('\n') >= 0) {
            v = v.replace("\n", "\\n");
        }
        if (v.indexOf('\r') >= 0) {
            v = v.replace("\r", "\\r");
        }
        if (v.indexOf('\t') >= 0) {
            v = v.replace("\t", "\\t");
        }
        return v;
    }

    private void write(byte[] b) throws SQLException {
        try {
            out.write(b);
        } catch (IOException e) {
            throw asSql(e);
        }
    }

    private void write(char separator) throws SQLException {
        try {
            out.write(separator);
        } catch (IOException e) {
            throw asSql(e);
        }
    }

    /** pgjdbc reports a server error during COPY as an IOException whose cause is the SQLException (e.g. 23505). */
    private static SQLException asSql(IOException e) {
        return e.getCause() instanceof SQLException s ? s : new SQLException("COPY: " + e.getMessage(), "08006", e);
    }
}
