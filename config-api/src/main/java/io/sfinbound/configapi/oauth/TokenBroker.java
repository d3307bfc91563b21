package io.sfinbound.configapi.oauth;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicLong;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;

import io.quarkus.logging.Log;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.sfinbound.configapi.config.ConfigApiConfig;
import io.sfinbound.configapi.connection.AuthFlow;
import io.sfinbound.configapi.connection.Connection;
import io.sfinbound.configapi.connection.ConnectionSecrets;
import io.sfinbound.configapi.connection.ConnectionService;
import io.sfinbound.configapi.connection.ConnectionStatus;
import io.sfinbound.configapi.connection.HostPolicy;

/**
 * Hands out short-lived access tokens per connection. Tokens are cached in memory only (never stored); a refresh is
 * single-flight per connection: concurrent callers wait for the one call to Salesforce. A rotated refresh token is
 * stored under a row lock in the same transaction that reads the old one, so two instances cannot lose it.
 */
@ApplicationScoped
public class TokenBroker {

    /** Tokens are refreshed this long before they would expire. */
    static final Duration EXPIRY_SKEW = Duration.ofSeconds(60);

    private final Map<Long, AccessToken> cache = new ConcurrentHashMap<>();
    private final Map<Long, CompletableFuture<AccessToken>> inflight = new ConcurrentHashMap<>();
    private final ConnectionService connections;
    private final SalesforceOAuthClient oauth;
    private final HostPolicy hosts;
    private final ConfigApiConfig config;
    private final Event<CredentialsInvalidEvent> invalidEvents;
    private final Clock clock = Clock.systemUTC();
    private final AtomicLong joined = new AtomicLong();

    public TokenBroker(ConnectionService connections, SalesforceOAuthClient oauth, HostPolicy hosts, ConfigApiConfig config,
            Event<CredentialsInvalidEvent> invalidEvents) {
        this.connections = connections;
        this.oauth = oauth;
        this.hosts = hosts;
        this.config = config;
        this.invalidEvents = invalidEvents;
    }

    /** Fired when Salesforce refuses a connection's credentials (notifications listen). */
    public record CredentialsInvalidEvent(long connectionId, String connectionName, String reason) {
    }

    /**
     * A valid access token.
     *
     * @param forceRefresh ignore the cached token (after a Salesforce {@code 401 INVALID_SESSION_ID})
     */
    public AccessToken token(long connectionId, boolean forceRefresh) {
        AccessToken cached = cache.get(connectionId);
        if (!forceRefresh && cached != null && cached.expiresAt().minus(EXPIRY_SKEW).isAfter(clock.instant())) {
            return cached;
        }
        CompletableFuture<AccessToken> mine = new CompletableFuture<>();
        CompletableFuture<AccessToken> running = inflight.putIfAbsent(connectionId, mine);
        if (running != null) {
            joined.incrementAndGet();
            return await(running);
        }
        try {
            AccessToken fresh = fetch(connectionId);
            cache.put(connectionId, fresh);
            mine.complete(fresh);
            return fresh;
        } catch (RuntimeException e) {
            mine.completeExceptionally(e);
            throw e;
        } finally {
            inflight.remove(connectionId, mine);
        }
    }

    /** How many callers so far waited for a refresh already in flight instead of calling Salesforce (statistics). */
    public long joinedRefreshes() {
        return joined.get();
    }

    /** Forgets the cached token of a connection (after an update or a delete). */
    public void evict(long connectionId) {
        cache.remove(connectionId);
    }

    private AccessToken await(CompletableFuture<AccessToken> running) {
        try {
            return running.get(config.tokens().httpTimeout().toMillis() * 2, TimeUnit.MILLISECONDS);
        } catch (ExecutionException | CompletionException e) {
            if (e.getCause() instanceof RuntimeException r) {
                throw r;
            }
            throw new IllegalStateException("token refresh failed", e.getCause());
        } catch (TimeoutException e) {
            throw new OAuthException("unavailable", "timed out waiting for the token refresh in progress", false);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new OAuthException("unavailable", "interrupted", false);
        }
    }

