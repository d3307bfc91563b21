package io.sfinbound.sim.data;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.Iterator;

import io.sfinbound.sim.schema.Catalog;

/**
 * CPU cost of generating one transcript with the benchmark's fields (Id, Name, OwnerId, StartTime, EndTime,
 * ChatDuration, Status, Body, SystemModstamp), in-process and measured in thread CPU time, so that the figure holds on
 * a loaded machine. Not a test: it prints figures. Run from the module after {@code mvn package}:
 * {@code java -cp "target/classes:target/test-classes:target/quarkus-app/lib/main/*" io.sfinbound.sim.data.GenerationBenchmark 200000}.
 */
public final class GenerationBenchmark {

    private static final String[] FIELDS = {"Id", "Name", "OwnerId", "StartTime", "EndTime", "ChatDuration", "Status", "Body", "SystemModstamp"};

    private GenerationBenchmark() {
    }

    public static void main(String[] args) {
        int n = args.length > 0 ? Integer.parseInt(args[0]) : 200_000;
        DataStore store = new DataStore(42, o -> o.equals(Catalog.TRANSCRIPT)
                ? new ObjectSettings(1_000_000, java.time.Instant.parse("2025-01-01T00:00:00Z"), java.time.Duration.ofSeconds(1), 1, 0, 0, 2048, 0, 0)
                : ObjectSettings.DEFAULTS.get(o));
        ThreadMXBean mx = ManagementFactory.getThreadMXBean();
        long sink = 0;
        for (int round = 0; round < 3; round++) {
            long c0 = mx.getCurrentThreadCpuTime();
            long chars = 0;
            Iterator<SimRecord> it = store.scanByStamp(store.catalog().require(Catalog.TRANSCRIPT), null, null, null, false);
            for (int i = 0; i < n && it.hasNext(); i++) {
                SimRecord r = it.next();
                for (String f : FIELDS) {
                    Object v = r.field(f);
                    sink += v == null ? 0 : v.hashCode();
                }
                chars += ((String) r.field("Body")).length();
            }
            double us = (mx.getCurrentThreadCpuTime() - c0) / 1e3 / n;
            System.out.printf("round %d: %d transcripts, %.0f chars/body, %.1f µs CPU per transcript = %.0f per CPU-second%n",
                    round, n, (double) chars / n, us, 1e6 / us);
        }
        System.out.println(sink == 42 ? "" : "done");
    }
}
