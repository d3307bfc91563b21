package io.sfinbound.sim.api;

import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.StreamingOutput;

import io.vertx.core.http.HttpServerResponse;

/** Response bodies that injected faults can cut in the middle (connection reset mid-response). */
public final class Bodies {

    public static final String JSON = "application/json;charset=UTF-8";

    private Bodies() {
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
