package io.sfinbound.stack.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.sfinbound.common.kafka.Topics;
import io.sfinbound.stack.Console;
import io.sfinbound.stack.demo.ApiClient;
import io.sfinbound.stack.demo.DemoDriver;
import io.sfinbound.stack.demo.DemoSettings;

/**
 * One benchmark job: through config-api's public API it creates a connection to the simulator, a fresh project (so
 * every record is a new document) and a job of the given data type forced to REST or Bulk API 2.0, runs it, and
 * samples every second until the run ends: the run's counters, the topics' end offsets and the consumer groups' lag,
 * and each service's heap, RSS and CPU. Then it counts the project's documents in the store (loader API) and writes
 * everything as one JSON file.
 */
public final class JobBench {

    static final String LIVE_CHAT_SOQL = "SELECT Id, Body, StartTime, EndTime, Status, ChatDuration, OwnerId, CaseId, "
            + "CreatedDate, LastModifiedDate FROM LiveChatTranscript";
    static final String FEEDBACK_SOQL = "SELECT Id, Name, Comment__c, Rating__c, Channel__c, Language__c, Case__c, "
            + "Contact__c, Submitted_At__c, CreatedDate, LastModifiedDate FROM Feedback__c";
    /** The consumer groups of the pipeline (docs/architecture.md, topics). */
    static final String TRANSFORMER_GROUP = "transformer";
    static final String LOADER_GROUP = "loader";

    private static final ObjectMapper JSON = new ObjectMapper();

    /** What to run. */
    public record Settings(String label, String dataType, String api, long n, String loginUrl, String bootstrap,
            Map<String, Long> pids, Duration timeout, Path out) {
    }

    private final ApiClient configApi;
    private final ApiClient loader;
    private final Settings s;

    public JobBench(ApiClient configApi, ApiClient loader, Settings settings) {
        this.configApi = configApi;
        this.loader = loader;
        this.s = settings;
    }

    /** Runs the job and writes its JSON; returns it. */
    public ObjectNode run() throws IOException, InterruptedException {
        String suffix = s.label() + " " + Instant.now().toString().substring(0, 19);
        Map<String, Object> connection = new LinkedHashMap<>();
        connection.put("name", "bench simulator " + suffix);
        connection.put("loginUrl", s.loginUrl());
        connection.put("authFlow", "USERNAME_PASSWORD");
        connection.put("consumerKey", DemoSettings.CONSUMER_KEY);
        connection.put("consumerSecret", DemoSettings.CONSUMER_SECRET);
        connection.put("username", DemoSettings.USERNAME);
        connection.put("password", DemoSettings.PASSWORD);
        connection.put("securityToken", DemoSettings.SECURITY_TOKEN);
        connection.put("sandbox", false);
        String connectionId = configApi.post("/api/connections", connection, 201, 200).path("id").asText();
        String projectId = configApi.post("/api/projects", Map.of("name", "bench " + suffix,
                "description", "bench/run: " + s.n() + " " + s.dataType() + " over " + s.api()), 201, 200).path("id").asText();
        Map<String, Object> job = new LinkedHashMap<>();
        job.put("projectId", Long.valueOf(projectId));
        job.put("connectionId", Long.valueOf(connectionId));
        job.put("name", "bench " + suffix);
        job.put("dataType", s.dataType());
        job.put("apiVersion", "62.0");
        job.put("soql", "FEEDBACK".equals(s.dataType()) ? FEEDBACK_SOQL : LIVE_CHAT_SOQL);
        job.put("dateField", "LastModifiedDate");
        job.put("api", s.api());
        job.put("schedule", Map.of("type", "MANUAL"));
        String jobId = configApi.post("/api/jobs", job, 201, 200).path("id").asText();

        List<JvmProbe> probes = new ArrayList<>();
        s.pids().forEach((name, pid) -> probes.add(new JvmProbe(name, pid)));
        try (KafkaProgress kafka = new KafkaProgress(s.bootstrap())) {
            return measure(kafka, probes, connectionId, projectId, jobId);
        } finally {
            probes.forEach(JvmProbe::close);
        }
    }

