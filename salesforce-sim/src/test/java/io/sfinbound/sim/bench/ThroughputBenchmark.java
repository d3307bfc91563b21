package io.sfinbound.sim.bench;

import java.io.InputStream;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Measures how fast a running simulator serves records: REST query pages (2,000 records, following
 * {@code nextRecordsUrl}) and Bulk API 2.0 CSV results, on LiveChatTranscript with its chat bodies. JDK only, so it
 * runs as a single source file: {@code java salesforce-sim/src/test/java/io/sfinbound/sim/bench/ThroughputBenchmark.java
 * http://127.0.0.1:8085 200000} (see {@code salesforce-sim/bench.sh}, which starts the simulator with 2 KB bodies).
 * Not a test: it prints figures.
 */
public final class ThroughputBenchmark {

    private static final Pattern TOKEN = Pattern.compile("\"access_token\"\\s*:\\s*\"([^\"]+)\"");
    private static final Pattern NEXT = Pattern.compile("\"nextRecordsUrl\"\\s*:\\s*\"([^\"]+)\"");
    private static final Pattern ID = Pattern.compile("\"id\"\\s*:\\s*\"([^\"]+)\"");
    private static final Pattern STATE = Pattern.compile("\"state\"\\s*:\\s*\"([^\"]+)\"");

    /** The simulator's process id, to read the CPU time it spent (robust to a loaded machine); -1: unknown. */
    private static long simPid = -1;

    private ThroughputBenchmark() {
    }

    /** CPU seconds (user + system) the simulator process has used so far, from /proc; NaN if unknown. */
    private static double simCpuSeconds() {
        if (simPid < 0) {
            return Double.NaN;
        }
        try {
            String stat = java.nio.file.Files.readString(java.nio.file.Path.of("/proc/" + simPid + "/stat"));
            String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            // fields 14 and 15 of stat (utime, stime), counted from the state field (3rd) here
            return (Long.parseLong(f[11]) + Long.parseLong(f[12])) / 100.0;
        } catch (Exception e) {
            return Double.NaN;
        }
    }

    private static String cpu(double cpuSeconds, long records) {
        return Double.isNaN(cpuSeconds) ? "" : String.format("; simulator CPU %.1f s = %.0f µs/record = %.0f records per CPU-second",
                cpuSeconds, cpuSeconds * 1e6 / records, records / cpuSeconds);
    }

    public static void main(String[] args) throws Exception {
        String base = args.length > 0 ? args[0] : "http://127.0.0.1:8085";
        long records = args.length > 1 ? Long.parseLong(args[1]) : 100_000;
        String which = args.length > 2 ? args[2] : "both";
        simPid = args.length > 3 ? Long.parseLong(args[3]) : -1;
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        String form = "grant_type=password&client_id=sfinbound-demo-key&client_secret=sfinbound-demo-secret"
                + "&username=demo%40sfinbound.example&password=demo-passwordDEMOTOKEN";
        String tokenJson = http.send(HttpRequest.newBuilder(URI.create(base + "/services/oauth2/token"))
                .header("Content-Type", "application/x-www-form-urlencoded").POST(HttpRequest.BodyPublishers.ofString(form)).build(),
                HttpResponse.BodyHandlers.ofString()).body();
        Matcher tm = TOKEN.matcher(tokenJson);
        if (!tm.find()) {
            throw new IllegalStateException("login failed: " + tokenJson);
        }
        String token = tm.group(1);
        String soql = "SELECT Id, Name, OwnerId, StartTime, EndTime, ChatDuration, Status, Body, SystemModstamp FROM LiveChatTranscript "
                + "ORDER BY SystemModstamp, Id LIMIT " + records;

        if (!which.equals("bulk")) {
            restBench(http, base, token, soql, records);
        }
        if (!which.equals("rest")) {
            bulkBench(http, base, token, soql);
        }
    }

    private static void restBench(HttpClient http, String base, String token, String soql, long records) throws Exception {
        // warm-up, then measure
        rest(http, base, token, soql.replace("LIMIT " + records, "LIMIT 20000"));
        long t0 = System.nanoTime();
        double c0 = simCpuSeconds();
        long[] rest = rest(http, base, token, soql);
        double restSeconds = (System.nanoTime() - t0) / 1e9;
        System.out.printf("REST query: %d records, %d pages, %.1f MB in %.2f s = %.0f records/s (%.1f MB/s)%s%n", rest[0], rest[1],
                rest[2] / 1e6, restSeconds, rest[0] / restSeconds, rest[2] / 1e6 / restSeconds, cpu(simCpuSeconds() - c0, rest[0]));
    }

    private static void bulkBench(HttpClient http, String base, String token, String soql) throws Exception {
        long t0;

        String bulkSoql = soql.substring(0, soql.indexOf(" ORDER BY"));
        bulk(http, base, token, bulkSoql + " WHERE Name != null", 20_000);
        t0 = System.nanoTime();
        double c0 = simCpuSeconds();
        long[] bulk = bulk(http, base, token, bulkSoql, 50_000);
        double bulkSeconds = (System.nanoTime() - t0) / 1e9;
        System.out.printf("Bulk 2.0 CSV: %d records, %d pages, %.1f MB in %.2f s = %.0f records/s (%.1f MB/s), job wait included%s%n",
                bulk[0], bulk[1], bulk[2] / 1e6, bulkSeconds, bulk[0] / bulkSeconds, bulk[2] / 1e6 / bulkSeconds, cpu(simCpuSeconds() - c0, bulk[0]));
    }

    /** Reads every page; returns records, pages, bytes. */
    private static long[] rest(HttpClient http, String base, String token, String soql) throws Exception {
        String url = base + "/services/data/v62.0/query?q=" + URLEncoder.encode(soql, StandardCharsets.UTF_8);
        long records = 0;
        long pages = 0;
        long bytes = 0;
        while (url != null) {
            String body = http.send(HttpRequest.newBuilder(URI.create(url)).header("Authorization", "Bearer " + token).build(),
                    HttpResponse.BodyHandlers.ofString()).body();
            bytes += body.length();
            pages++;
            records += count(body, "\"attributes\"");
            Matcher m = NEXT.matcher(body.substring(0, Math.min(300, body.length())));
            url = m.find() ? base + m.group(1) : null;
        }
        return new long[] {records, pages, bytes};
    }

    /** Runs a Bulk query job and reads its results; returns records, pages, bytes. */
    private static long[] bulk(HttpClient http, String base, String token, String soql, int maxRecords) throws Exception {
        String jobs = base + "/services/data/v62.0/jobs/query";
        String created = http.send(HttpRequest.newBuilder(URI.create(jobs)).header("Authorization", "Bearer " + token)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"operation\":\"query\",\"query\":\"" + soql + "\"}")).build(),
                HttpResponse.BodyHandlers.ofString()).body();
        Matcher im = ID.matcher(created);
        if (!im.find()) {
            throw new IllegalStateException("job not created: " + created);
        }
        String id = im.group(1);
        while (true) {
            String info = http.send(HttpRequest.newBuilder(URI.create(jobs + "/" + id)).header("Authorization", "Bearer " + token).build(),
                    HttpResponse.BodyHandlers.ofString()).body();
            Matcher sm = STATE.matcher(info);
            if (sm.find() && sm.group(1).equals("JobComplete")) {
                break;
            }
            Thread.sleep(200);
        }
        long records = 0;
        long pages = 0;
        long bytes = 0;
        String locator = null;
        do {
            String url = jobs + "/" + id + "/results?maxRecords=" + maxRecords + (locator == null ? "" : "&locator=" + locator);
            HttpResponse<InputStream> r = http.send(HttpRequest.newBuilder(URI.create(url)).header("Authorization", "Bearer " + token)
                    .header("Accept", "text/csv").build(), HttpResponse.BodyHandlers.ofInputStream());
            try (InputStream in = r.body()) {
                byte[] buf = new byte[1 << 16];
                int n;
                while ((n = in.read(buf)) > 0) {
                    bytes += n;
                }
            }
            records += Long.parseLong(r.headers().firstValue("Sforce-NumberOfRecords").orElse("0"));
            locator = r.headers().firstValue("Sforce-Locator").orElse("null");
            pages++;
        } while (!"null".equals(locator));
        return new long[] {records, pages, bytes};
    }

    private static long count(String s, String needle) {
        long n = 0;
        int i = s.indexOf(needle);
        while (i >= 0) {
            n++;
            i = s.indexOf(needle, i + needle.length());
        }
        return n;
    }
}
