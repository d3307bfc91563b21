package io.sfinbound.extractor.salesforce;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.logging.Log;
import io.sfinbound.extractor.configapi.AccessToken;
import io.sfinbound.extractor.configapi.ConfigApiClient;

/**
 * Access tokens per connection, from config-api. A token is reused by every run of the connection until it nears its
 * expiry or Salesforce rejects it; a rejection forces one refresh, unless another run already replaced the token.
 */
@ApplicationScoped
public class TokenProvider {

    private static final Duration EXPIRY_MARGIN = Duration.ofMinutes(1);

    private final ConfigApiClient configApi;
    private final Map<Long, AccessToken> tokens = new ConcurrentHashMap<>();

    public TokenProvider(ConfigApiClient configApi) {
        this.configApi = configApi;
    }

    /** The cached token of the connection, or a new one. */
    public AccessToken current(long connectionId) {
        AccessToken t = tokens.get(connectionId);
        if (t != null && (t.expiresAt() == null || Instant.now().plus(EXPIRY_MARGIN).isBefore(t.expiresAt()))) {
            return t;
        }
        synchronized (lock(connectionId)) {
            t = tokens.get(connectionId);
            if (t != null && (t.expiresAt() == null || Instant.now().plus(EXPIRY_MARGIN).isBefore(t.expiresAt()))) {
                return t;
            }
            AccessToken fresh = configApi.token(connectionId, false);
            tokens.put(connectionId, fresh);
            return fresh;
        }
    }

    /** A token to replace {@code rejected}, which Salesforce answered with {@code INVALID_SESSION_ID}. */
    public AccessToken refresh(long connectionId, AccessToken rejected) {
        synchronized (lock(connectionId)) {
            AccessToken t = tokens.get(connectionId);
            if (t != null && !t.accessToken().equals(rejected.accessToken())) {
                return t;
            }
            Log.infof("Salesforce rejected the session of connection %d; asking config-api for a refreshed token", connectionId);
            AccessToken fresh = configApi.token(connectionId, true);
            tokens.put(connectionId, fresh);
            return fresh;
        }
    }

    private final Map<Long, Object> locks = new ConcurrentHashMap<>();

    private Object lock(long connectionId) {
        return locks.computeIfAbsent(connectionId, c -> new Object());
    }
}
