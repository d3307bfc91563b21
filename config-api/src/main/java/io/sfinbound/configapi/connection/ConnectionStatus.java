package io.sfinbound.configapi.connection;

/** Whether a connection can hand out tokens. */
public enum ConnectionStatus {
    /** Credentials work (or have not failed yet). */
    ACTIVE,
    /** Web server flow: waiting for the user to authorize at Salesforce. */
    PENDING_AUTHORIZATION,
    /** Salesforce refused the credentials (revoked or expired refresh token, wrong password...). */
    INVALID
}
