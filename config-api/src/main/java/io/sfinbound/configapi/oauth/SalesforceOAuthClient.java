package io.sfinbound.configapi.oauth;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.Signature;
import java.security.spec.PKCS8EncodedKeySpec;
import java.time.Instant;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;

import com.fasterxml.jackson.databind.JsonNode;
import io.sfinbound.common.kafka.Json;
import io.sfinbound.configapi.config.ConfigApiConfig;

/**
 * Calls a Salesforce token endpoint ({@code POST {loginUrl}/services/oauth2/token}, form-encoded) for every grant
 * type config-api uses. The login URL varies per connection, hence the JDK client rather than a typed REST client.
 */
@ApplicationScoped
public class SalesforceOAuthClient {

    /** The token endpoint path. */
    public static final String TOKEN_PATH = "/services/oauth2/token";
    /** The authorize endpoint path. */
    public static final String AUTHORIZE_PATH = "/services/oauth2/authorize";

    private final HttpClient http;
    private final ConfigApiConfig config;

    public SalesforceOAuthClient(ConfigApiConfig config) {
        this.config = config;
        this.http = HttpClient.newBuilder().connectTimeout(config.tokens().httpTimeout())
                .followRedirects(HttpClient.Redirect.NEVER).build();
    }

    /** Username-password grant; the security token is appended to the password. */
    public TokenResponse password(String loginUrl, String clientId, String clientSecret, String username, String password,
            String securityToken) {
        Map<String, String> form = new LinkedHashMap<>();
        form.put("grant_type", "password");
        form.put("client_id", clientId);
        form.put("client_secret", clientSecret);
        form.put("username", username);
        form.put("password", password + (securityToken == null ? "" : securityToken));
        return post(loginUrl, form);
    }

    /** Client credentials grant. */
    public TokenResponse clientCredentials(String loginUrl, String clientId, String clientSecret) {
        Map<String, String> form = new LinkedHashMap<>();
        form.put("grant_type", "client_credentials");
        form.put("client_id", clientId);
        form.put("client_secret", clientSecret);
        return post(loginUrl, form);
    }

    /** Refresh token grant. */
    public TokenResponse refresh(String loginUrl, String clientId, String clientSecret, String refreshToken) {
        Map<String, String> form = new LinkedHashMap<>();
        form.put("grant_type", "refresh_token");
        form.put("refresh_token", refreshToken);
        form.put("client_id", clientId);
        if (clientSecret != null) {
            form.put("client_secret", clientSecret);
        }
        return post(loginUrl, form);
    }

    /** Authorization code grant (web server flow callback). */
    public TokenResponse authorizationCode(String loginUrl, String clientId, String clientSecret, String code,
            String redirectUri, String codeVerifier) {
        Map<String, String> form = new LinkedHashMap<>();
        form.put("grant_type", "authorization_code");
        form.put("code", code);
        form.put("client_id", clientId);
        if (clientSecret != null) {
            form.put("client_secret", clientSecret);
        }
        form.put("redirect_uri", redirectUri);
        if (codeVerifier != null) {
            form.put("code_verifier", codeVerifier);
        }
        return post(loginUrl, form);
    }

    /** JWT bearer grant: an RS256 assertion signed with the connection's private key, valid for 3 minutes. */
    public TokenResponse jwtBearer(String loginUrl, String audience, String clientId, String username, String privateKeyPem) {
        Map<String, String> form = new LinkedHashMap<>();
        form.put("grant_type", "urn:ietf:params:oauth:grant-type:jwt-bearer");
        form.put("assertion", assertion(audience, clientId, username, privateKeyPem, Instant.now()));
        return post(loginUrl, form);
    }

    static String assertion(String audience, String clientId, String username, String privateKeyPem, Instant now) {
        Base64.Encoder b64 = Base64.getUrlEncoder().withoutPadding();
        Map<String, Object> claims = new LinkedHashMap<>();
        claims.put("iss", clientId);
        claims.put("sub", username);
        claims.put("aud", audience);
        claims.put("exp", now.plusSeconds(180).getEpochSecond());
        try {
            String header = b64.encodeToString("{\"alg\":\"RS256\",\"typ\":\"JWT\"}".getBytes(StandardCharsets.UTF_8));
            String payload = b64.encodeToString(Json.mapper().writeValueAsBytes(claims));
            String base64 = privateKeyPem.replaceAll("-----(BEGIN|END) PRIVATE KEY-----", "").replaceAll("\\s", "");
            PrivateKey key = KeyFactory.getInstance("RSA").generatePrivate(new PKCS8EncodedKeySpec(Base64.getDecoder().decode(base64)));
            Signature signer = Signature.getInstance("SHA256withRSA");
            signer.initSign(key);
            signer.update((header + "." + payload).getBytes(StandardCharsets.US_ASCII));
            return header + "." + payload + "." + b64.encodeToString(signer.sign());
        } catch (Exception e) {
            throw new OAuthException("invalid_private_key", "the connection's private key cannot sign a JWT", true);
        }
    }

    private TokenResponse post(String loginUrl, Map<String, String> form) {
        String body = form.entrySet().stream()
                .map(e -> enc(e.getKey()) + "=" + enc(e.getValue() == null ? "" : e.getValue()))
                .collect(Collectors.joining("&"));
        HttpRequest request = HttpRequest.newBuilder(URI.create(loginUrl + TOKEN_PATH))
                .timeout(config.tokens().httpTimeout())
                .header("Content-Type", "application/x-www-form-urlencoded")
                .header("Accept", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build();
        HttpResponse<String> response;
        try {
            response = http.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new OAuthException("unavailable", "token endpoint " + loginUrl + " unreachable: " + e.getClass().getSimpleName(), false);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new OAuthException("unavailable", "interrupted while calling the token endpoint", false);
        }
        JsonNode json;
        try {
            json = Json.mapper().readTree(response.body());
        } catch (IOException e) {
            json = null;
        }
        if (response.statusCode() == 200 && json != null && json.hasNonNull("access_token")) {
            String issued = json.path("issued_at").asText(null);
            Instant issuedAt = Instant.now();
            if (issued != null) {
                try {
                    issuedAt = Instant.ofEpochMilli(Long.parseLong(issued));
                } catch (NumberFormatException e) {
                    // keep now: issued_at is informative only
                }
            }
            return new TokenResponse(json.get("access_token").asText(), json.path("refresh_token").asText(null),
                    json.path("instance_url").asText(null), json.path("id").asText(null), issuedAt);
        }
        String error = json == null ? null : json.path("error").asText(null);
        String description = json == null ? null : json.path("error_description").asText(null);
        if (response.statusCode() >= 400 && response.statusCode() < 500 && error != null) {
            boolean rejected = switch (error) {
                case "invalid_grant", "invalid_client", "invalid_client_id", "inactive_user", "inactive_org",
                        "unauthorized_client", "invalid_client_credentials" -> true;
                default -> false;
            };
            return throwOAuth(error, description == null ? error : description, rejected);
        }
        return throwOAuth("unavailable", "token endpoint answered HTTP " + response.statusCode(), false);
    }

    private static TokenResponse throwOAuth(String error, String description, boolean rejected) {
        throw new OAuthException(error, description, rejected);
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }
}
