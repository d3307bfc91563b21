package io.sfinbound.sim.auth;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.Signature;
import java.time.Instant;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import jakarta.enterprise.context.ApplicationScoped;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.logging.Log;

/**
 * The OAuth 2.0 grants of Salesforce's token endpoint, with its responses and errors (reference section 1): password
 * (password + security token, blocked per org), refresh_token (optional rotation), authorization_code (+ PKCE),
 * client_credentials (My Domain only), JWT bearer (RS256 against the app's certificate).
 */
@ApplicationScoped
public class OAuthService {

    public static final String JWT_BEARER = "urn:ietf:params:oauth:grant-type:jwt-bearer";

    private final Directory directory;
    private final Sessions sessions;
    private final ObjectMapper json = new ObjectMapper();

    public OAuthService(Directory directory, Sessions sessions) {
        this.directory = directory;
        this.sessions = sessions;
    }

    /** Where the request came in: base URL and host name, for instance URLs and login-host rules. */
    public record Origin(URI base, String host) {
    }

    /** Handles a token request; the form's parameters by name. */
    public Map<String, Object> token(Map<String, String> form, String basicAuth, Origin origin) {
        String grant = form.get("grant_type");
        if (grant == null || grant.isBlank()) {
            throw new OAuthException("invalid_request", "grant type is missing");
        }
        if (basicAuth != null && form.get("client_id") == null) {
            String[] cs = basicAuth.split(":", 2);
            form.put("client_id", cs[0]);
            if (cs.length > 1) {
                form.put("client_secret", cs[1]);
            }
        }
        return switch (grant) {
            case "password" -> password(form, origin);
            case "refresh_token" -> refresh(form);
            case "authorization_code" -> authorizationCode(form);
            case "client_credentials" -> clientCredentials(form, origin);
            case JWT_BEARER -> jwtBearer(form, origin);
            default -> throw new OAuthException("unsupported_grant_type", "grant type not supported");
        };
    }

    private Directory.App client(Map<String, String> form, boolean secretRequired) {
        Directory.App app = directory.app(form.get("client_id"))
                .orElseThrow(() -> new OAuthException("invalid_client_id", "client identifier invalid"));
        String secret = form.get("client_secret");
        if ((secretRequired || secret != null) && !constantTimeEquals(app.consumerSecret(), secret)) {
            throw new OAuthException("invalid_client", "invalid client credentials");
        }
        return app;
    }

    private Map<String, Object> password(Map<String, String> form, Origin origin) {
        Directory.App app = client(form, true);
        Directory.User user = directory.user(form.get("username")).orElseThrow(OAuthException::authenticationFailure);
        String given = form.getOrDefault("password", "");
        boolean ok = constantTimeEquals(user.password() + user.securityToken(), given)
                || user.securityToken().isEmpty() && constantTimeEquals(user.password(), given);
        if (!ok || !directory.loginHostAllowed(user.org(), origin.host(), origin.base())) {
            throw OAuthException.authenticationFailure();
        }
        if (user.org().usernamePasswordBlocked()) {
            Log.infof("username-password flow blocked for org %s", user.org().key());
            throw OAuthException.authenticationFailure();
        }
        checkActive(user);
        String instance = directory.instanceUrl(user.org(), origin.base());
        // the username-password flow never issues a refresh token
        return response(sessions.issue(user, app, instance, "api", null), null, origin);
    }

    private Map<String, Object> refresh(Map<String, String> form) {
        Directory.App app = client(form, false);
        Sessions.Refresh r = sessions.refresh(form.get("refresh_token"))
                .orElseThrow(() -> new OAuthException("invalid_grant", "expired access/refresh token"));
        if (!r.app().consumerKey().equals(app.consumerKey())) {
            throw new OAuthException("invalid_grant", "expired access/refresh token");
        }
        checkActive(r.user());
        String refreshToken = r.token();
        String rotated = null;
        if (app.refreshTokenRotation()) {
            sessions.dropRefresh(r.token());
            rotated = sessions.issueRefresh(r.user(), app, r.instanceUrl(), r.scope()).token();
            refreshToken = rotated;
        }
        Sessions.Session s = sessions.issue(r.user(), app, r.instanceUrl(), r.scope(), refreshToken);
        return response(s, rotated, null);
    }

    private Map<String, Object> authorizationCode(Map<String, String> form) {
        Sessions.Code code = sessions.takeCode(form.get("code"))
                .orElseThrow(() -> new OAuthException("invalid_grant", "invalid authorization code"));
        boolean pkce = code.codeChallenge() != null;
        Directory.App app = client(form, !pkce);
        if (!code.app().consumerKey().equals(app.consumerKey())) {
            throw new OAuthException("invalid_grant", "invalid authorization code");
        }
        if (code.expiresAt().isBefore(Instant.now())) {
            throw new OAuthException("invalid_grant", "expired authorization code");
        }
        if (!code.redirectUri().equals(form.get("redirect_uri"))) {
            throw new OAuthException("redirect_uri_mismatch", "redirect_uri must match configuration");
        }
        if (pkce) {
            String verifier = form.get("code_verifier");
            if (verifier == null) {
                throw new OAuthException("invalid_grant", "invalid code verifier");
            }
            if (!challengeOf(verifier).equals(code.codeChallenge())) {
                throw new OAuthException("invalid_request", "invalid code verifier");
            }
        }
        Sessions.Refresh r = sessions.issueRefresh(code.user(), app, code.instanceUrl(), code.scope());
        return response(sessions.issue(code.user(), app, code.instanceUrl(), code.scope(), r.token()), r.token(), null);
    }

