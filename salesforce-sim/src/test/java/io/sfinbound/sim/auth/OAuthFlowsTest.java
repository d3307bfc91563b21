package io.sfinbound.sim.auth;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;

import java.io.InputStream;
import java.net.URI;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.Signature;
import java.security.spec.PKCS8EncodedKeySpec;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import io.sfinbound.sim.Tokens;

/** The web-server flow (login page, PKCE, state), refresh-token rotation, client credentials and the JWT bearer flow. */
@QuarkusTest
class OAuthFlowsTest {

    private static final String CALLBACK = "http://127.0.0.1:8081/api/oauth/callback";

    @TestHTTPResource("/")
    URL url;

    private static Map<String, String> query(String location) {
        Map<String, String> m = new java.util.HashMap<>();
        for (String kv : URI.create(location).getRawQuery().split("&")) {
            String[] p = kv.split("=", 2);
            m.put(p[0], java.net.URLDecoder.decode(p[1], StandardCharsets.UTF_8));
        }
        return m;
    }

    @Test
    void webServerFlowWithPkceAndRefreshTokenRotation() {
        String verifier = "a-verifier-that-is-long-enough-0123456789-abcdefghijklmnop";
        String challenge = OAuthService.challengeOf(verifier);
        given().queryParam("response_type", "code").queryParam("client_id", "sfinbound-pkce-key").queryParam("redirect_uri", CALLBACK)
                .queryParam("state", "s1").queryParam("code_challenge", challenge)
                .get("/services/oauth2/authorize").then().statusCode(200).contentType(containsString("text/html"))
                .body(containsString("name=\"password\""));
        // PKCE is required by this app
        Response noPkce = given().redirects().follow(false).queryParam("response_type", "code").queryParam("client_id", "sfinbound-pkce-key")
                .queryParam("redirect_uri", CALLBACK).queryParam("state", "s0").get("/services/oauth2/authorize");
        assertThat(noPkce.statusCode()).isEqualTo(302);
        assertThat(query(noPkce.header("Location"))).containsEntry("error", "invalid_request").containsEntry("state", "s0");
        given().queryParam("response_type", "code").queryParam("client_id", "sfinbound-pkce-key").queryParam("redirect_uri", "http://evil/cb")
                .get("/services/oauth2/authorize").then().statusCode(400).body(containsString("redirect_uri_mismatch"));
        // a wrong password shows the page again
        given().redirects().follow(false).formParam("client_id", "sfinbound-pkce-key").formParam("redirect_uri", CALLBACK)
                .formParam("username", Tokens.USER).formParam("password", "wrong").formParam("action", "allow")
                .post("/services/oauth2/authorize").then().statusCode(200).body(containsString("check your username and password"));
        Response login = approveIfAsked(given().redirects().follow(false).formParam("client_id", "sfinbound-pkce-key").formParam("redirect_uri", CALLBACK)
                .formParam("state", "s1").formParam("code_challenge", challenge).formParam("username", Tokens.USER)
                .formParam("password", "demo-password").formParam("action", "login").post("/services/oauth2/authorize"));
        assertThat(login.statusCode()).isEqualTo(302);
        Map<String, String> cb = query(login.header("Location"));
        assertThat(login.header("Location")).startsWith(CALLBACK + "?");
        assertThat(cb).containsEntry("state", "s1").containsKey("code");
        given().formParam("grant_type", "authorization_code").formParam("code", cb.get("code")).formParam("client_id", "sfinbound-pkce-key")
                .formParam("redirect_uri", CALLBACK).formParam("code_verifier", "wrong-verifier")
                .post("/services/oauth2/token").then().statusCode(400).body("error", equalTo("invalid_request"));
        // the code was used up by the failed attempt; a new login gives a new one
        login = approveIfAsked(given().redirects().follow(false).formParam("client_id", "sfinbound-pkce-key").formParam("redirect_uri", CALLBACK)
                .formParam("state", "s2").formParam("code_challenge", challenge).formParam("username", Tokens.USER)
                .formParam("password", "demo-password").formParam("action", "login").post("/services/oauth2/authorize"));
        String code = query(login.header("Location")).get("code");
        Map<String, Object> token = given().formParam("grant_type", "authorization_code").formParam("code", code)
                .formParam("client_id", "sfinbound-pkce-key").formParam("client_secret", "sfinbound-pkce-secret")
                .formParam("redirect_uri", CALLBACK).formParam("code_verifier", verifier)
                .post("/services/oauth2/token").then().statusCode(200).body("refresh_token", notNullValue()).extract().as(Map.class);
        String refresh = (String) token.get("refresh_token");
        String rotated = given().formParam("grant_type", "refresh_token").formParam("refresh_token", refresh)
                .formParam("client_id", "sfinbound-pkce-key").formParam("client_secret", "sfinbound-pkce-secret")
                .post("/services/oauth2/token").then().statusCode(200).body("access_token", notNullValue())
                .extract().path("refresh_token");
        assertThat(rotated).isNotNull().isNotEqualTo(refresh);
        given().formParam("grant_type", "refresh_token").formParam("refresh_token", refresh).formParam("client_id", "sfinbound-pkce-key")
                .post("/services/oauth2/token").then().statusCode(400)
                .body("error", equalTo("invalid_grant")).body("error_description", equalTo("expired access/refresh token"));
        given().formParam("token", rotated).formParam("client_id", "sfinbound-pkce-key").formParam("client_secret", "sfinbound-pkce-secret")
                .post("/services/oauth2/introspect").then().statusCode(200).body("active", equalTo(true)).body("token_type", equalTo("refresh_token"));
    }

