package io.sfinbound.loader.auth;

/** Roles of API keys, in increasing power (config-api's roles). */
public enum Role {
    VIEWER,
    JOB_MANAGER,
    ADMIN;

    /** Whether this role may do what {@code required} may do. */
    public boolean covers(Role required) {
        return compareTo(required) >= 0;
    }
}
