package io.sfinbound.configapi.connection;

import java.security.KeyFactory;
import java.security.spec.PKCS8EncodedKeySpec;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;

import com.fasterxml.jackson.core.JsonProcessingException;
import io.sfinbound.common.kafka.Json;
import io.sfinbound.common.problem.Problem;
import io.sfinbound.common.problem.ProblemException;
import io.sfinbound.configapi.crypto.SecretCipher;

/** Connections: validation, encrypted secrets, status. */
@ApplicationScoped
public class ConnectionService {

    static final String DEFAULT_LOGIN_URL = "https://login.salesforce.com";
    static final String DEFAULT_SANDBOX_LOGIN_URL = "https://test.salesforce.com";

    private final SecretCipher cipher;
    private final HostPolicy hosts;

    public ConnectionService(SecretCipher cipher, HostPolicy hosts) {
        this.cipher = cipher;
        this.hosts = hosts;
    }

    /** Creates a connection. */
    @Transactional
    public Connection persistConnection(ConnectionRequest r) {
        if (r == null) {
            throw ProblemException.badRequest("body", "a JSON body is required");
        }
        Connection c = new Connection();
        c.createdAt = Instant.now();
        apply(c, r, r.secrets(), true);
        c.persist();
        c.secretsEnc = cipher.encrypt(toJson(r.secrets()), c.secretsAad()); // the AAD needs the id
        return c;
    }

    /** Replaces a connection's settings; secrets left out keep their values. A change of flow or account clears the refresh token. */
    @Transactional
    public Connection replaceConnection(long id, ConnectionRequest r) {
        if (r == null) {
            throw ProblemException.badRequest("body", "a JSON body is required");
        }
        Connection c = findConnection(id);
        ConnectionSecrets merged = secrets(c).merge(r.secrets());
        java.time.LocalDate expiryBefore = c.expirationDate;
        AuthFlow before = c.authFlow;
        String loginBefore = c.loginUrl;
        String userBefore = c.username;
        String keyBefore = c.consumerKey;
        apply(c, r, merged, false);
        c.secretsEnc = cipher.encrypt(toJson(merged), c.secretsAad());
        if (!java.util.Objects.equals(expiryBefore, c.expirationDate)) {
            c.expiryNotifiedOn = null; // a new expiration date gets its own notification
        }
        boolean accountChanged = before != c.authFlow || !loginBefore.equals(c.loginUrl)
                || !java.util.Objects.equals(userBefore, c.username) || !keyBefore.equals(c.consumerKey);
        if (accountChanged) {
            c.refreshTokenEnc = null;
            c.instanceUrl = null;
            c.orgId = null;
        }
        if (accountChanged || r.secrets().password() != null || r.secrets().consumerSecret() != null
                || r.secrets().privateKeyPem() != null || r.secrets().securityToken() != null) {
            c.status = c.authFlow == AuthFlow.WEB_SERVER && c.refreshTokenEnc == null
                    ? ConnectionStatus.PENDING_AUTHORIZATION : ConnectionStatus.ACTIVE;
            c.statusMessage = null;
            c.invalidNotifiedAt = null;
        }
        return c;
    }

    private void apply(Connection c, ConnectionRequest r, ConnectionSecrets secrets, boolean creating) {
        List<Problem.FieldError> errors = new ArrayList<>();
        String name = r.name() == null ? null : r.name().trim();
        if (name == null || name.isEmpty()) {
            errors.add(new Problem.FieldError("name", "must not be blank"));
        } else if (name.length() > 200) {
            errors.add(new Problem.FieldError("name", "must be at most 200 characters"));
        }
        boolean sandbox = Boolean.TRUE.equals(r.sandbox());
        String loginUrl = r.loginUrl() == null || r.loginUrl().isBlank()
                ? (sandbox ? DEFAULT_SANDBOX_LOGIN_URL : DEFAULT_LOGIN_URL) : r.loginUrl().trim();
        String refusal = hosts.refusal(loginUrl);
        if (refusal != null) {
            errors.add(new Problem.FieldError("loginUrl", refusal));
        }
        AuthFlow flow = r.authFlow();
        if (flow == null) {
            errors.add(new Problem.FieldError("authFlow", "must be one of WEB_SERVER, JWT_BEARER, CLIENT_CREDENTIALS, USERNAME_PASSWORD"));
        }
        if (r.consumerKey() == null || r.consumerKey().isBlank()) {
            errors.add(new Problem.FieldError("consumerKey", "must not be blank"));
        }
        if (flow != null) {
            boolean needsSecret = flow != AuthFlow.JWT_BEARER;
            if (needsSecret && secrets.consumerSecret() == null) {
                errors.add(new Problem.FieldError("consumerSecret", "is required for " + flow));
            }
            if ((flow == AuthFlow.USERNAME_PASSWORD || flow == AuthFlow.JWT_BEARER) && (r.username() == null || r.username().isBlank())) {
                errors.add(new Problem.FieldError("username", "is required for " + flow));
            }
            if (flow == AuthFlow.USERNAME_PASSWORD && secrets.password() == null) {
                errors.add(new Problem.FieldError("password", "is required for " + flow));
            }
            if (flow == AuthFlow.JWT_BEARER) {
                if (secrets.privateKeyPem() == null) {
                    errors.add(new Problem.FieldError("privateKeyPem", "is required for " + flow));
                } else if (r.privateKeyPem() != null && !validPrivateKey(r.privateKeyPem())) {
                    errors.add(new Problem.FieldError("privateKeyPem", "must be an unencrypted PKCS#8 PEM RSA private key (BEGIN PRIVATE KEY)"));
                }
            }
        }
        Integer days = r.daysBeforeExpiry();
        if (days != null && (days < 1 || days > 100)) {
            errors.add(new Problem.FieldError("daysBeforeExpiry", "must be between 1 and 100"));
        }
        boolean notify = Boolean.TRUE.equals(r.sendExpiryNotifications());
        if (notify && r.expirationDate() == null) {
            errors.add(new Problem.FieldError("expirationDate", "is required to send expiry notifications"));
        }
        if (!errors.isEmpty()) {
            String detail = String.join("; ", errors.stream().map(e -> e.field() + ": " + e.message()).toList());
            throw new ProblemException(400, "Bad Request", detail, errors);
        }
        c.name = name;
        c.loginUrl = HostPolicy.normalize(loginUrl);
        c.authFlow = flow;
        c.consumerKey = r.consumerKey().trim();
        c.username = r.username() == null || r.username().isBlank() ? null : r.username().trim();
        c.sandbox = sandbox;
        c.usePkce = Boolean.TRUE.equals(r.usePkce());
        c.expirationDate = r.expirationDate();
        c.sendExpiryNotifications = notify;
        c.daysBeforeExpiry = notify && days == null ? Integer.valueOf(7) : days;
        c.updatedAt = Instant.now();
        if (creating) {
            c.status = flow == AuthFlow.WEB_SERVER ? ConnectionStatus.PENDING_AUTHORIZATION : ConnectionStatus.ACTIVE;
        }
    }

