package io.sfinbound.stack;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Waits for, or reports, the readiness of HTTP services ({@code /q/health/ready} answering 200), so that the launcher
 * needs no curl.
 */
public final class HealthProbe {

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1)).build();

    private HealthProbe() {
    }

    /** The HTTP status of a GET, or -1 when nothing answers. */
    public static int status(String url) {
        try {
            HttpRequest req = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(3)).GET().build();
            return HTTP.send(req, HttpResponse.BodyHandlers.discarding()).statusCode();
        } catch (IOException e) {
            return -1;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return -1;
        }
    }

    /** Parses {@code name=url} arguments. */
    static Map<String, String> targets(Args args) {
        Map<String, String> targets = new LinkedHashMap<>();
        for (String s : args.positional()) {
            int eq = s.indexOf('=');
            if (eq <= 0) {
                throw new Args.UsageException("expected name=url, got " + s);
            }
            targets.put(s.substring(0, eq), s.substring(eq + 1));
        }
        return targets;
    }

    /** Parses {@code --pids name:pid,name:pid}: the processes behind the URLs, to stop waiting when one exits. */
    static Map<String, Long> pids(Args args) {
        Map<String, Long> pids = new LinkedHashMap<>();
        for (String s : args.get("pids", "").split(",")) {
            int colon = s.lastIndexOf(':');
            if (colon > 0) {
                try {
                    pids.put(s.substring(0, colon), Long.parseLong(s.substring(colon + 1)));
                } catch (NumberFormatException e) {
                    throw new Args.UsageException("expected name:pid in --pids, got " + s);
                }
            }
        }
        return pids;
    }

    /**
     * {@code wait-http --timeout seconds [--pids name:pid,...] name=url...}: polls every URL until each answered 200
     * once; prints {@code ready <name> <seconds>} as each becomes ready. Exit 0 when all are ready, 1 otherwise (the
     * stragglers are named on stderr), at once when one of the given processes exits.
     */
    static int waitAll(Args args) throws InterruptedException {
        Map<String, String> pending = targets(args);
        Map<String, Long> pids = pids(args);
        Instant start = Instant.now();
        Instant deadline = start.plusSeconds(args.getInt("timeout", 180));
        while (!pending.isEmpty() && Instant.now().isBefore(deadline)) {
            for (String name : pending.keySet()) {
                Long pid = pids.get(name);
                if (pid != null && ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false) == Boolean.FALSE) {
                    Console.err("exited: " + name + " (pid " + pid + ") while starting");
                    return 1;
                }
            }
            pending.entrySet().removeIf(e -> {
                if (status(e.getValue()) == 200) {
                    Console.out(String.format("ready %s %.1f", e.getKey(), Duration.between(start, Instant.now()).toMillis() / 1000.0));
                    return true;
                }
                return false;
            });
            if (!pending.isEmpty()) {
                Thread.sleep(300);
            }
        }
        if (pending.isEmpty()) {
            return 0;
        }
        pending.forEach((name, url) -> Console.err("not ready: " + name + " (" + url + " answers " + describe(status(url)) + ")"));
        return 1;
    }

    /** {@code probe-http name=url...}: prints {@code <name> <status>} per URL, {@code down} when nothing answers. */
    static int probe(Args args) {
        targets(args).forEach((name, url) -> Console.out(name + " " + describe(status(url))));
        return 0;
    }

    private static String describe(int status) {
        return status < 0 ? "down" : Integer.toString(status);
    }
}
