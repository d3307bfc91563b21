package io.sfinbound.sim.api;

import java.io.IOException;
import java.io.OutputStream;

import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.StreamingOutput;

import io.vertx.core.http.HttpServerResponse;

/** Response bodies that injected faults can cut in the middle (connection reset mid-response). */
public final class Bodies {

    public static final String JSON = "application/json;charset=UTF-8";

    private Bodies() {
    }

    /** A body written straight to the response (streamed, never held whole in memory). */
    @FunctionalInterface
    public interface Writer {
        void writeTo(OutputStream out) throws IOException;
    }

    /**
     * A streamed body, or, when {@code cutAfter >= 0}, its first {@code cutAfter} bytes followed by a reset of the
     * connection, as a dropped connection looks to the client.
     */
    public static Response stream(int status, String type, Writer body, int cutAfter, HttpServerResponse vertx) {
        if (cutAfter < 0) {
            StreamingOutput entity = body::writeTo;
            return Response.status(status).type(type).entity(entity).build();
        }
        // a fault: render the first bytes only, then cut exactly as send() does
        java.io.ByteArrayOutputStream first = new java.io.ByteArrayOutputStream(Math.min(cutAfter, 1 << 20) + 16);
        try {
            body.writeTo(new Cut(first, cutAfter));
        } catch (Cut.Reached e) {
            // enough bytes
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        return send(status, type, first.toByteArray(), cutAfter, vertx);
    }

    /** Passes on the first bytes, then fails. */
    private static final class Cut extends OutputStream {
        static final class Reached extends IOException {
            Reached() {
                super("cut by fault injection");
            }
        }

        private final OutputStream out;
        private long left;

        Cut(OutputStream out, long left) {
            this.out = out;
            this.left = left;
        }

        @Override
        public void write(int b) throws IOException {
            if (left-- <= 0) {
                throw new Reached();
            }
            out.write(b);
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            if (len > left) {
                out.write(b, off, (int) Math.max(0, left));
                left = 0;
                throw new Reached();
            }
            out.write(b, off, len);
            left -= len;
        }

        @Override
        public void flush() throws IOException {
            out.flush();
        }
    }

    /**
     * The body, or, when {@code cutAfter >= 0}, its first {@code cutAfter} bytes followed by a reset of the
     * connection, as a dropped connection looks to the client.
     */
    public static Response send(int status, String type, byte[] body, int cutAfter, HttpServerResponse vertx) {
        if (cutAfter < 0) {
            return Response.status(status).type(type).entity(body).build();
        }
        StreamingOutput partial = out -> {
            out.write(body, 0, Math.min(cutAfter, body.length));
            out.flush();
            // the client sees the connection drop mid-body
            if (vertx != null) {
                vertx.reset();
            }
            throw new InjectedReset();
        };
        return Response.status(status).type(type).entity(partial).build();
    }
}