    /** Answers Allow on the consent page if the login shows one. */
    private static Response approveIfAsked(Response login) {
        if (login.statusCode() != 200 || !login.asString().contains("consent_id")) {
            return login;
        }
        return given().redirects().follow(false).formParam("consent_id", consentId(login)).formParam("action", "allow")
                .post("/services/oauth2/authorize");
    }

    private static String consentId(Response page) {
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("name=\"consent_id\" value=\"([^\"]+)\"").matcher(page.asString());
        assertThat(m.find()).as("consent page with a consent_id").isTrue();
        return m.group(1);
    }

    private static Response login(String clientId, String redirectUri, String state, String prompt) {
        return given().redirects().follow(false).formParam("client_id", clientId).formParam("redirect_uri", redirectUri)
                .formParam("state", state).formParam("code_challenge", OAuthService.challengeOf("v".repeat(43)))
                .formParam("prompt", prompt == null ? "" : prompt).formParam("username", Tokens.USER)
                .formParam("password", "demo-password").formParam("action", "login").post("/services/oauth2/authorize");
    }

    @Test
    void consentOnFirstApprovalDenyAndAllowThenRemembered() {
        given().post("/admin/sessions/revoke-all").then().statusCode(200);
        // the PKCE app's users self-authorize: after the login, the consent page
        Response page = login("sfinbound-pkce-key", CALLBACK, "x", null);
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.asString()).contains("Allow Access?").contains("Manage user data via APIs").doesNotContain("name=\"password\"");
        String sid = page.getCookie("sid");
        assertThat(sid).isNotBlank();
        // immediate=true before any approval fails
        Response immediate = given().redirects().follow(false).cookie("sid", sid).queryParam("response_type", "code")
                .queryParam("client_id", "sfinbound-pkce-key").queryParam("redirect_uri", CALLBACK).queryParam("state", "i")
                .queryParam("code_challenge", "c").queryParam("immediate", "true").get("/services/oauth2/authorize");
        assertThat(query(immediate.header("Location"))).containsEntry("error", "immediate_unsuccessful").containsEntry("state", "i");
        Response deny = given().redirects().follow(false).formParam("consent_id", consentId(page)).formParam("action", "deny")
                .post("/services/oauth2/authorize");
        assertThat(deny.statusCode()).isEqualTo(302);
        assertThat(deny.header("Location")).startsWith(CALLBACK + "?");
        assertThat(query(deny.header("Location"))).containsEntry("error", "access_denied").containsEntry("state", "x").doesNotContainKey("code");
        // a consent page answers once
        given().formParam("consent_id", consentId(page)).formParam("action", "allow").post("/services/oauth2/authorize").then().statusCode(400);
        // denied: asked again next time; Allow gives the code
        page = login("sfinbound-pkce-key", CALLBACK, "y", null);
        Response allow = given().redirects().follow(false).formParam("consent_id", consentId(page)).formParam("action", "allow")
                .post("/services/oauth2/authorize");
        assertThat(allow.statusCode()).isEqualTo(302);
        assertThat(query(allow.header("Location"))).containsEntry("state", "y").containsKey("code");
        // approved: the next login goes straight back, and the browser session skips the login page too
        Response again = login("sfinbound-pkce-key", CALLBACK, "z", null);
        assertThat(again.statusCode()).isEqualTo(302);
        assertThat(query(again.header("Location"))).containsEntry("state", "z").containsKey("code");
        Response withCookie = given().redirects().follow(false).cookie("sid", sid).queryParam("response_type", "code")
                .queryParam("client_id", "sfinbound-pkce-key").queryParam("redirect_uri", CALLBACK).queryParam("state", "c")
                .queryParam("code_challenge", "c").get("/services/oauth2/authorize");
        assertThat(withCookie.statusCode()).isEqualTo(302);
        assertThat(query(withCookie.header("Location"))).containsEntry("state", "c").containsKey("code");
        // prompt=login shows the login page despite the session, prompt=consent the consent page despite the approval
        given().redirects().follow(false).cookie("sid", sid).queryParam("response_type", "code").queryParam("client_id", "sfinbound-pkce-key")
                .queryParam("redirect_uri", CALLBACK).queryParam("code_challenge", "c").queryParam("prompt", "login")
                .get("/services/oauth2/authorize").then().statusCode(200).body(containsString("name=\"password\""));
        assertThat(login("sfinbound-pkce-key", CALLBACK, "p", "consent").asString()).contains("Allow Access?");
    }

    @Test
    void preApprovedAppSkipsConsent() {
        given().post("/admin/sessions/revoke-all").then().statusCode(200);
        Response login = login(Tokens.KEY, CALLBACK, "d", null);
        assertThat(login.statusCode()).isEqualTo(302);
        assertThat(query(login.header("Location"))).containsEntry("state", "d").containsKey("code");
    }

    @Test
    void callbackUrlsMatchExactlyAndCanBeRegistered() {
        String mine = "http://localhost:41234/api/oauth/callback";
        for (String near : List.of(CALLBACK + "/", "http://127.0.0.1:8081/api/OAuth/callback", CALLBACK + "?x=1", "http://127.0.0.1:8082/api/oauth/callback", mine)) {
            given().queryParam("response_type", "code").queryParam("client_id", Tokens.KEY).queryParam("redirect_uri", near)
                    .get("/services/oauth2/authorize").then().statusCode(400).body(containsString("redirect_uri_mismatch"));
        }
        given().contentType("application/json").body(Map.of("urls", List.of("not a url")))
                .post("/admin/apps/demo/callback-urls").then().statusCode(400).body(containsString("urls[0]"));
        given().contentType("application/json").body(Map.of("urls", List.of(mine)))
                .post("/admin/apps/demo/callback-urls").then().statusCode(200).body("callbackUrls", org.hamcrest.Matchers.hasItem(mine));
        given().contentType("application/json").body(Map.of("urls", List.of(mine)))
                .post("/admin/apps/nope/callback-urls").then().statusCode(404);
        Response login = login(Tokens.KEY, mine, "m", null);
        assertThat(login.statusCode()).isEqualTo(302);
        assertThat(login.header("Location")).startsWith(mine + "?code=");
        given().get("/admin/apps").then().statusCode(200).body("find { it.key == 'pkce' }.preApproved", equalTo(false));
    }

    @Test
    void clientCredentialsOnlyOnMyDomain() {
        // RestAssured calls "localhost", configured as the generic login host (login.salesforce.com)
        given().formParam("grant_type", "client_credentials").formParam("client_id", Tokens.KEY).formParam("client_secret", Tokens.SECRET)
                .post("/services/oauth2/token").then().statusCode(400).body("error_description", equalTo("request not supported on this domain"));
        String myDomain = "http://127.0.0.1:" + url.getPort();
        given().baseUri(myDomain).formParam("grant_type", "client_credentials").auth().preemptive().basic(Tokens.KEY, Tokens.SECRET)
                .post("/services/oauth2/token").then().statusCode(200)
                .body("instance_url", equalTo(myDomain)).body("refresh_token", equalTo(null));
    }

    @Test
    void jwtBearerChecksSignatureAudienceAndExpiry() throws Exception {
        PrivateKey key = demoKey();
        String aud = "http://localhost:" + url.getPort();
        long exp = Instant.now().getEpochSecond() + 180;
        given().formParam("grant_type", OAuthService.JWT_BEARER).formParam("assertion", jwt(key, Tokens.KEY, Tokens.USER, aud, exp))
                .post("/services/oauth2/token").then().statusCode(200).body("access_token", notNullValue()).body("refresh_token", equalTo(null));
        given().formParam("grant_type", OAuthService.JWT_BEARER).formParam("assertion", jwt(key, Tokens.KEY, Tokens.USER, "https://login.salesforce.com", exp))
                .post("/services/oauth2/token").then().statusCode(200);
        given().formParam("grant_type", OAuthService.JWT_BEARER).formParam("assertion", jwt(key, Tokens.KEY, Tokens.USER, "https://elsewhere.example", exp))
                .post("/services/oauth2/token").then().statusCode(400).body("error_description", equalTo("Audience validation failed"));
        given().formParam("grant_type", OAuthService.JWT_BEARER).formParam("assertion", jwt(key, Tokens.KEY, Tokens.USER, aud, exp - 3600))
                .post("/services/oauth2/token").then().statusCode(400).body("error", equalTo("invalid_grant"));
        String forged = jwt(key, Tokens.KEY, Tokens.USER, aud, exp);
        String tampered = forged.substring(0, forged.lastIndexOf('.') + 1) + Base64.getUrlEncoder().withoutPadding().encodeToString(new byte[256]);
        given().formParam("grant_type", OAuthService.JWT_BEARER).formParam("assertion", tampered)
                .post("/services/oauth2/token").then().statusCode(400).body("error_description", equalTo("invalid assertion"));
    }

    private static PrivateKey demoKey() throws Exception {
        try (InputStream in = OAuthFlowsTest.class.getClassLoader().getResourceAsStream("demo/jwt-demo.key")) {
            String pem = new String(in.readAllBytes(), StandardCharsets.US_ASCII).replaceAll("-----[A-Z ]+-----", "").replaceAll("\\s", "");
            return KeyFactory.getInstance("RSA").generatePrivate(new PKCS8EncodedKeySpec(Base64.getDecoder().decode(pem)));
        }
    }

    private static String jwt(PrivateKey key, String iss, String sub, String aud, long exp) throws Exception {
        Base64.Encoder b64 = Base64.getUrlEncoder().withoutPadding();
        String header = b64.encodeToString("{\"alg\":\"RS256\"}".getBytes(StandardCharsets.UTF_8));
        String claims = b64.encodeToString(("{\"iss\":\"" + iss + "\",\"sub\":\"" + sub + "\",\"aud\":\"" + aud + "\",\"exp\":" + exp + "}")
                .getBytes(StandardCharsets.UTF_8));
        Signature s = Signature.getInstance("SHA256withRSA");
        s.initSign(key);
        s.update((header + "." + claims).getBytes(StandardCharsets.US_ASCII));
        return header + "." + claims + "." + b64.encodeToString(s.sign());
    }
}
