package io.sfinbound.stack.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * The benchmark's result: every job's JSON and Kafka's raw figures of one {@code bench/run}, the machine it ran on,
 * and where we stand against each target of issue 7, as one JSON document and a Markdown table.
 */
public final class Report {

    static final double TARGET_TRANSCRIPTS_PER_SECOND = 10_000;
    static final double TARGET_RAW_SHARE = 0.25;
    static final double TARGET_EXTRACTOR_HEAP_MB = 256;
    static final double TARGET_SERVICE_HEAP_MB = 512;
    static final double TARGET_BULK_CALLS_PER_MILLION = 20;
    static final double REST_RECORDS_PER_CALL = 2_000;
    static final double TARGET_LINEARITY = 0.8;
    /** The connector's services; the simulator stands in for Salesforce and is not held to the heap targets. */
    static final List<String> SERVICES = List.of("config-api", "extractor", "transformer", "loader");

    private static final ObjectMapper JSON = new ObjectMapper();

    private Report() {
    }

    /** Reads {@code job-*.json} and {@code raw-*.json} of a run folder into one result document. */
    public static ObjectNode collect(Path dir, ObjectNode machine, JsonNode compare, String profile) throws IOException {
        ObjectNode r = JSON.createObjectNode();
        r.set("machine", machine);
        ArrayNode jobs = r.putArray("jobs");
        ObjectNode raw = r.putObject("kafkaRaw");
        try (Stream<Path> files = Files.list(dir)) {
            for (Path p : files.sorted().toList()) {
                String f = p.getFileName().toString();
                if (f.startsWith("job-") && f.endsWith(".json")) {
                    jobs.add(JSON.readTree(p.toFile()));
                } else if (f.startsWith("raw-") && f.endsWith(".json")) {
                    JsonNode n = JSON.readTree(p.toFile());
                    raw.set(n.path("label").asText(), n);
                }
            }
        }
        for (JsonNode j : jobs) {
            JsonNode k = raw.path(j.path("dataType").asText());
            double combined = k.path("combinedRecordsPerSecond").asDouble(0);
            ((ObjectNode) j).put("kafkaRawRatio", combined > 0 ? Math.round(j.path("recordsPerSecond").asDouble() / combined * 1000) / 1000.0 : -1);
        }
        if (profile != null) {
            r.put("profile", profile);
        }
        r.set("targets", targets(jobs, compare));
        return r;
    }