    private Map<String, Object> clientCredentials(Map<String, String> form, Origin origin) {
        if (!directory.isMyDomainHost(origin.host())) {
            throw new OAuthException("invalid_grant", "request not supported on this domain");
        }
        Directory.App app = client(form, true);
        Directory.User user = app.runAsUser().flatMap(directory::user)
                .orElseThrow(() -> new OAuthException("invalid_grant", "no client credentials user enabled"));
        checkActive(user);
        String instance = directory.instanceUrl(user.org(), origin.base());
        return response(sessions.issue(user, app, instance, "api", null), null, origin);
    }

    private Map<String, Object> jwtBearer(Map<String, String> form, Origin origin) {
        String assertion = form.get("assertion");
        String[] parts = assertion == null ? new String[0] : assertion.split("\\.");
        if (parts.length != 3) {
            throw new OAuthException("invalid_grant", "invalid assertion");
        }
        JsonNode header;
        JsonNode claims;
        try {
            header = json.readTree(Base64.getUrlDecoder().decode(parts[0]));
            claims = json.readTree(Base64.getUrlDecoder().decode(parts[1]));
        } catch (Exception e) {
            throw new OAuthException("invalid_grant", "invalid assertion");
        }
        if (!"RS256".equals(header.path("alg").asText())) {
            throw new OAuthException("invalid_grant", "invalid assertion");
        }
        Directory.App app = directory.app(claims.path("iss").asText(null))
                .orElseThrow(() -> new OAuthException("invalid_client_id", "client identifier invalid"));
        if (app.jwtKey().isEmpty() || !verifyRs256(app, parts)) {
            throw new OAuthException("invalid_grant", "invalid assertion");
        }
        Directory.User user = directory.user(claims.path("sub").asText(null))
                .orElseThrow(() -> new OAuthException("invalid_grant", "invalid assertion"));
        String instance = directory.instanceUrl(user.org(), origin.base());
        if (!audienceOk(claims.path("aud"), user.org(), origin, instance)) {
            throw new OAuthException("invalid_grant", "Audience validation failed");
        }
        if (!claims.path("exp").isNumber() || claims.path("exp").asLong() < Instant.now().getEpochSecond()) {
            throw new OAuthException("invalid_grant", "expired authorization code");
        }
        // pre-authorized (admin approved users), or the user approved the app on the consent page before
        if (!app.preApproved() && !sessions.approved(user, app)) {
            throw new OAuthException("invalid_grant", "user hasn't approved this consumer");
        }
        checkActive(user);
        return response(sessions.issue(user, app, instance, "api", null), null, origin);
    }

    private boolean audienceOk(JsonNode aud, Directory.Org org, Origin origin, String instance) {
        String expectedPublic = org.sandbox() ? "https://test.salesforce.com" : "https://login.salesforce.com";
        String base = Directory.trimSlash(origin.base().toString());
        java.util.List<String> values = new java.util.ArrayList<>();
        if (aud.isArray()) {
            aud.forEach(a -> values.add(a.asText()));
        } else {
            values.add(aud.asText(""));
        }
        return values.stream().map(Directory::trimSlash).anyMatch(a -> a.equals(expectedPublic) || a.equals(base) || a.equals(instance));
    }

    private static boolean verifyRs256(Directory.App app, String[] parts) {
        try {
            Signature sig = Signature.getInstance("SHA256withRSA");
            sig.initVerify(app.jwtKey().get());
            sig.update((parts[0] + "." + parts[1]).getBytes(StandardCharsets.US_ASCII));
            return sig.verify(Base64.getUrlDecoder().decode(parts[2]));
        } catch (Exception e) {
            return false;
        }
    }

    private static void checkActive(Directory.User user) {
        if (!user.active()) {
            throw new OAuthException("inactive_user", "user is inactive");
        }
    }

    /** PKCE S256: base64url(SHA-256(verifier)) without padding. */
    public static String challengeOf(String verifier) {
        try {
            byte[] d = MessageDigest.getInstance("SHA-256").digest(verifier.getBytes(StandardCharsets.US_ASCII));
            return Base64.getUrlEncoder().withoutPadding().encodeToString(d);
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The token response, in Salesforce's field order. */
    private Map<String, Object> response(Sessions.Session s, String refreshToken, Origin origin) {
        String idUrl = identityUrl(s);
        String issuedAt = Long.toString(s.issuedAt().toEpochMilli());
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("access_token", s.accessToken());
        if (refreshToken != null) {
            m.put("refresh_token", refreshToken);
        }
        m.put("signature", signature(idUrl + issuedAt, s.app().consumerSecret()));
        m.put("scope", s.scope());
        m.put("instance_url", s.instanceUrl());
        m.put("id", idUrl);
        m.put("token_type", "Bearer");
        m.put("issued_at", issuedAt);
        return m;
    }

    /** The identity URL of a session ({@code <instance>/id/<orgId>/<userId>}); GET-able on the simulator. */
    public static String identityUrl(Sessions.Session s) {
        return s.instanceUrl() + "/id/" + s.user().org().id() + "/" + s.user().id();
    }

    private static String signature(String data, String secret) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return Base64.getEncoder().encodeToString(mac.doFinal(data.getBytes(StandardCharsets.UTF_8)));
        } catch (java.security.GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    static boolean constantTimeEquals(String a, String b) {
        if (a == null || b == null) {
            return false;
        }
        return MessageDigest.isEqual(a.getBytes(StandardCharsets.UTF_8), b.getBytes(StandardCharsets.UTF_8));
    }

    /** Authenticates a client for introspection. */
    public Optional<Directory.App> authenticateClient(String clientId, String secret) {
        return directory.app(clientId).filter(a -> constantTimeEquals(a.consumerSecret(), secret));
    }
}
