package io.sfinbound.configapi.support;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

import com.sun.net.httpserver.HttpServer;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import org.jose4j.jwk.JsonWebKeySet;
import org.jose4j.jwk.RsaJsonWebKey;
import org.jose4j.jwk.RsaJwkGenerator;
import org.jose4j.jws.AlgorithmIdentifiers;
import org.jose4j.jws.JsonWebSignature;
import org.jose4j.jwt.JwtClaims;
import org.jose4j.jwt.NumericDate;
import org.jose4j.lang.JoseException;

/**
 * An identity provider in the test JVM: a JDK HttpServer serving a JWKS of RSA keys (more can be published while
 * the test runs, as a key rotation would), and tokens signed with them. Turns on config-api's JWT authentication.
 */
public class JwksTestResource implements QuarkusTestResourceLifecycleManager {

    public static final String ISSUER = "https://idp.test/realms/sfinbound";
    public static final String AUDIENCE = "sfinbound-config-api";

    private static final List<RsaJsonWebKey> PUBLISHED = new CopyOnWriteArrayList<>();
    private static final AtomicInteger FETCHES = new AtomicInteger();
    private static HttpServer server;

    @Override
    public Map<String, String> start() {
        try {
            PUBLISHED.add(newKey("key-1"));
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
            server.createContext("/jwks", exchange -> {
                FETCHES.incrementAndGet();
                byte[] body = new JsonWebKeySet(List.copyOf(PUBLISHED)).toJson().getBytes(StandardCharsets.UTF_8);
                exchange.getResponseHeaders().add("Content-Type", "application/json");
                exchange.sendResponseHeaders(200, body.length);
                try (OutputStream out = exchange.getResponseBody()) {
                    out.write(body);
                }
            });
            server.start();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        return Map.of("sfinbound.auth.jwt.jwks-url", "http://127.0.0.1:" + server.getAddress().getPort() + "/jwks",
                "sfinbound.auth.jwt.issuer", ISSUER,
                "sfinbound.auth.jwt.audience", AUDIENCE,
                "sfinbound.auth.jwt.role-claim", "realm_access.roles",
                // the key rotation test publishes a new key right after a fetch: no reprieve, or it would wait 300 ms
                "sfinbound.auth.jwt.jwks-refetch-reprieve", "PT0S");
    }

    @Override
    public void stop() {
        if (server != null) {
            server.stop(0);
        }
    }

    /** A new RSA key (not published). */
    public static RsaJsonWebKey newKey(String kid) {
        try {
            RsaJsonWebKey k = RsaJwkGenerator.generateJwk(2048);
            k.setKeyId(kid);
            k.setAlgorithm(AlgorithmIdentifiers.RSA_USING_SHA256);
            return k;
        } catch (JoseException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Publishes a key in the JWKS (a rotation at the identity provider). */
    public static void publish(RsaJsonWebKey key) {
        PUBLISHED.add(key);
    }

    /** The first published key. */
    public static RsaJsonWebKey publishedKey() {
        return PUBLISHED.get(0);
    }

    /** How often the JWKS was fetched. */
    public static int fetches() {
        return FETCHES.get();
    }

    /** Claims of a token valid now for a minute, with the roles given. */
    public static JwtClaims claims(String subject, String... roles) {
        JwtClaims c = new JwtClaims();
        c.setIssuer(ISSUER);
        c.setAudience(AUDIENCE);
        c.setSubject(subject);
        c.setIssuedAtToNow();
        c.setExpirationTime(NumericDate.fromSeconds(Instant.now().plusSeconds(60).getEpochSecond()));
        c.setClaim("realm_access", Map.of("roles", List.of(roles)));
        return c;
    }

    /** Signs claims with a key (RS256, its kid in the header). */
    public static String sign(JwtClaims claims, RsaJsonWebKey key) {
        try {
            JsonWebSignature jws = new JsonWebSignature();
            jws.setPayload(claims.toJson());
            jws.setKey(key.getPrivateKey());
            jws.setKeyIdHeaderValue(key.getKeyId());
            jws.setAlgorithmHeaderValue(AlgorithmIdentifiers.RSA_USING_SHA256);
            return jws.getCompactSerialization();
        } catch (JoseException e) {
            throw new IllegalStateException(e);
        }
    }
}
