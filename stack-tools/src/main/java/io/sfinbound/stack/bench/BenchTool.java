package io.sfinbound.stack.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.sfinbound.stack.Args;
import io.sfinbound.stack.Console;
import io.sfinbound.stack.demo.ApiClient;
import io.sfinbound.stack.demo.UnexpectedAnswerException;

/**
 * The Java half of {@code bench/run} (the script starts the stack and calls these):
 * <ul>
 * <li>{@code job}: one benchmark job with its samples ({@link JobBench});</li>
 * <li>{@code kafka-raw}: Kafka's own producer and consumer performance tools ({@link KafkaRaw});</li>
 * <li>{@code hot-methods}: the top methods of a JFR recording ({@link HotMethods});</li>
 * <li>{@code report}: the result JSON and Markdown ({@link Report}).</li>
 * </ul>
 * Exit status 0 on success, 1 on a failed measurement, 2 on a wrong command line.
 */
public final class BenchTool {

    private static final ObjectMapper JSON = new ObjectMapper();

    private BenchTool() {
    }

    public static void main(String[] argv) {
        int rc;
        try {
            rc = run(argv);
        } catch (Args.UsageException e) {
            Console.err("bench: " + e.getMessage());
            rc = 2;
        } catch (UnexpectedAnswerException | IllegalStateException e) {
            Console.err("bench: " + e.getMessage());
            rc = 1;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            rc = 1;
        } catch (Exception e) {
            Console.err("bench: " + e);
            rc = 1;
        }
        System.exit(rc);
    }

    static int run(String[] argv) throws Exception {
        if (argv.length == 0) {
            throw new Args.UsageException("usage: BenchTool job|kafka-raw|hot-methods|report [options]");
        }
        Args a = Args.parse(argv, 1);
        switch (argv[0]) {
            case "job" -> {
                String key = Files.readString(Path.of(a.required("key-file"))).trim();
                ApiClient configApi = new ApiClient("config-api", a.required("config-api"), key, a.get("logs", ".") + "/config-api.log");
                ApiClient loader = new ApiClient("loader", a.required("loader"), key, a.get("logs", ".") + "/loader.log");
                JobBench.Settings s = new JobBench.Settings(a.get("label", a.required("data-type") + "-" + a.required("api")),
                        a.required("data-type"), a.required("api"), Long.parseLong(a.required("n")), a.required("login-url"),
                        a.required("bootstrap"), pids(a.required("pids")), Duration.ofSeconds(a.getInt("timeout", 3600)),
                        Path.of(a.required("out")));
                new JobBench(configApi, loader, s).run();
                return 0;
            }
            case "kafka-raw" -> {
                KafkaRaw.run(a.required("bootstrap"), Long.parseLong(a.required("n")), a.getInt("record-size", 2048),
                        a.required("label"), Path.of(a.required("out")), Path.of(a.get("logs", ".")));
                return 0;
            }
            case "hot-methods" -> {
                Path jfr;
                if (a.get("job", "").isEmpty()) {
                    jfr = Path.of(a.required("jfr"));
                } else {
                    // the service that used the most CPU during the job: on a CPU-bound machine, what to make faster
                    JsonNode services = JSON.readTree(Path.of(a.get("job", "")).toFile()).path("services");
                    String busiest = null;
                    double most = -1;
                    for (String s : Report.SERVICES) {
                        double cpu = services.path(s).path("cpuSeconds").asDouble(-1);
                        Path f = Path.of(a.required("jfr-dir"), s + ".jfr");
                        if (cpu > most && Files.isRegularFile(f)) {
                            most = cpu;
                            busiest = s;
                        }
                    }
                    if (busiest == null) {
                        throw new IllegalStateException("no JFR recording of a service in " + a.required("jfr-dir"));
                    }
                    StringBuilder cpu = new StringBuilder();
                    for (String s : Report.SERVICES) {
                        cpu.append(cpu.length() == 0 ? "" : ", ").append(s).append(' ').append(services.path(s).path("cpuSeconds").asText("-")).append(" s");
                    }
                    Console.out("CPU seconds during the job: " + cpu + "; profiling " + busiest);
                    jfr = Path.of(a.required("jfr-dir"), busiest + ".jfr");
                }
                Console.out(HotMethods.top(jfr, a.getInt("top", 10)));
                return 0;
            }
            case "report" -> {
                ObjectNode machine = JSON.createObjectNode();
                for (String line : Files.readAllLines(Path.of(a.required("machine")))) {
                    int eq = line.indexOf('=');
                    if (eq > 0) {
                        machine.put(line.substring(0, eq), line.substring(eq + 1));
                    }
                }
                JsonNode compare = a.get("compare", "").isEmpty() ? null : JSON.readTree(Path.of(a.get("compare", "")).toFile());
                String profile = a.get("profile", "").isEmpty() ? null : Files.readString(Path.of(a.get("profile", "")));
                ObjectNode r = Report.collect(Path.of(a.required("dir")), machine, compare, profile);
                Files.writeString(Path.of(a.required("json")), JSON.writerWithDefaultPrettyPrinter().writeValueAsString(r));
                String md = Report.markdown(r);
                Files.writeString(Path.of(a.required("md")), md);
                Console.out(md);
                return 0;
            }
            default -> throw new Args.UsageException("unknown command " + argv[0] + " (job|kafka-raw|hot-methods|report)");
        }
    }

    /** {@code name=pid,name=pid}. */
    static Map<String, Long> pids(String spec) {
        Map<String, Long> m = new LinkedHashMap<>();
        for (String part : spec.split(",")) {
            String[] kv = part.split("=", 2);
            if (kv.length != 2 || !kv[1].matches("\\d+")) {
                throw new Args.UsageException("--pids takes name=pid,name=pid; got " + part);
            }
            m.put(kv[0], Long.valueOf(kv[1]));
        }
        return m;
    }
}