    /** Where the jobs stand against each target of issue 7. */
    static ArrayNode targets(ArrayNode jobs, JsonNode compare) {
        ArrayNode t = JSON.createArrayNode();
        // 1. 10,000 transcripts/s end to end
        List<String> chat = new ArrayList<>();
        boolean chatMet = false;
        boolean anyChat = false;
        for (JsonNode j : jobs) {
            if ("LIVE_CHAT".equals(j.path("dataType").asText())) {
                anyChat = true;
                double rps = j.path("recordsPerSecond").asDouble();
                chat.add(j.path("api").asText() + " " + fmt(rps));
                chatMet |= rps >= TARGET_TRANSCRIPTS_PER_SECOND;
            }
        }
        target(t, "end to end >= 10,000 transcripts/s", String.join(", ", chat) + " transcripts/s", anyChat ? verdict(chatMet) : "not measured");

        // 2. >= 25% of Kafka's raw produce+consume
        List<String> ratios = new ArrayList<>();
        boolean allRatio = true;
        boolean anyRatio = false;
        for (JsonNode j : jobs) {
            double ratio = j.path("kafkaRawRatio").asDouble(-1);
            if (ratio >= 0) {
                anyRatio = true;
                ratios.add(j.path("dataType").asText() + " " + j.path("api").asText() + " " + pct(ratio));
                allRatio &= ratio >= TARGET_RAW_SHARE;
            }
        }
        target(t, "end to end >= 25% of Kafka's raw produce+consume", ratios.isEmpty() ? "-" : String.join(", ", ratios),
                anyRatio ? verdict(allRatio) : "not measured");

        // 3. extractor heap <= 256 MB on a 1M Bulk extraction
        String heap = "-";
        String heapVerdict = "not measured";
        for (JsonNode j : jobs) {
            if ("BULK".equals(j.path("api").asText()) && "LIVE_CHAT".equals(j.path("dataType").asText())) {
                JsonNode e = j.path("services").path("extractor");
                double peak = e.path("peakHeapSampledMb").asDouble(-1);
                heap = String.format(Locale.ROOT, "peak used %s MB (sampled; pools' peak sum %s MB, after GC %s MB) at -Xmx %s MB, N = %s",
                        fmt(peak), fmt(e.path("heapPoolPeakSumMb").asDouble(-1)), fmt(e.path("maxHeapAfterGcMb").asDouble(-1)),
                        fmt(e.path("heapMaxMb").asDouble(-1)), fmt(j.path("n").asDouble()));
                boolean ok = peak >= 0 && peak <= TARGET_EXTRACTOR_HEAP_MB && "COMPLETED".equals(j.path("status").asText());
                heapVerdict = j.path("n").asLong() >= 1_000_000 ? verdict(ok) : (ok ? "met at this N; 1M not run" : "not met");
            }
        }
        target(t, "extractor heap <= 256 MB, 1M Bulk", heap, heapVerdict);

        // 4. <= 512 MB heap for any service
        double worst = -1;
        String who = "-";
        for (JsonNode j : jobs) {
            for (String s : SERVICES) {
                double h = j.path("services").path(s).path("peakHeapSampledMb").asDouble(-1);
                if (h > worst) {
                    worst = h;
                    who = s + " in " + j.path("dataType").asText() + " " + j.path("api").asText();
                }
            }
        }
        target(t, "no service above 512 MB heap", worst < 0 ? "-" : "largest peak used heap " + fmt(worst) + " MB (" + who + ")",
                worst < 0 ? "not measured" : verdict(worst <= TARGET_SERVICE_HEAP_MB));

        // 5. API calls: Bulk <= 20 per 1M, REST one per 2,000 records
        List<String> calls = new ArrayList<>();
        boolean callsOk = true;
        boolean anyCalls = false;
        for (JsonNode j : jobs) {
            long c = j.path("apiCalls").asLong(-1);
            long n = j.path("n").asLong();
            if (c < 0 || n <= 0) {
                continue;
            }
            anyCalls = true;
            if ("BULK".equals(j.path("api").asText())) {
                double allowed = TARGET_BULK_CALLS_PER_MILLION * Math.max(1.0, n / 1_000_000.0);
                calls.add(j.path("dataType").asText() + " Bulk " + c + " for " + fmt(n) + " (allowed " + fmt(allowed) + ")");
                callsOk &= c <= allowed;
            } else {
                long minimum = (long) Math.ceil(n / REST_RECORDS_PER_CALL);
                calls.add(j.path("dataType").asText() + " REST " + c + " for " + fmt(n) + " (minimum " + minimum + ")");
                callsOk &= c <= minimum;
            }
        }
        target(t, "Bulk <= 20 calls per 1M; REST 1 call per 2,000", String.join(", ", calls), anyCalls ? verdict(callsOk) : "not measured");

        // 6. linear: the 1M run within 20% of the 100k run
        List<String> lin = new ArrayList<>();
        boolean linOk = true;
        if (compare != null) {
            for (JsonNode j : jobs) {
                for (JsonNode o : compare.path("jobs")) {
                    if (o.path("dataType").equals(j.path("dataType")) && o.path("api").equals(j.path("api"))
                            && o.path("n").asLong() != j.path("n").asLong()) {
                        JsonNode big = o.path("n").asLong() > j.path("n").asLong() ? o : j;
                        JsonNode small = big == o ? j : o;
                        double ratio = big.path("recordsPerSecond").asDouble() / Math.max(1e-9, small.path("recordsPerSecond").asDouble());
                        lin.add(j.path("dataType").asText() + " " + j.path("api").asText() + " " + pct(ratio) + " of the "
                                + fmt(small.path("n").asDouble()) + " run's rate at " + fmt(big.path("n").asDouble()));
                        linOk &= ratio >= TARGET_LINEARITY;
                    }
                }
            }
        }
        target(t, "linear: 1M rate within 20% of 100k", lin.isEmpty() ? "needs a run at another N (--compare)" : String.join(", ", lin),
                lin.isEmpty() ? "not measured" : verdict(linOk));
        return t;
    }

    private static void target(ArrayNode t, String name, String value, String verdict) {
        ObjectNode o = t.addObject();
        o.put("target", name);
        o.put("measured", value);
        o.put("verdict", verdict);
    }

    private static String verdict(boolean met) {
        return met ? "met" : "NOT met";
    }

