package io.sfinbound.sim;

import static io.restassured.RestAssured.given;

/** Logs in to the simulator under test with the demo credentials. */
public final class Tokens {

    public static final String KEY = "sfinbound-demo-key";
    public static final String SECRET = "sfinbound-demo-secret";
    public static final String USER = "demo@sfinbound.example";
    public static final String PASSWORD = "demo-passwordDEMOTOKEN";

    private Tokens() {
    }

    /** A fresh access token of the demo user (password flow). */
    public static String demo() {
        return given().formParam("grant_type", "password").formParam("client_id", KEY).formParam("client_secret", SECRET)
                .formParam("username", USER).formParam("password", PASSWORD)
                .post("/services/oauth2/token").then().statusCode(200).extract().path("access_token");
    }
}
