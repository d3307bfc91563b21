package io.sfinbound.configapi.security;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The least role a {@code /api} endpoint needs. Every {@code /api} resource method must carry it (directly or on its
 * class): {@link ApiSecurityFilter} refuses methods without it, so a forgotten annotation fails closed.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.METHOD, ElementType.TYPE})
public @interface Requires {

    /** The least role. */
    Role value();
}