    /** The result as Markdown: machine, jobs, stages, memory, Kafka raw, targets, profile. */
    public static String markdown(JsonNode r) {
        StringBuilder md = new StringBuilder();
        JsonNode m = r.path("machine");
        md.append("### Benchmark ").append(m.path("date").asText()).append(", commit ").append(m.path("commit").asText()).append("\n\n");
        md.append("| machine | value |\n|---|---|\n");
        for (Iterator<Map.Entry<String, JsonNode>> it = m.fields(); it.hasNext();) {
            Map.Entry<String, JsonNode> e = it.next();
            md.append("| ").append(e.getKey()).append(" | `").append(e.getValue().asText().replace("|", "\\|")).append("` |\n");
        }
        md.append("\n| job | N | status | e2e s | records/s | of Kafka raw | extractor/s | transformer/s | loader/s | max lag T/L | API calls | store rows | CPU ms/record |\n");
        md.append("|---|---|---|---|---|---|---|---|---|---|---|---|---|\n");
        for (JsonNode j : r.path("jobs")) {
            JsonNode st = j.path("stages");
            md.append("| ").append(j.path("dataType").asText()).append(' ').append(j.path("api").asText())
                    .append(" | ").append(fmt(j.path("n").asDouble()))
                    .append(" | ").append(j.path("status").asText())
                    .append(" | ").append(j.path("e2eSeconds").asText())
                    .append(" | ").append(fmt(j.path("recordsPerSecond").asDouble()))
                    .append(" | ").append(j.path("kafkaRawRatio").asDouble(-1) < 0 ? "-" : pct(j.path("kafkaRawRatio").asDouble()))
                    .append(" | ").append(fmt(st.path("extractor").path("recordsPerSecond").asDouble()))
                    .append(" | ").append(fmt(st.path("transformer").path("recordsPerSecond").asDouble()))
                    .append(" | ").append(fmt(st.path("loader").path("recordsPerSecond").asDouble()))
                    .append(" | ").append(fmt(j.path("maxTransformerLag").asDouble())).append(" / ").append(fmt(j.path("maxLoaderLag").asDouble()))
                    .append(" | ").append(j.path("apiCalls").asText())
                    .append(" | ").append(fmt(j.path("storeRows").asDouble())).append(j.path("storeRowsMatchN").asBoolean() ? " (= N)" : " (**not N**)")
                    .append(" | ").append(cpuPerRecord(j))
                    .append(" |\n");
        }
        md.append("\nPer service, each job (peak RSS / peak used heap sampled every second / CPU seconds):\n\n| job |");
        List<String> names = serviceNames(r);
        names.forEach(n -> md.append(' ').append(n).append(" |"));
        md.append("\n|---|");
        names.forEach(n -> md.append("---|"));
        md.append('\n');
        for (JsonNode j : r.path("jobs")) {
            md.append("| ").append(j.path("dataType").asText()).append(' ').append(j.path("api").asText()).append(" |");
            for (String n : names) {
                JsonNode s = j.path("services").path(n);
                md.append(' ').append(fmt(s.path("peakRssMb").asDouble(-1))).append(" MB / ").append(fmt(s.path("peakHeapSampledMb").asDouble(-1)))
                        .append(" MB / ").append(fmt(s.path("cpuSeconds").asDouble(-1))).append(" s |");
            }
            md.append('\n');
        }
        if (r.path("kafkaRaw").size() > 0) {
            md.append("\n| Kafka raw | records | record bytes | partitions | produce/s | consume/s (fetch) | produce+consume/s |\n|---|---|---|---|---|---|---|\n");
            for (JsonNode k : r.path("kafkaRaw")) {
                md.append("| ").append(k.path("label").asText()).append(" | ").append(fmt(k.path("n").asDouble()))
                        .append(" | ").append(k.path("recordSize").asText()).append(" | ").append(k.path("partitions").asText())
                        .append(" | ").append(fmt(k.path("producerRecordsPerSecond").asDouble()))
                        .append(" | ").append(fmt(k.path("consumerFetchRecordsPerSecond").asDouble()))
                        .append(" | ").append(fmt(k.path("combinedRecordsPerSecond").asDouble())).append(" |\n");
            }
        }
        md.append("\n| target (issue 7) | measured | verdict |\n|---|---|---|\n");
        for (JsonNode t : r.path("targets")) {
            md.append("| ").append(t.path("target").asText()).append(" | ").append(t.path("measured").asText())
                    .append(" | ").append(t.path("verdict").asText()).append(" |\n");
        }
        if (r.hasNonNull("profile")) {
            md.append("\nProfile:\n\n```\n").append(r.path("profile").asText().strip()).append("\n```\n");
        }
        return md.toString();
    }

    /**
     * CPU milliseconds per record of the connector's four services together (start-up of the run and JIT included): a
     * figure that a busy machine changes far less than records per second, and the bound on any machine, since two
     * cores give at most 2,000 ms of CPU a second.
     */
    static String cpuPerRecord(JsonNode job) {
        double sum = 0;
        for (String s : SERVICES) {
            double c = job.path("services").path(s).path("cpuSeconds").asDouble(-1);
            if (c < 0) {
                return "-";
            }
            sum += c;
        }
        long n = job.path("n").asLong();
        return n <= 0 ? "-" : String.format(Locale.ROOT, "%.2f", sum * 1000 / n);
    }

    private static List<String> serviceNames(JsonNode r) {
        List<String> names = new ArrayList<>();
        for (JsonNode j : r.path("jobs")) {
            j.path("services").fieldNames().forEachRemaining(n -> {
                if (!names.contains(n)) {
                    names.add(n);
                }
            });
        }
        names.sort(Comparator.comparingInt(n -> SERVICES.contains(n) ? SERVICES.indexOf(n) : 99));
        return names;
    }

    static String fmt(double v) {
        if (v < 0) {
            return "-";
        }
        return v >= 100 || v == Math.rint(v) ? String.format(Locale.ROOT, "%,.0f", v) : String.format(Locale.ROOT, "%,.1f", v);
    }

    static String pct(double ratio) {
        return String.format(Locale.ROOT, "%.1f%%", ratio * 100);
    }
}
