package io.sfinbound.configapi.security;

/** Roles of API callers, each including the rights of the ones before it. */
public enum Role {
    /** Reads everything but secrets. */
    VIEWER,
    /** XM Discover's "Manage Jobs": creates, edits, runs and deletes jobs, connections and projects. */
    JOB_MANAGER,
    /** Manages API keys. */
    ADMIN;

    /** Whether this role has the rights of {@code required}. */
    public boolean covers(Role required) {
        return ordinal() >= required.ordinal();
    }
}
