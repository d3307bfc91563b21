package io.sfinbound.configapi.connection;

/** The OAuth 2.0 flows a connection can use to get Salesforce access tokens. */
public enum AuthFlow {
    /** Authorization code (web server) flow with a refresh token; optional PKCE. */
    WEB_SERVER,
    /** JWT bearer flow: a certificate's private key signs an assertion for a pre-authorized user. */
    JWT_BEARER,
    /** Client credentials flow: runs as the connected app's integration user (My Domain login URL). */
    CLIENT_CREDENTIALS,
    /** Username-password flow: still supported, but being retired by Salesforce. */
    USERNAME_PASSWORD
}
