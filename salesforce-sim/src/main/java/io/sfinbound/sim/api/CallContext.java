package io.sfinbound.sim.api;

import jakarta.enterprise.context.RequestScoped;

import io.sfinbound.sim.auth.Sessions;

/** The authenticated session of the current data API call, set by {@link ApiFilter}. */
@RequestScoped
public class CallContext {

    private Sessions.Session session;

    public Sessions.Session session() {
        if (session == null) {
            throw SalesforceException.invalidSession();
        }
        return session;
    }

    public boolean authenticated() {
        return session != null;
    }

    void session(Sessions.Session s) {
        this.session = s;
    }
}
