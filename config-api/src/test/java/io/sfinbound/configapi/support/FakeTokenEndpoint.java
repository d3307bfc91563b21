package io.sfinbound.configapi.support;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/**
 * A stand-in for a Salesforce token endpoint in the test JVM (JDK HTTP server on a free loopback port), speaking the
 * real wire format: form-encoded grants, JSON token answers, {@code 400 {"error","error_description"}} on failure.
 * Used where a test needs to count or delay token calls, which the simulator does not expose.
 */
public final class FakeTokenEndpoint implements AutoCloseable {

    public static final String CLIENT_ID = "fake-client-id";
    public static final String CLIENT_SECRET = "fake-client-secret-XYZ";
    public static final String USERNAME = "user@fake.example";
    public static final String PASSWORD = "fake-password-123";
    public static final String SECURITY_TOKEN = "FAKETOKEN987";
    public static final String ORG_ID = "00D000000000001AAA";

    private final HttpServer server;
    private final AtomicInteger calls = new AtomicInteger();
    private final AtomicInteger issued = new AtomicInteger();
    private volatile CountDownLatch gate;
    private volatile boolean revoked;
    private volatile String lastGrantType;
    private final Map<String, String[]> codes = new java.util.concurrent.ConcurrentHashMap<>();
    private final java.util.Set<String> refreshTokens = java.util.concurrent.ConcurrentHashMap.newKeySet();

    /** The browser side of the web server flow: approves at once and redirects to the callback with a code. */
    private void authorize(HttpExchange ex) throws IOException {
        Map<String, String> q = parse(ex.getRequestURI().getRawQuery() == null ? "" : ex.getRequestURI().getRawQuery());
        if (!CLIENT_ID.equals(q.get("client_id")) || !"code".equals(q.get("response_type"))) {
            send(ex, 400, "{\"error\":\"invalid_client_id\"}");
            return;
        }
        String code = "code" + issued.incrementAndGet();
        codes.put(code, new String[] {q.get("redirect_uri"), q.get("code_challenge")});
        String location = q.get("redirect_uri") + "?code=" + code + "&state="
                + java.net.URLEncoder.encode(q.get("state"), StandardCharsets.UTF_8);
        ex.getResponseHeaders().add("Location", location);
        ex.sendResponseHeaders(302, -1);
        ex.close();
    }

    public FakeTokenEndpoint() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/services/oauth2/token", this::token);
        server.createContext("/services/oauth2/authorize", this::authorize);
        server.setExecutor(Executors.newCachedThreadPool());
        server.start();
    }

    /** Base URL, {@code http://127.0.0.1:<port>}. */
    public String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    /** Token calls so far. */
    public int calls() {
        return calls.get();
    }

    /** The grant type of the last call. */
    public String lastGrantType() {
        return lastGrantType;
    }

    /** Holds every token answer until {@link #release()}. */
    public void hold() {
        gate = new CountDownLatch(1);
    }

    /** Releases held answers. */
    public void release() {
        CountDownLatch g = gate;
        gate = null;
        if (g != null) {
            g.countDown();
        }
    }

    /** Makes every later grant fail with {@code invalid_grant}. */
    public void revoke(boolean r) {
        revoked = r;
    }

    private void token(HttpExchange ex) throws IOException {
        calls.incrementAndGet();
        Map<String, String> form = parse(new String(ex.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
        lastGrantType = form.get("grant_type");
        CountDownLatch g = gate;
        if (g != null) {
            try {
                g.await(10, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        boolean ok = !revoked && CLIENT_ID.equals(form.get("client_id"));
        if (ok && "password".equals(form.get("grant_type"))) {
            ok = CLIENT_SECRET.equals(form.get("client_secret")) && USERNAME.equals(form.get("username"))
                    && (PASSWORD + SECURITY_TOKEN).equals(form.get("password"));
        } else if (ok && "client_credentials".equals(form.get("grant_type"))) {
            ok = CLIENT_SECRET.equals(form.get("client_secret"));
        } else if (ok && "authorization_code".equals(form.get("grant_type"))) {
            String[] c = codes.remove(String.valueOf(form.get("code")));
            ok = c != null && CLIENT_SECRET.equals(form.get("client_secret")) && c[0].equals(form.get("redirect_uri"))
                    && (c[1] == null || (form.get("code_verifier") != null
                    && c[1].equals(io.sfinbound.configapi.oauth.WebServerFlow.challenge(form.get("code_verifier")))));
            if (ok) {
                String refresh = "RT" + issued.incrementAndGet();
                refreshTokens.add(refresh);
                send(ex, 200, tokenBody(refresh));
                return;
            }
        } else if (ok && "refresh_token".equals(form.get("grant_type"))) {
            ok = refreshTokens.contains(form.get("refresh_token"));
        } else if (ok) {
            ok = false;
        }
        if (!ok) {
            send(ex, 400, "{\"error\":\"invalid_grant\",\"error_description\":\"authentication failure\"}");
            return;
        }
        send(ex, 200, tokenBody(null));
    }

    private String tokenBody(String refreshToken) {
        return "{\"access_token\":\"" + ORG_ID.substring(0, 15) + "!AT" + issued.incrementAndGet() + "\","
                + (refreshToken == null ? "" : "\"refresh_token\":\"" + refreshToken + "\",")
                + "\"instance_url\":\"" + url() + "\","
                + "\"id\":\"" + url() + "/id/" + ORG_ID + "/005000000000001AAA\","
                + "\"token_type\":\"Bearer\",\"issued_at\":\"" + System.currentTimeMillis() + "\","
                + "\"signature\":\"c2lnbmF0dXJl\"}";
    }

    private static void send(HttpExchange ex, int status, String body) throws IOException {
        byte[] b = body.getBytes(StandardCharsets.UTF_8);
        ex.getResponseHeaders().add("Content-Type", "application/json");
        ex.sendResponseHeaders(status, b.length);
        try (OutputStream out = ex.getResponseBody()) {
            out.write(b);
        }
    }

    private static Map<String, String> parse(String form) {
        Map<String, String> m = new LinkedHashMap<>();
        for (String pair : form.split("&")) {
            int eq = pair.indexOf('=');
            if (eq > 0) {
                m.put(URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8),
                        URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
            }
        }
        return m;
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
