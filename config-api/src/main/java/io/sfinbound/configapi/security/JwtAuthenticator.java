package io.sfinbound.configapi.security;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.logging.Log;
import io.quarkus.runtime.Startup;
import io.sfinbound.configapi.config.ConfigApiConfig;
import org.jose4j.jwa.AlgorithmConstraints;
import org.jose4j.jwk.HttpsJwks;
import org.jose4j.jws.AlgorithmIdentifiers;
import org.jose4j.jwt.JwtClaims;
import org.jose4j.jwt.consumer.InvalidJwtException;
import org.jose4j.jwt.consumer.JwtConsumer;
import org.jose4j.jwt.consumer.JwtConsumerBuilder;
import org.jose4j.keys.resolvers.HttpsJwksVerificationKeyResolver;

/**
 * Verifies JWT bearer tokens with jose4j: the signature against the configured JWKS ({@link HttpsJwks} caches it and
 * the resolver fetches it again when a token names an unknown {@code kid}), asymmetric algorithms only, {@code exp}
 * required, {@code nbf}, {@code iss} and {@code aud}; the role is the highest one the role claim grants.
 */
@ApplicationScoped
@Startup
public class JwtAuthenticator {

    private final ConfigApiConfig.Jwt config;
    private JwtConsumer consumer;

    public JwtAuthenticator(ConfigApiConfig config) {
        this.config = config.auth().jwt();
    }

    @PostConstruct
    void init() {
        Optional<String> url = config.jwksUrl().filter(u -> !u.isBlank());
        if (url.isEmpty()) {
            return;
        }
        String issuer = config.issuer().filter(s -> !s.isBlank())
                .orElseThrow(() -> new IllegalStateException("sfinbound.auth.jwt.issuer is required with sfinbound.auth.jwt.jwks-url"));
        String audience = config.audience().filter(s -> !s.isBlank())
                .orElseThrow(() -> new IllegalStateException("sfinbound.auth.jwt.audience is required with sfinbound.auth.jwt.jwks-url"));
        HttpsJwks jwks = new HttpsJwks(url.get());
        jwks.setDefaultCacheDuration(config.jwksCacheDuration().toSeconds());
        jwks.setRetainCacheOnErrorDuration(config.jwksCacheDuration().toSeconds());
        jwks.setRefreshReprieveThreshold(config.jwksRefetchReprieve().toMillis());
        consumer = new JwtConsumerBuilder()
                .setRequireExpirationTime()
                .setAllowedClockSkewInSeconds((int) config.clockSkew().toSeconds())
                .setExpectedIssuer(issuer)
                .setExpectedAudience(audience)
                .setVerificationKeyResolver(new HttpsJwksVerificationKeyResolver(jwks))
                .setJwsAlgorithmConstraints(AlgorithmConstraints.ConstraintType.PERMIT,
                        AlgorithmIdentifiers.RSA_USING_SHA256, AlgorithmIdentifiers.RSA_USING_SHA384, AlgorithmIdentifiers.RSA_USING_SHA512,
                        AlgorithmIdentifiers.RSA_PSS_USING_SHA256, AlgorithmIdentifiers.RSA_PSS_USING_SHA384,
                        AlgorithmIdentifiers.RSA_PSS_USING_SHA512, AlgorithmIdentifiers.ECDSA_USING_P256_CURVE_AND_SHA256,
                        AlgorithmIdentifiers.ECDSA_USING_P384_CURVE_AND_SHA384, AlgorithmIdentifiers.ECDSA_USING_P521_CURVE_AND_SHA512)
                .build();
        Log.infof("JWT bearer authentication on: issuer %s, audience %s, JWKS %s", issuer, audience, url.get());
    }

    /** Whether bearer tokens are accepted. */
    public boolean enabled() {
        return consumer != null;
    }

    /** The outcome of a token: a principal with a role, a valid token without a role, or an invalid token. */
    public record Result(ApiKeyService.Principal principal, boolean valid, String reason) {
    }

    /** Verifies a token; never throws. */
    public Result verify(String token) {
        if (consumer == null) {
            return new Result(null, false, "bearer tokens are not accepted here; use X-API-Key");
        }
        JwtClaims claims;
        try {
            claims = consumer.processToClaims(token);
        } catch (InvalidJwtException e) {
            // jose4j's message names the failed check (expired, audience, signature...) and never the key material
            return new Result(null, false, "invalid bearer token: " + reason(e));
        } catch (RuntimeException e) {
            return new Result(null, false, "invalid bearer token");
        }
        String name = String.valueOf(claims.getClaimValue(config.principalClaim()));
        Role role = role(claims.getClaimsMap());
        return new Result(role == null ? null : new ApiKeyService.Principal("jwt:" + name, role), true,
                role == null ? "the token grants no sfinbound role in claim '" + config.roleClaim() + "'" : null);
    }

    private static String reason(InvalidJwtException e) {
        if (e.getErrorDetails() != null && !e.getErrorDetails().isEmpty()) {
            List<String> parts = new ArrayList<>();
            e.getErrorDetails().forEach(d -> parts.add(d.getErrorMessage()));
            String r = String.join("; ", parts);
            return r.length() > 300 ? r.substring(0, 300) + "..." : r;
        }
        return "rejected";
    }

    /** The highest role granted by the role claim, or null. */
    Role role(Map<String, Object> claims) {
        Object value = claims;
        for (String part : config.roleClaim().split("\\.")) {
            value = value instanceof Map<?, ?> m ? m.get(part) : null;
        }
        List<String> values = new ArrayList<>();
        if (value instanceof String s) {
            values.addAll(List.of(s.split("[ ,]+")));
        } else if (value instanceof List<?> l) {
            l.forEach(v -> values.add(String.valueOf(v)));
        }
        Role best = null;
        for (String v : values) {
            Role r = grant(v.trim().toLowerCase(Locale.ROOT));
            if (r != null && (best == null || r.covers(best))) {
                best = r;
            }
        }
        return best;
    }

    private Role grant(String v) {
        if (matches(config.adminValues(), v)) {
            return Role.ADMIN;
        }
        if (matches(config.jobManagerValues(), v)) {
            return Role.JOB_MANAGER;
        }
        return matches(config.viewerValues(), v) ? Role.VIEWER : null;
    }

    private static boolean matches(List<String> values, String v) {
        return values.stream().anyMatch(x -> x.trim().equalsIgnoreCase(v));
    }
}
