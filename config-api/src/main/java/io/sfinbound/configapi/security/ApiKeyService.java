package io.sfinbound.configapi.security;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.transaction.Transactional;

import io.quarkus.logging.Log;
import io.quarkus.runtime.StartupEvent;
import io.sfinbound.common.problem.ProblemException;
import io.sfinbound.configapi.config.ConfigApiConfig;

/**
 * Issues, verifies and revokes API keys. Keys are 256-bit random strings, so a single SHA-256 (not a slow password
 * hash) is enough to make a stolen table useless.
 */
@ApplicationScoped
public class ApiKeyService {

    /** The name of the key created from {@code SFINBOUND_BOOTSTRAP_ADMIN_KEY}. */
    public static final String BOOTSTRAP_NAME = "bootstrap-admin";
    private static final String KEY_PREFIX = "sfk_";
    private static final Duration LAST_USED_RESOLUTION = Duration.ofMinutes(5);

    private final SecureRandom random = new SecureRandom();
    private final ConfigApiConfig config;

    public ApiKeyService(ConfigApiConfig config) {
        this.config = config;
    }

    /** A key that was verified: who and which role. */
    public record Principal(String name, Role role) {
    }

    /** A newly issued key: the only moment the plain key is visible. */
    public record IssuedKey(ApiKey key, String plainKey) {
    }

    @Transactional
    void bootstrap(@Observes StartupEvent event) {
        Optional<String> bootstrap = config.security().bootstrapAdminKey().filter(k -> !k.isBlank());
        if (bootstrap.isEmpty()) {
            return;
        }
        Instant now = Instant.now();
        String hash = hash(bootstrap.get());
        ApiKey existing = ApiKey.find("keyHash", hash).firstResult();
        if (existing != null) {
            return;
        }
        boolean adminExists = ApiKey.<ApiKey>list("role", Role.ADMIN).stream().anyMatch(k -> k.activeAt(now));
        if (adminExists) {
            Log.info("an admin API key exists; the bootstrap admin key is not created");
            return;
        }
        persist(BOOTSTRAP_NAME, Role.ADMIN, null, "system", bootstrap.get());
        Log.info("created the bootstrap admin API key");
    }

    /** Verifies a presented key. */
    @Transactional
    public Optional<Principal> verify(String plainKey) {
        if (plainKey == null || plainKey.isBlank() || plainKey.length() > 512) {
            return Optional.empty();
        }
        ApiKey key = ApiKey.find("keyHash", hash(plainKey)).firstResult();
        Instant now = Instant.now();
        if (key == null || !key.activeAt(now)) {
            return Optional.empty();
        }
        if (key.lastUsedAt == null || key.lastUsedAt.isBefore(now.minus(LAST_USED_RESOLUTION))) {
            key.lastUsedAt = now;
        }
        return Optional.of(new Principal("key:" + key.name, key.role));
    }

    /** Issues a new key. */
    @Transactional
    public IssuedKey issue(String name, Role role, Instant expiresAt, String createdBy) {
        if (name == null || name.isBlank()) {
            throw ProblemException.badRequest("name", "must not be blank");
        }
        if (role == null) {
            throw ProblemException.badRequest("role", "must be one of VIEWER, JOB_MANAGER, ADMIN");
        }
        if (expiresAt != null && !expiresAt.isAfter(Instant.now())) {
            throw ProblemException.badRequest("expiresAt", "must be in the future");
        }
        byte[] bytes = new byte[32];
        random.nextBytes(bytes);
        String plain = KEY_PREFIX + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        return new IssuedKey(persist(name.trim(), role, expiresAt, createdBy, plain), plain);
    }

    /** Every key, newest first. */
    public List<ApiKey> findAll() {
        return ApiKey.list("order by id desc");
    }

    /** Revokes a key; revoking the last active admin key is refused so nobody locks the admins out. */
    @Transactional
    public ApiKey revoke(long id) {
        ApiKey key = ApiKey.findById(id);
        if (key == null) {
            throw ProblemException.notFound("API key " + id);
        }
        Instant now = Instant.now();
        if (key.role == Role.ADMIN && key.activeAt(now)) {
            long otherAdmins = ApiKey.<ApiKey>list("role", Role.ADMIN).stream()
                    .filter(k -> !k.id.equals(key.id) && k.activeAt(now)).count();
            if (otherAdmins == 0) {
                throw ProblemException.conflict("the last active admin key cannot be revoked");
            }
        }
        if (key.revokedAt == null) {
            key.revokedAt = now;
        }
        return key;
    }

    private ApiKey persist(String name, Role role, Instant expiresAt, String createdBy, String plain) {
        ApiKey key = new ApiKey();
        key.name = name;
        key.role = role;
        key.keyHash = hash(plain);
        key.keyPrefix = plain.substring(0, Math.min(8, plain.length()));
        key.createdBy = createdBy;
        key.createdAt = Instant.now();
        key.expiresAt = expiresAt;
        key.persist();
        return key;
    }

    /** SHA-256 of a key, hex. */
    public static String hash(String plainKey) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(plainKey.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from the JDK", e);
        }
    }
}
