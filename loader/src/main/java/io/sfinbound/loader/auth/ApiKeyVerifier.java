package io.sfinbound.loader.auth;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.ProcessingException;
import jakarta.ws.rs.WebApplicationException;

import io.quarkus.logging.Log;
import io.sfinbound.common.problem.ProblemException;
import io.sfinbound.loader.config.ConfigApiRestClient;
import io.sfinbound.loader.config.ConfigApiRestClient.VerifiedKey;
import io.sfinbound.loader.config.ConfigApiRestClient.VerifyRequest;
import io.sfinbound.loader.config.LoaderConfig;
import org.eclipse.microprofile.rest.client.inject.RestClient;

/**
 * Authenticates {@code /api} callers by their {@code X-API-Key} through config-api's {@code POST /internal/auth/verify},
 * so the loader never holds key hashes. Verified keys are cached briefly, by their SHA-256 so the raw key is not kept.
 */
@ApplicationScoped
public class ApiKeyVerifier {

    public static final String HEADER = "X-API-Key";

    private final ConfigApiRestClient client;
    private final LoaderConfig config;
    private final ConcurrentMap<String, Cached> cache = new ConcurrentHashMap<>();

    public ApiKeyVerifier(@RestClient ConfigApiRestClient client, LoaderConfig config) {
        this.client = client;
        this.config = config;
    }

    /**
     * Checks the key and its role.
     *
     * @return the principal, {@code anonymous} when authentication is switched off
     * @throws ProblemException 401 for a missing or unknown key, 403 for a too weak role, 503 when config-api is down
     */
    public String require(String apiKey, Role required) {
        if (!config.auth().enabled()) {
            return "anonymous";
        }
        if (apiKey == null || apiKey.isBlank()) {
            throw unauthorized("missing " + HEADER + " header");
        }
        String digest = sha256(apiKey);
        Cached cached = cache.get(digest);
        if (cached == null || cached.expiresAt.isBefore(Instant.now())) {
            cached = verify(apiKey);
            cache.put(digest, cached);
            if (cache.size() > 10_000) {
                cache.values().removeIf(c -> c.expiresAt.isBefore(Instant.now()));
            }
        }
        if (!cached.role.covers(required)) {
            throw new ProblemException(403, "Forbidden", "role " + required + " required", List.of());
        }
        return cached.principal;
    }

    private Cached verify(String apiKey) {
        try {
            VerifiedKey key = client.verify(config.serviceKey(), new VerifyRequest(apiKey));
            Role role;
            try {
                role = Role.valueOf(key.role());
            } catch (IllegalArgumentException | NullPointerException e) {
                Log.warnf("config-api returned unknown role %s for %s", key.role(), key.principal());
                throw unauthorized("invalid " + HEADER);
            }
            return new Cached(key.principal(), role, Instant.now().plus(config.auth().cacheTtl()));
        } catch (WebApplicationException e) {
            if (e.getResponse().getStatus() == 401 || e.getResponse().getStatus() == 403) {
                throw unauthorized("invalid " + HEADER);
            }
            Log.warnf("config-api answered %d to a key verification", e.getResponse().getStatus());
            throw unavailable();
        } catch (ProcessingException e) {
            Log.warnf("config-api unreachable for a key verification: %s", e.getMessage());
            throw unavailable();
        }
    }

    private static ProblemException unauthorized(String detail) {
        return new ProblemException(401, "Unauthorized", detail, List.of());
    }

    private static ProblemException unavailable() {
        return new ProblemException(503, "Service Unavailable", "cannot verify the API key now; retry later", List.of());
    }

    private static String sha256(String s) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private record Cached(String principal, Role role, Instant expiresAt) {
    }
}
