package io.sfinbound.stack;

import java.io.PrintStream;

/**
 * The user-facing output of the stack tools. These are command-line programs whose printed lines are their
 * interface (the launcher reads some of them), not logging: hence a plain stream rather than a logger.
 */
public final class Console {

    private static final PrintStream OUT = System.out;
    private static final PrintStream ERR = System.err;

    private Console() {
    }

    /** A line for the user or for the launcher script. */
    public static void out(String line) {
        OUT.println(line);
        OUT.flush();
    }

    /** A diagnostic line: why something failed and where to look. */
    public static void err(String line) {
        ERR.println(line);
        ERR.flush();
    }
}
