package io.sfinbound.configapi.security;

import jakarta.enterprise.context.RequestScoped;

/** Who is calling in this request: set by {@link ApiSecurityFilter}, read for the change log. */
@RequestScoped
public class CurrentPrincipal {

    private String name = "system";
    private Role role;

    void set(String name, Role role) {
        this.name = name;
        this.role = role;
    }

    /** The caller's name, {@code system} outside an API request. */
    public String name() {
        return name;
    }

    /** The caller's role, {@code null} outside an API request. */
    public Role role() {
        return role;
    }
}
