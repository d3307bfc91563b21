package io.sfinbound.stack.demo;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;

import io.sfinbound.common.kafka.Topics;
import io.sfinbound.stack.Args;
import io.sfinbound.stack.Console;

/**
 * {@code demo}: runs {@link DemoDriver} against the local stack and prints the summary: the run, its counters, the
 * documents loaded, and where to look next (Swagger UIs, the documents API, the Kafka topics, the logs).
 * <p>
 * Options: {@code --config-api URL --loader URL --login-url URL --state FILE --key-file FILE --logs DIR --lib DIR
 * --bootstrap HOST:PORT --timeout SECONDS}, and positional {@code name=url} pairs of the services whose Swagger UI to
 * list. The admin key is read from {@code --key-file} (or {@code SFINBOUND_ADMIN_KEY}) so it never shows in
 * {@code ps}.
 */
public final class DemoCommand {

    /** Exit status: the run ended but did not complete. */
    public static final int RUN_NOT_COMPLETED = 2;
    /** Exit status: a service answered something unexpected. */
    public static final int UNEXPECTED_ANSWER = 3;
    /** Exit status: the run did not end in time. */
    public static final int TIMED_OUT = 4;

    private DemoCommand() {
    }

    /** Runs the demo and prints its summary; returns the exit status. */
    public static int run(Args args) throws Exception {
        String configApiUrl = args.get("config-api", "http://127.0.0.1:8081");
        String loaderUrl = args.get("loader", "http://127.0.0.1:8084");
        String logs = args.get("logs", ".stack/logs");
        String keyFile = args.get("key-file", "");
        String key = keyFile.isEmpty() ? System.getenv().getOrDefault("SFINBOUND_ADMIN_KEY", "") : Files.readString(Path.of(keyFile)).trim();
        if (key.isEmpty()) {
            throw new Args.UsageException("no admin key: give --key-file or set SFINBOUND_ADMIN_KEY");
        }
        String state = args.get("state", "");
        DemoSettings settings = new DemoSettings(args.get("login-url", "http://127.0.0.1:8085"),
                state.isEmpty() ? null : Path.of(state), Duration.ofSeconds(args.getInt("timeout", 300)), Duration.ofMillis(500));
        ApiClient configApi = new ApiClient("config-api", configApiUrl, key, logs + "/config-api.log");
        ApiClient loader = new ApiClient("loader", loaderUrl, key, logs + "/loader.log");

        DemoDriver.Outcome outcome;
        try {
            outcome = new DemoDriver(configApi, loader, settings).run();
        } catch (UnexpectedAnswerException e) {
            Console.err("demo FAILED: " + e.getMessage());
            Console.err("  the logs of every service are in " + logs + "/ (bin/sfinbound logs <service>)");
            return UNEXPECTED_ANSWER;
        } catch (DemoDriver.DemoTimeoutException e) {
            Console.err("demo FAILED: " + e.getMessage());
            Console.err("  look at " + logs + "/extractor.log, transformer.log and loader.log (bin/sfinbound logs <service>)");
            return TIMED_OUT;
        }
        printSummary(outcome, args, configApiUrl, loaderUrl, keyFile, logs);
        if (!outcome.succeeded()) {
            Console.err("demo FAILED: run " + outcome.run().path("id").asText() + " ended " + outcome.status() + ": "
                    + outcome.run().path("message").asText("(no message)"));
            Console.err("  look at " + logs + "/extractor.log, transformer.log, loader.log and config-api.log");
            return RUN_NOT_COMPLETED;
        }
        return 0;
    }

    private static void printSummary(DemoDriver.Outcome o, Args args, String configApiUrl, String loaderUrl, String keyFile, String logs) {
        Map<String, String> swagger = new LinkedHashMap<>();
        for (String s : args.positional()) {
            int eq = s.indexOf('=');
            if (eq > 0) {
                swagger.put(s.substring(0, eq), s.substring(eq + 1));
            }
        }
        summary(o, new Where(configApiUrl, loaderUrl, keyFile, logs, args.get("lib", "stack-tools/target/lib"),
                args.get("bootstrap", "127.0.0.1:9092"), swagger)).forEach(Console::out);
    }

    /** Where the stack's parts are, for the summary's "where to look" lines. */
    record Where(String configApiUrl, String loaderUrl, String keyFile, String logs, String lib, String bootstrap,
            Map<String, String> services) {
    }

    /** The summary of a demo run, line by line. */
    static List<String> summary(DemoDriver.Outcome o, Where w) {
        List<String> lines = new java.util.ArrayList<>();
        JsonNode run = o.run();
        String runId = run.path("id").asText();
        String keyExpr = w.keyFile().isEmpty() ? "$SFINBOUND_ADMIN_KEY" : "$(cat " + w.keyFile() + ")";
        String message = run.path("message").asText("");
        lines.add("");
        lines.add("==== sfinbound demo summary ====");
        lines.add(String.format("run %s of job %s: %s in %.1f s%s", runId, o.jobId(), o.status(), o.runTime().toMillis() / 1000.0,
                message.isEmpty() || "null".equals(message) ? "" : " (" + message + ")"));
        lines.add("  counters: " + DemoDriver.counters(run.path("counters")));
        if (o.documentsOfRun() >= 0) {
            lines.add("  documents loaded by this run: " + o.documentsOfRun() + "; the project now holds " + o.documentsOfProject()
                    + (o.reused() ? " (an incremental run loads only what changed since the last one)" : ""));
        }
        for (JsonNode d : o.sample()) {
            lines.add("    " + first(d, "naturalId", "natural_id") + "  " + first(d, "documentDate", "document_date") + "  "
                    + d.path("sourceRecordId").asText(""));
        }
        lines.add("");
        lines.add("Where to look");
        w.services().forEach((name, url) -> lines.add(String.format("  %-15s %s/q/swagger-ui", name, url)));
        lines.add("  the run:        curl -H \"X-API-Key: " + keyExpr + "\" " + w.configApiUrl() + "/api/runs/" + runId);
        lines.add("  the documents:  curl -H \"X-API-Key: " + keyExpr + "\" '" + w.loaderUrl() + "/api/projects/" + o.projectId()
                + "/documents?size=5'");
        lines.add("  a topic:        bin/sfinbound tap <topic>   (topics: " + String.join(", ", topics()) + ")");
        lines.add("                  = java -cp '" + w.lib() + "/*' org.apache.kafka.tools.consumer.ConsoleConsumer --bootstrap-server "
                + w.bootstrap() + " --topic " + Topics.DOCUMENTS + " --from-beginning --property print.key=true --property print.headers=true");
        lines.add("  the logs:       bin/sfinbound logs <service>   (" + w.logs() + "/)");
        lines.add("  run it again:   bin/sfinbound demo");
        return lines;
    }

    private static String first(JsonNode n, String a, String b) {
        return n.hasNonNull(a) ? n.get(a).asText() : n.path(b).asText("");
    }

    /** Every topic of the pipeline, in pipeline order. */
    public static List<String> topics() {
        return List.of(Topics.RUN_REQUESTS, Topics.RECORDS, Topics.RECORDS_DLQ, Topics.DOCUMENTS, Topics.DOCUMENTS_DLQ,
                Topics.LOAD_RESULTS, Topics.RUN_EVENTS);
    }
}
