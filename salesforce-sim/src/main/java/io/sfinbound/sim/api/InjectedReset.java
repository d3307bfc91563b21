package io.sfinbound.sim.api;

import java.io.IOException;

/** Ends a response body whose connection fault injection reset on purpose (not an error of the simulator). */
public class InjectedReset extends IOException {

    public InjectedReset() {
        super("connection reset by fault injection", null);
    }
}
