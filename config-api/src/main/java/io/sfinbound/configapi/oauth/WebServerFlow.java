package io.sfinbound.configapi.oauth;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.Base64;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;

import io.quarkus.logging.Log;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.sfinbound.common.problem.ProblemException;
import io.sfinbound.configapi.config.ConfigApiConfig;
import io.sfinbound.configapi.connection.AuthFlow;
import io.sfinbound.configapi.connection.Connection;
import io.sfinbound.configapi.connection.ConnectionSecrets;
import io.sfinbound.configapi.connection.ConnectionService;
import io.sfinbound.configapi.connection.ConnectionStatus;
import io.sfinbound.configapi.connection.HostPolicy;
import io.sfinbound.configapi.crypto.SecretCipher;
import io.sfinbound.configapi.security.ApiKeyService;

/**
 * The OAuth 2.0 web server (authorization code) flow. {@link #begin} makes a single-use state (256 random bits,
 * stored hashed, valid for minutes) bound both to the connection and principal that asked and to the asking browser
 * (a random binding value in an HttpOnly cookie, stored hashed), and optionally a PKCE S256 verifier (stored
 * encrypted). {@link #complete} accepts the callback only with the same state and browser, exchanges the code, and
 * stores the refresh token encrypted.
 */
@ApplicationScoped
public class WebServerFlow {

    /** The callback path registered in the connected app. */
    public static final String CALLBACK_PATH = "/api/oauth/callback";
    /** The browser binding cookie. */
    public static final String BINDING_COOKIE = "sfinbound_oauth";

    private final SecureRandom random = new SecureRandom();
    private final ConnectionService connections;
    private final SalesforceOAuthClient oauth;
    private final SecretCipher cipher;
    private final HostPolicy hosts;
    private final ConfigApiConfig config;
    private final TokenBroker broker;

    public WebServerFlow(ConnectionService connections, SalesforceOAuthClient oauth, SecretCipher cipher, HostPolicy hosts,
            ConfigApiConfig config, TokenBroker broker) {
        this.connections = connections;
        this.oauth = oauth;
        this.cipher = cipher;
        this.hosts = hosts;
        this.config = config;
        this.broker = broker;
    }

    /** Where to send the browser, and the binding cookie value to set. */
    public record Start(String authorizationUrl, String binding, Instant expiresAt) {
        @Override
        public String toString() {
            return "Start[" + authorizationUrl.replaceAll("state=[^&]*", "state=...") + "]";
        }
    }

    /** The outcome of a callback. */
    public record Outcome(long connectionId, String connectionName) {
    }

    /**
     * Starts an authorization.
     *
     * @param ownBaseUrl this service's base URL as the request reached it, for the default redirect URI
     */
    public Start begin(long connectionId, String principal, String ownBaseUrl) {
        return QuarkusTransaction.requiringNew().call(() -> {
            Connection c = connections.findConnection(connectionId);
            if (c.authFlow != AuthFlow.WEB_SERVER) {
                throw ProblemException.conflict("connection " + connectionId + " uses " + c.authFlow + ", not WEB_SERVER");
            }
            String refusal = hosts.refusal(c.loginUrl);
            if (refusal != null) {
                throw ProblemException.badRequest("loginUrl", refusal);
            }
            String state = randomToken();
            String binding = randomToken();
            String verifier = c.usePkce ? randomToken() + randomToken() : null;
            String redirectUri = config.oauth().redirectUri().filter(s -> !s.isBlank())
                    .orElse(ownBaseUrl.replaceAll("/+$", "") + CALLBACK_PATH);
            Instant now = Instant.now();
            OAuthState s = new OAuthState();
            s.stateHash = ApiKeyService.hash(state);
            s.connectionId = connectionId;
            s.principal = principal;
            s.bindingHash = ApiKeyService.hash(binding);
            s.codeVerifierEnc = verifier == null ? null : cipher.encrypt(verifier, "oauth-state/" + s.stateHash);
            s.redirectUri = redirectUri;
            s.createdAt = now;
            s.expiresAt = now.plus(config.oauth().stateTtl());
            s.persist();
            OAuthState.delete("expiresAt < ?1", now.minus(config.oauth().stateTtl())); // housekeeping
            StringBuilder url = new StringBuilder(c.loginUrl).append(SalesforceOAuthClient.AUTHORIZE_PATH)
                    .append("?response_type=code")
                    .append("&client_id=").append(enc(c.consumerKey))
                    .append("&redirect_uri=").append(enc(redirectUri))
                    .append("&scope=").append(enc(config.oauth().scope()))
                    .append("&state=").append(enc(state));
            if (verifier != null) {
                url.append("&code_challenge=").append(enc(challenge(verifier))).append("&code_challenge_method=S256");
            }
            return new Start(url.toString(), binding, s.expiresAt);
        });
    }