    static boolean validPrivateKey(String pem) {
        try {
            String base64 = pem.replaceAll("-----(BEGIN|END) PRIVATE KEY-----", "").replaceAll("\\s", "");
            KeyFactory.getInstance("RSA").generatePrivate(new PKCS8EncodedKeySpec(Base64.getDecoder().decode(base64)));
            return pem.contains("BEGIN PRIVATE KEY");
        } catch (Exception e) {
            return false;
        }
    }

    /** A live connection or a 404. */
    public Connection findConnection(long id) {
        Connection c = Connection.findById(id);
        if (c == null || c.deletedAt != null) {
            throw ProblemException.notFound("connection " + id);
        }
        return c;
    }

    /** A live connection, locked for update, or a 404. */
    public Connection lockConnection(long id) {
        Connection c = Connection.findById(id, LockModeType.PESSIMISTIC_WRITE);
        if (c == null || c.deletedAt != null) {
            throw ProblemException.notFound("connection " + id);
        }
        return c;
    }

    /** Every live connection, by name. */
    public List<Connection> findAllConnections() {
        return Connection.list("deletedAt is null order by name, id");
    }

    /** Deletes a connection unless a live job uses it. */
    @Transactional
    public void deleteConnection(long id) {
        Connection c = findConnection(id);
        long jobs = Connection.getEntityManager()
                .createQuery("select count(j) from Job j where j.connectionId = :id", Long.class)
                .setParameter("id", id).getSingleResult();
        if (jobs > 0) {
            throw ProblemException.conflict("connection " + id + " is used by " + jobs + " job(s)");
        }
        c.deletedAt = Instant.now();
        c.secretsEnc = null;
        c.refreshTokenEnc = null;
    }

    /** The decrypted secrets. */
    public ConnectionSecrets secrets(Connection c) {
        if (c.secretsEnc == null) {
            return ConnectionSecrets.none();
        }
        try {
            return Json.mapper().readValue(cipher.decrypt(c.secretsEnc, c.secretsAad()), ConnectionSecrets.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored secrets of connection " + c.id + " are not readable");
        }
    }

    /** The decrypted refresh token, or null. */
    public String refreshToken(Connection c) {
        return c.refreshTokenEnc == null ? null : cipher.decrypt(c.refreshTokenEnc, c.refreshTokenAad());
    }

    /** Stores a (rotated) refresh token, encrypted. */
    public void storeRefreshToken(Connection c, String refreshToken) {
        c.refreshTokenEnc = refreshToken == null ? null : cipher.encrypt(refreshToken, c.refreshTokenAad());
    }

    /** The answer form of a connection. */
    public ConnectionView view(Connection c) {
        List<String> set = new ArrayList<>();
        ConnectionSecrets s = secrets(c);
        if (s.consumerSecret() != null) {
            set.add("consumerSecret");
        }
        if (s.password() != null) {
            set.add("password");
        }
        if (s.securityToken() != null) {
            set.add("securityToken");
        }
        if (s.privateKeyPem() != null) {
            set.add("privateKeyPem");
        }
        if (c.refreshTokenEnc != null) {
            set.add("refreshToken");
        }
        return new ConnectionView(c.id, c.name, c.loginUrl, c.authFlow, c.authFlow == AuthFlow.USERNAME_PASSWORD,
                c.consumerKey, c.username, c.sandbox, c.usePkce, c.status, c.statusMessage, c.instanceUrl, c.orgId,
                c.expirationDate, c.sendExpiryNotifications, c.daysBeforeExpiry, set, c.createdAt, c.updatedAt);
    }

    private static String toJson(ConnectionSecrets s) {
        try {
            return Json.mapper().writeValueAsString(s);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot serialize secrets");
        }
    }
}