    private AccessToken fetch(long connectionId) {
        Snapshot s = QuarkusTransaction.requiringNew().call(() -> snapshot(connectionId));
        if (s.status == ConnectionStatus.INVALID) {
            throw CredentialsProblems.invalid(connectionId, "credentials were refused before"
                    + (s.statusMessage == null ? "" : " (" + s.statusMessage + ")") + "; update the connection");
        }
        if (s.status == ConnectionStatus.PENDING_AUTHORIZATION) {
            throw CredentialsProblems.invalid(connectionId, "not authorized yet; complete the web server flow at /api/connections/"
                    + connectionId + "/authorize");
        }
        String refusal = hosts.refusal(s.loginUrl);
        if (refusal != null) {
            throw CredentialsProblems.invalid(connectionId, "login URL " + refusal);
        }
        TokenResponse t;
        try {
            t = call(s);
        } catch (OAuthException e) {
            if (e.credentialsRejected()) {
                markInvalid(connectionId, e.error() + ": " + e.getMessage());
                throw CredentialsProblems.invalid(connectionId, e.error() + ": " + e.getMessage());
            }
            Log.warnf("token endpoint of connection %d failed: %s %s", connectionId, e.error(), e.getMessage());
            throw CredentialsProblems.unavailable(connectionId, e.getMessage());
        }
        String instanceRefusal = t.instanceUrl() == null ? "is missing" : hosts.refusal(t.instanceUrl());
        if (instanceRefusal != null) {
            throw CredentialsProblems.unavailable(connectionId, "instance URL from Salesforce " + instanceRefusal);
        }
        QuarkusTransaction.requiringNew().run(() -> {
            Connection c = connections.lockConnection(connectionId);
            if (t.refreshToken() != null && c.authFlow == AuthFlow.WEB_SERVER) {
                connections.storeRefreshToken(c, t.refreshToken()); // rotated
            }
            c.instanceUrl = HostPolicy.normalize(t.instanceUrl());
            c.orgId = t.orgId();
            if (c.status != ConnectionStatus.ACTIVE) {
                c.status = ConnectionStatus.ACTIVE;
                c.statusMessage = null;
            }
        });
        Instant expires = t.issuedAt().plus(config.tokens().ttl());
        if (!expires.isAfter(clock.instant().plus(EXPIRY_SKEW))) {
            expires = clock.instant().plus(config.tokens().ttl()); // the org's clock is behind ours
        }
        return new AccessToken(t.accessToken(), HostPolicy.normalize(t.instanceUrl()), t.orgId(), expires);
    }

    private TokenResponse call(Snapshot s) {
        ConnectionSecrets sec = s.secrets;
        return switch (s.flow) {
            case USERNAME_PASSWORD -> oauth.password(s.loginUrl, s.consumerKey, sec.consumerSecret(), s.username, sec.password(),
                    sec.securityToken());
            case CLIENT_CREDENTIALS -> oauth.clientCredentials(s.loginUrl, s.consumerKey, sec.consumerSecret());
            case JWT_BEARER -> oauth.jwtBearer(s.loginUrl, audience(s.loginUrl, s.sandbox), s.consumerKey, s.username,
                    sec.privateKeyPem());
            case WEB_SERVER -> {
                if (s.refreshToken == null) {
                    throw new OAuthException("no_refresh_token", "no refresh token stored; authorize again", true);
                }
                yield oauth.refresh(s.loginUrl, s.consumerKey, sec.consumerSecret(), s.refreshToken);
            }
        };
    }

    /** The JWT audience: Salesforce wants its login host, not the My Domain; other hosts (the simulator) get their URL. */
    static String audience(String loginUrl, boolean sandbox) {
        String host = java.net.URI.create(loginUrl).getHost();
        if (host.endsWith(".salesforce.com") || host.endsWith(".force.com")) {
            return sandbox || host.equals("test.salesforce.com") || host.contains(".sandbox.")
                    ? "https://test.salesforce.com" : "https://login.salesforce.com";
        }
        return loginUrl;
    }

    private void markInvalid(long connectionId, String reason) {
        cache.remove(connectionId);
        String name = QuarkusTransaction.requiringNew().call(() -> {
            Connection c = connections.lockConnection(connectionId);
            boolean first = c.status != ConnectionStatus.INVALID;
            c.status = ConnectionStatus.INVALID;
            c.statusMessage = reason.length() > 500 ? reason.substring(0, 500) : reason;
            return first ? c.name : null;
        });
        Log.warnf("connection %d: Salesforce refused the credentials (%s)", connectionId, reason);
        if (name != null) {
            invalidEvents.fire(new CredentialsInvalidEvent(connectionId, name, reason));
        }
    }

    private Snapshot snapshot(long connectionId) {
        Connection c = connections.findConnection(connectionId);
        return new Snapshot(c.authFlow, c.loginUrl, c.consumerKey, c.username, c.sandbox, c.status, c.statusMessage,
                connections.secrets(c), connections.refreshToken(c));
    }

    private record Snapshot(AuthFlow flow, String loginUrl, String consumerKey, String username, boolean sandbox,
            ConnectionStatus status, String statusMessage, ConnectionSecrets secrets, String refreshToken) {
        @Override
        public String toString() {
            return "Snapshot[redacted]";
        }
    }
}