    /**
     * Completes an authorization from the callback.
     *
     * @throws ProblemException 400 for an unknown, used, expired or foreign state, a Salesforce error, or a refused code
     */
    public Outcome complete(String code, String state, String error, String errorDescription, String binding) {
        if (state == null || state.isBlank()) {
            throw ProblemException.badRequest("state", "is missing");
        }
        Claimed claimed = QuarkusTransaction.requiringNew().call(() -> {
            OAuthState s = OAuthState.findById(ApiKeyService.hash(state), LockModeType.PESSIMISTIC_WRITE);
            Instant now = Instant.now();
            if (s == null || s.usedAt != null || s.expiresAt.isBefore(now)) {
                throw ProblemException.badRequest("state", "is unknown, used or expired; start the authorization again");
            }
            if (binding == null || !MessageDigest.isEqual(ApiKeyService.hash(binding).getBytes(StandardCharsets.UTF_8),
                    s.bindingHash.getBytes(StandardCharsets.UTF_8))) {
                throw ProblemException.badRequest("state", "was issued to another browser");
            }
            s.usedAt = now; // single use, even when the exchange below fails
            String verifier = s.codeVerifierEnc == null ? null : cipher.decrypt(s.codeVerifierEnc, "oauth-state/" + s.stateHash);
            Connection c = connections.findConnection(s.connectionId);
            return new Claimed(c.id, c.name, c.loginUrl, c.consumerKey, connections.secrets(c), s.redirectUri, verifier, s.principal);
        });
        if (error != null) {
            throw ProblemException.badRequest("error", "Salesforce refused the authorization: " + error
                    + (errorDescription == null ? "" : " (" + errorDescription + ")"));
        }
        if (code == null || code.isBlank()) {
            throw ProblemException.badRequest("code", "is missing");
        }
        TokenResponse t;
        try {
            t = oauth.authorizationCode(claimed.loginUrl, claimed.consumerKey, claimed.secrets.consumerSecret(), code,
                    claimed.redirectUri, claimed.verifier);
        } catch (OAuthException e) {
            throw ProblemException.badRequest("code", "the code exchange failed: " + e.error() + " (" + e.getMessage() + ")");
        }
        if (t.refreshToken() == null) {
            throw ProblemException.badRequest("code", "Salesforce issued no refresh token; add the refresh_token scope to the connected app");
        }
        String instanceRefusal = t.instanceUrl() == null ? "is missing" : hosts.refusal(t.instanceUrl());
        if (instanceRefusal != null) {
            throw ProblemException.badRequest("instanceUrl", "from Salesforce " + instanceRefusal);
        }
        QuarkusTransaction.requiringNew().run(() -> {
            Connection c = connections.lockConnection(claimed.connectionId);
            connections.storeRefreshToken(c, t.refreshToken());
            c.instanceUrl = HostPolicy.normalize(t.instanceUrl());
            c.orgId = t.orgId();
            c.status = ConnectionStatus.ACTIVE;
            c.statusMessage = null;
            c.invalidNotifiedAt = null;
            c.updatedAt = Instant.now();
        });
        broker.evict(claimed.connectionId);
        Log.infof("connection %d authorized by %s (web server flow)", claimed.connectionId, claimed.principal);
        return new Outcome(claimed.connectionId, claimed.name);
    }

    private record Claimed(long connectionId, String name, String loginUrl, String consumerKey, ConnectionSecrets secrets,
            String redirectUri, String verifier, String principal) {
        @Override
        public String toString() {
            return "Claimed[" + connectionId + ", redacted]";
        }
    }

    /** The PKCE S256 challenge of a verifier. */
    public static String challenge(String verifier) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(verifier.getBytes(StandardCharsets.US_ASCII));
            return Base64.getUrlEncoder().withoutPadding().encodeToString(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private String randomToken() {
        byte[] b = new byte[32];
        random.nextBytes(b);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(b);
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }
}
