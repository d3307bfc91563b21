package io.sfinbound.e2e.compose;

import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

/**
 * A read-only view of {@code docker-compose.yml} for structure tests: services, their environment, health checks,
 * dependencies and published ports, in the long and short forms the Compose specification allows.
 */
final class ComposeFile {

    private static final Pattern PORT = Pattern.compile("^(?:[\\d.]+:)?(?:(\\d+):)?(\\d+)(?:/(?:tcp|udp))?$");

    private final Map<String, Object> root;

    private ComposeFile(Map<String, Object> root) {
        this.root = root;
    }

    static ComposeFile load(Path file) throws IOException {
        try (Reader r = Files.newBufferedReader(file)) {
            Object doc = new Yaml(new SafeConstructor(new LoaderOptions())).load(r);
            if (!(doc instanceof Map<?, ?>)) {
                throw new IllegalStateException(file + " is not a YAML mapping");
            }
            return new ComposeFile(cast(doc));
        }
    }

    Map<String, Object> services() {
        return cast(root.get("services"));
    }

    Service service(String name) {
        Object s = services().get(name);
        if (s == null) {
            throw new IllegalArgumentException("no service " + name);
        }
        return new Service(name, cast(s));
    }

    List<Service> all() {
        return services().keySet().stream().map(this::service).toList();
    }

    Map<String, Object> volumes() {
        Object v = root.get("volumes");
        return v == null ? Map.of() : cast(v);
    }

    @SuppressWarnings("unchecked")
    static <T> T cast(Object o) {
        return (T) o;
    }

    /** One service. */
    record Service(String name, Map<String, Object> spec) {

        Optional<String> image() {
            return Optional.ofNullable((String) spec.get("image"));
        }

        /** The build context and Dockerfile (relative to the context), when built. */
        Optional<Map<String, Object>> build() {
            Object b = spec.get("build");
            if (b == null) {
                return Optional.empty();
            }
            if (b instanceof String context) {
                return Optional.of(Map.of("context", context, "dockerfile", "Dockerfile"));
            }
            return Optional.of(cast(b));
        }

        /** The environment, with list entries {@code K=V} turned into a map. */
        Map<String, String> environment() {
            Object e = spec.get("environment");
            Map<String, String> env = new LinkedHashMap<>();
            if (e instanceof Map<?, ?> m) {
                m.forEach((k, v) -> env.put(String.valueOf(k), v == null ? null : String.valueOf(v)));
            } else if (e instanceof List<?> l) {
                for (Object o : l) {
                    String s = String.valueOf(o);
                    int eq = s.indexOf('=');
                    env.put(eq < 0 ? s : s.substring(0, eq), eq < 0 ? null : s.substring(eq + 1));
                }
            }
            return env;
        }

        Optional<Map<String, Object>> healthcheck() {
            return Optional.ofNullable(cast(spec.get("healthcheck")));
        }

        /** The health check's test command as one string. */
        String healthTest() {
            Object t = healthcheck().map(h -> h.get("test")).orElse(null);
            if (t instanceof List<?> l) {
                return String.join(" ", l.stream().map(String::valueOf).toList());
            }
            return t == null ? "" : t.toString();
        }

        /** Dependencies and their condition ({@code service_started} for the short list form). */
        Map<String, String> dependsOn() {
            Object d = spec.get("depends_on");
            Map<String, String> deps = new LinkedHashMap<>();
            if (d instanceof List<?> l) {
                l.forEach(o -> deps.put(String.valueOf(o), "service_started"));
            } else if (d instanceof Map<?, ?> m) {
                m.forEach((k, v) -> {
                    Map<String, Object> spec = v == null ? Map.of() : cast(v);
                    deps.put(String.valueOf(k), String.valueOf(spec.getOrDefault("condition", "service_started")));
                });
            }
            return deps;
        }

        /** Published ports: container port to host port. */
        Map<Integer, Integer> ports() {
            Object p = spec.get("ports");
            Map<Integer, Integer> ports = new LinkedHashMap<>();
            if (p instanceof List<?> l) {
                for (Object o : l) {
                    if (o instanceof Map<?, ?> m) {
                        Object published = m.get("published");
                        int target = Integer.parseInt(String.valueOf(m.get("target")));
                        ports.put(target, published == null ? target : Integer.parseInt(String.valueOf(published)));
                    } else {
                        Matcher matcher = PORT.matcher(String.valueOf(o));
                        if (!matcher.matches()) {
                            throw new IllegalStateException(name + ": unsupported port entry " + o);
                        }
                        int container = Integer.parseInt(matcher.group(2));
                        ports.put(container, matcher.group(1) == null ? container : Integer.parseInt(matcher.group(1)));
                    }
                }
            }
            return ports;
        }

        /** The command or entrypoint script text, for one-shot jobs. */
        String commandText() {
            Object c = spec.get("command");
            if (c instanceof List<?> l) {
                return String.join("\n", l.stream().map(String::valueOf).toList());
            }
            return c == null ? "" : c.toString();
        }
    }
}