    private ObjectNode measure(KafkaProgress kafka, List<JvmProbe> probes, String connectionId, String projectId, String jobId)
            throws IOException, InterruptedException {
        var recordsFrom = kafka.endOffsets(Topics.RECORDS);
        long records0 = sum(recordsFrom);
        var documentsFrom = kafka.endOffsets(Topics.DOCUMENTS);
        long documents0 = sum(documentsFrom);
        Map<String, Double> cpu0 = new LinkedHashMap<>();
        for (JvmProbe p : probes) {
            p.resetPeaks();
            cpu0.put(p.name(), p.cpuSeconds());
            if (p.problem() != null) {
                Console.err("bench: " + p.problem());
            }
        }
        Map<String, Double> peakHeap = new LinkedHashMap<>();
        Map<String, Double> peakAfterGc = new LinkedHashMap<>();

        Instant requested = Instant.now();
        String runId = configApi.post("/api/jobs/" + jobId + "/runs", null, 202, 201, 200).path("id").asText();
        Console.out(String.format(Locale.ROOT, "bench: %s run %s of job %s: %d %s over %s", s.label(), runId, jobId, s.n(),
                s.dataType(), s.api()));

        ArrayNode timeline = JSON.createArrayNode();
        List<Series.Point> produced = new ArrayList<>();
        List<Series.Point> transformed = new ArrayList<>();
        List<Series.Point> accounted = new ArrayList<>();
        List<Series.Point> transformerLag = new ArrayList<>();
        List<Series.Point> loaderLag = new ArrayList<>();
        JsonNode run;
        long nextPrint = 0;
        Instant deadline = requested.plus(s.timeout());
        while (true) {
            long tickStart = System.nanoTime();
            run = configApi.get("/api/runs/" + runId);
            double t = Duration.between(requested, Instant.now()).toMillis() / 1000.0;
            long recEnd = kafka.endSum(Topics.RECORDS);
            long docEnd = kafka.endSum(Topics.DOCUMENTS);
            long tLag = Math.max(0, recEnd - kafka.committedSum(TRANSFORMER_GROUP, Topics.RECORDS));
            long lLag = Math.max(0, docEnd - kafka.committedSum(LOADER_GROUP, Topics.DOCUMENTS));
            long acc = run.path("counters").path("accounted").asLong(0);
            produced.add(new Series.Point(t, recEnd - records0));
            transformed.add(new Series.Point(t, docEnd - documents0));
            accounted.add(new Series.Point(t, acc));
            transformerLag.add(new Series.Point(t, tLag));
            loaderLag.add(new Series.Point(t, lLag));

            ObjectNode sample = timeline.addObject();
            sample.put("t", t);
            sample.put("status", run.path("status").asText());
            sample.put("extracted", recEnd - records0);
            sample.put("transformed", docEnd - documents0);
            sample.put("accounted", acc);
            sample.put("transformerLag", tLag);
            sample.put("loaderLag", lLag);
            ObjectNode heap = sample.putObject("heapMb");
            ObjectNode rss = sample.putObject("rssMb");
            for (JvmProbe p : probes) {
                double h = p.heapUsedMb();
                heap.put(p.name(), round(h));
                rss.put(p.name(), round(p.statusMb("VmRSS")));
                peakHeap.merge(p.name(), h, Math::max);
                peakAfterGc.merge(p.name(), p.heapAfterGcMb(), Math::max);
            }
            if (t >= nextPrint) {
                Console.out(String.format(Locale.ROOT, "bench: %6.1f s %-10s extracted %,d transformed %,d accounted %,d lag %,d/%,d",
                        t, run.path("status").asText(), recEnd - records0, docEnd - documents0, acc, tLag, lLag));
                nextPrint = (long) t + 10;
            }
            if (DemoDriver.TERMINAL.contains(run.path("status").asText())) {
                break;
            }
            if (Instant.now().isAfter(deadline)) {
                Console.err("bench: run " + runId + " still " + run.path("status").asText() + " after " + s.timeout().toSeconds()
                        + " s: cancelling it");
                configApi.call("POST", "/api/runs/" + runId + "/cancel", null);
                break;
            }
            long spent = (System.nanoTime() - tickStart) / 1_000_000;
            Thread.sleep(Math.max(0, 1000 - spent));
        }

        ObjectNode out = JSON.createObjectNode();
        out.put("label", s.label());
        out.put("dataType", s.dataType());
        out.put("api", s.api());
        out.put("n", s.n());
        out.put("connectionId", connectionId);
        out.put("projectId", projectId);
        out.put("jobId", jobId);
        out.put("runId", runId);
        out.put("status", run.path("status").asText());
        out.put("message", run.path("message").asText(null));
        out.set("counters", run.path("counters"));
        out.put("createdAt", run.path("createdAt").asText(null));
        out.put("startedAt", run.path("startedAt").asText(null));
        out.put("finishedAt", run.path("finishedAt").asText(null));
        double e2e = seconds(run.path("createdAt").asText(null), run.path("finishedAt").asText(null));
        long extracted = run.path("counters").path("extracted").asLong(0);
        out.put("e2eSeconds", round(e2e));
        out.put("recordsPerSecond", e2e > 0 ? round(extracted / e2e) : 0);
        out.put("apiCalls", run.path("counters").path("apiCalls").asLong(-1));

        long rows = -1;
        if (DemoDriver.SUCCESS.contains(run.path("status").asText())) {
            rows = loader.get("/api/projects/" + projectId + "/documents?size=1").path("total").asLong(-1);
        }
        out.put("storeRows", rows);
        out.put("storeRowsMatchN", rows == s.n());

        ObjectNode stages = out.putObject("stages");
        stage(stages, "extractor", produced, "records published to " + Topics.RECORDS);
        stage(stages, "transformer", transformed, "messages published to " + Topics.DOCUMENTS);
        stage(stages, "loader", accounted, "records accounted by the loader (run counters)");
        out.put("maxTransformerLag", Series.max(transformerLag));
        out.put("maxLoaderLag", Series.max(loaderLag));

        double[] recSize = kafka.averageSizes(Topics.RECORDS, recordsFrom, 1000);
        double[] docSize = kafka.averageSizes(Topics.DOCUMENTS, documentsFrom, 1000);
        out.put("recordKeyBytes", round(recSize[0]));
        out.put("recordValueBytes", round(recSize[1]));
        out.put("documentValueBytes", round(docSize[1]));

        ObjectNode services = out.putObject("services");
        for (JvmProbe p : probes) {
            ObjectNode svc = services.putObject(p.name());
            svc.put("pid", p.pid());
            svc.put("peakRssMb", round(p.statusMb("VmHWM")));
            svc.put("peakHeapSampledMb", round(peakHeap.getOrDefault(p.name(), -1.0)));
            svc.put("heapPoolPeakSumMb", round(p.heapPoolPeakMb()));
            svc.put("maxHeapAfterGcMb", round(peakAfterGc.getOrDefault(p.name(), -1.0)));
            svc.put("heapMaxMb", round(p.heapMaxMb()));
            double cpu = p.cpuSeconds();
            svc.put("cpuSeconds", cpu < 0 || cpu0.get(p.name()) < 0 ? -1 : round(cpu - cpu0.get(p.name())));
            if (p.problem() != null) {
                svc.put("problem", p.problem());
            }
        }
        out.set("timeline", timeline);
        Files.createDirectories(s.out().toAbsolutePath().getParent());
        Files.writeString(s.out(), JSON.writerWithDefaultPrettyPrinter().writeValueAsString(out));
        Console.out(String.format(Locale.ROOT, "bench: %s %s in %.1f s: %,.0f records/s end to end, %d API calls, store rows %,d of %,d",
                s.label(), out.path("status").asText(), e2e, out.path("recordsPerSecond").asDouble(), out.path("apiCalls").asLong(),
                rows, s.n()));
        return out;
    }

    private static void stage(ObjectNode stages, String name, List<Series.Point> points, String what) {
        ObjectNode st = stages.putObject(name);
        st.put("what", what);
        st.put("count", points.isEmpty() ? 0 : points.get(points.size() - 1).count());
        st.put("recordsPerSecond", round(Series.activeRate(points)));
        st.put("doneAtSeconds", round(Series.doneAt(points)));
    }

    private static long sum(Map<?, Long> m) {
        return m.values().stream().mapToLong(Long::longValue).sum();
    }

    static double seconds(String from, String to) {
        if (from == null || to == null) {
            return -1;
        }
        return Duration.between(Instant.parse(from), Instant.parse(to)).toMillis() / 1000.0;
    }

    static double round(double v) {
        return Math.round(v * 10) / 10.0;
    }
}
