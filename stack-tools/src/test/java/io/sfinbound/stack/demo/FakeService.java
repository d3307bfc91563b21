package io.sfinbound.stack.demo;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/**
 * A scripted HTTP server standing in for config-api or the loader in the demo driver's tests: each route answers a
 * fixed status and body (or a computed one), and every request is recorded with its API key and body.
 */
final class FakeService implements AutoCloseable {

    /** A recorded request. */
    record Request(String method, String path, String apiKey, String body) {
    }

    /** A scripted answer. */
    record Reply(int status, String contentType, String body) {
        static Reply json(int status, String body) {
            return new Reply(status, "application/json", body);
        }
    }

    private final HttpServer server;
    private final Map<String, Function<Request, Reply>> routes = new LinkedHashMap<>();
    final List<Request> requests = Collections.synchronizedList(new ArrayList<>());

    FakeService() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/", this::handle);
        server.start();
    }

    /** Answers {@code METHOD path} (path with query) with a fixed reply. */
    FakeService on(String methodAndPath, Reply reply) {
        return on(methodAndPath, r -> reply);
    }

    /** Answers {@code METHOD path} (path with query) with a computed reply. */
    FakeService on(String methodAndPath, Function<Request, Reply> reply) {
        routes.put(methodAndPath, reply);
        return this;
    }

    String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    List<Request> requests(String method, String pathPrefix) {
        synchronized (requests) {
            return requests.stream().filter(r -> r.method().equals(method) && r.path().startsWith(pathPrefix)).toList();
        }
    }

    private void handle(HttpExchange ex) throws IOException {
        String body = new String(ex.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
        String path = ex.getRequestURI().getRawPath() + (ex.getRequestURI().getRawQuery() == null ? "" : "?" + ex.getRequestURI().getRawQuery());
        Request req = new Request(ex.getRequestMethod(), path, ex.getRequestHeaders().getFirst("X-API-Key"), body);
        requests.add(req);
        Function<Request, Reply> route = routes.get(req.method() + " " + path);
        Reply reply = route == null ? new Reply(404, "application/problem+json", "{\"status\":404,\"title\":\"Not Found\"}") : route.apply(req);
        byte[] bytes = reply.body().getBytes(StandardCharsets.UTF_8);
        ex.getResponseHeaders().add("Content-Type", reply.contentType());
        ex.sendResponseHeaders(reply.status(), bytes.length == 0 ? -1 : bytes.length);
        if (bytes.length > 0) {
            try (OutputStream out = ex.getResponseBody()) {
                out.write(bytes);
            }
        }
        ex.close();
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
