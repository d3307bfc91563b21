package io.sfinbound.sim.auth;

import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.enterprise.context.ApplicationScoped;

import io.sfinbound.sim.SimConfig;

/** Issued access tokens, refresh tokens and authorization codes (in memory; a restart logs everyone out). */
@ApplicationScoped
public class Sessions {

    /** An access token's session. */
    public record Session(String accessToken, Directory.User user, Directory.App app, String instanceUrl, String scope,
                          Instant issuedAt, Instant expiresAt, String refreshToken) {
    }

    /** A refresh token. */
    public record Refresh(String token, Directory.User user, Directory.App app, String instanceUrl, String scope, Instant issuedAt) {
    }

    /** An authorization code of the web-server flow. */
    public record Code(String code, Directory.User user, Directory.App app, String redirectUri, String codeChallenge,
                       String instanceUrl, String scope, Instant expiresAt) {
    }

    private static final String ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";
    private final SecureRandom random = new SecureRandom();
    private final Map<String, Session> access = new ConcurrentHashMap<>();
    private final Map<String, Refresh> refresh = new ConcurrentHashMap<>();
    private final Map<String, Code> codes = new ConcurrentHashMap<>();
    /** Approvals given on the consent page: user id + app key. */
    private final Set<String> approvals = ConcurrentHashMap.newKeySet();
    /** Browser sessions of the login page ({@code sid} cookie) by cookie value. */
    private final Map<String, Directory.User> browser = new ConcurrentHashMap<>();
    /** Consent pages shown and not yet answered, by their one-time id. */
    private final Map<String, Pending> pending = new ConcurrentHashMap<>();
    private final Duration timeout;
    private final Duration codeTimeout;

    public Sessions(SimConfig config) {
        this.timeout = config.session().timeout();
        this.codeTimeout = config.session().codeTimeout();
    }

    String randomString(int n) {
        StringBuilder b = new StringBuilder(n);
        for (int i = 0; i < n; i++) {
            b.append(ALPHABET.charAt(random.nextInt(ALPHABET.length())));
        }
        return b.toString();
    }

    /** A consent page waiting for Allow or Deny: what the authorize request asked for, after the login. */
    public record Pending(String id, Directory.User user, Directory.App app, String redirectUri, String state, String scope,
                          String codeChallenge, String instanceUrl, Instant expiresAt) {
    }

    /** Remembers that the user approved the app (consent page "Allow"). */
    public void approve(Directory.User user, Directory.App app) {
        approvals.add(user.id() + "/" + app.key());
    }

    /** Whether the user approved the app before. */
    public boolean approved(Directory.User user, Directory.App app) {
        return approvals.contains(user.id() + "/" + app.key());
    }

    /** Starts a browser session for the login page; the value goes into the {@code sid} cookie. */
    public String browserLogin(Directory.User user) {
        String sid = user.org().id15() + "!" + randomString(48);
        browser.put(sid, user);
        return sid;
    }

    /** The user of a browser session cookie. */
    public Optional<Directory.User> browserUser(String sid) {
        return sid == null ? Optional.empty() : Optional.ofNullable(browser.get(sid));
    }

    /** Records a consent page shown; its id is the page's hidden one-time field. */
    public Pending pendingConsent(Directory.User user, Directory.App app, String redirectUri, String state, String scope,
                                  String challenge, String instanceUrl) {
        Pending p = new Pending(randomString(40), user, app, redirectUri, state, scope, challenge, instanceUrl, Instant.now().plus(codeTimeout));
        pending.put(p.id(), p);
        return p;
    }

    /** Takes a pending consent (single use; expired ones are gone). */
    public Optional<Pending> takeConsent(String id) {
        Pending p = id == null ? null : pending.remove(id);
        return p == null || p.expiresAt().isBefore(Instant.now()) ? Optional.empty() : Optional.of(p);
    }

    /** Issues an access token ({@code <15-char org id>!<opaque>}, as Salesforce's). */
    public Session issue(Directory.User user, Directory.App app, String instanceUrl, String scope, String refreshToken) {
        Instant now = Instant.now();
        String token = user.org().id15() + "!AQ" + randomString(2) + "AQ" + randomString(96).replace('a', '.').replace('b', '_');
        Session s = new Session(token, user, app, instanceUrl, scope, now, now.plus(timeout), refreshToken);
        access.put(token, s);
        return s;
    }

    /** Issues a refresh token. */
    public Refresh issueRefresh(Directory.User user, Directory.App app, String instanceUrl, String scope) {
        Refresh r = new Refresh("5Aep861" + randomString(80), user, app, instanceUrl, scope, Instant.now());
        refresh.put(r.token(), r);
        return r;
    }

    /** Issues an authorization code. */
    public Code issueCode(Directory.User user, Directory.App app, String redirectUri, String challenge, String instanceUrl, String scope) {
        Code c = new Code("aPrx" + randomString(60), user, app, redirectUri, challenge, instanceUrl, scope, Instant.now().plus(codeTimeout));
        codes.put(c.code(), c);
        return c;
    }

    /** Takes a code (single use). */
    public Optional<Code> takeCode(String code) {
        return code == null ? Optional.empty() : Optional.ofNullable(codes.remove(code));
    }

    /** The live session of an access token. */
    public Optional<Session> session(String token) {
        if (token == null) {
            return Optional.empty();
        }
        Session s = access.get(token);
        if (s == null) {
            return Optional.empty();
        }
        if (s.expiresAt().isBefore(Instant.now())) {
            access.remove(token);
            return Optional.empty();
        }
        return Optional.of(s);
    }

    public Optional<Refresh> refresh(String token) {
        return token == null ? Optional.empty() : Optional.ofNullable(refresh.get(token));
    }

    /** Invalidates a refresh token (rotation) without touching its access tokens. */
    public void dropRefresh(String token) {
        refresh.remove(token);
    }

    /** Revokes an access token, or a refresh token with every access token issued from it; false if unknown. */
    public boolean revoke(String token) {
        if (token == null) {
            return false;
        }
        if (access.remove(token) != null) {
            return true;
        }
        if (refresh.remove(token) != null) {
            access.values().removeIf(s -> token.equals(s.refreshToken()));
            return true;
        }
        return false;
    }

    /** Expires every access token (refresh tokens stay valid): the next call of every client gets a 401. */
    public int expireAll() {
        int n = access.size();
        access.clear();
        return n;
    }

    /** Revokes everything: refresh tokens, codes, browser sessions and the users' app approvals included. */
    public void revokeAll() {
        access.clear();
        refresh.clear();
        codes.clear();
        approvals.clear();
        browser.clear();
        pending.clear();
    }
}
