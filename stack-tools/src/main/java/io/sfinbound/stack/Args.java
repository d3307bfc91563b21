package io.sfinbound.stack;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Command-line arguments of a stack tool: {@code --name value} options and positional arguments, in the order given.
 */
public final class Args {

    private final Map<String, String> options = new LinkedHashMap<>();
    private final List<String> positional = new ArrayList<>();

    private Args() {
    }

    /** Parses {@code --name value} pairs and positional arguments. */
    public static Args parse(String[] argv, int from) {
        Args a = new Args();
        for (int i = from; i < argv.length; i++) {
            String s = argv[i];
            if (s.startsWith("--")) {
                if (i + 1 >= argv.length) {
                    throw new UsageException("option " + s + " needs a value");
                }
                a.options.put(s.substring(2), argv[++i]);
            } else {
                a.positional.add(s);
            }
        }
        return a;
    }

    /** A required option. */
    public String required(String name) {
        String v = options.get(name);
        if (v == null || v.isBlank()) {
            throw new UsageException("missing option --" + name);
        }
        return v;
    }

    /** An optional option with its default. */
    public String get(String name, String fallback) {
        String v = options.get(name);
        return v == null ? fallback : v;
    }

    /** An optional integer option with its default. */
    public int getInt(String name, int fallback) {
        String v = options.get(name);
        if (v == null) {
            return fallback;
        }
        try {
            return Integer.parseInt(v);
        } catch (NumberFormatException e) {
            throw new UsageException("option --" + name + " must be a number, got " + v);
        }
    }

    /** The positional arguments. */
    public List<String> positional() {
        return positional;
    }

    /** A wrong command line: the message says what is wrong. */
    public static final class UsageException extends RuntimeException {
        private static final long serialVersionUID = 1L;

        public UsageException(String message) {
            super(message);
        }
    }
}
