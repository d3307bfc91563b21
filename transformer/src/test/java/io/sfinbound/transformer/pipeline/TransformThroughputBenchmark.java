package io.sfinbound.transformer.pipeline;

import io.sfinbound.transform.job.CompiledJob;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quarkus.logging.Log;
import io.sfinbound.common.job.ConnectorFilter;
import io.sfinbound.common.job.DataType;
import io.sfinbound.common.job.Detector;
import io.sfinbound.common.job.FieldMapping;
import io.sfinbound.common.job.JobConfig;
import io.sfinbound.common.job.ParticipantMode;
import io.sfinbound.common.job.RedactionSettings;
import io.sfinbound.common.job.Transformation;
import io.sfinbound.common.job.TransformationType;
import io.sfinbound.common.kafka.Json;
import io.sfinbound.common.record.AttributeType;
import io.sfinbound.common.record.DocumentKind;
import io.sfinbound.common.record.ExtractedRecord;
import io.sfinbound.transformer.support.Jobs;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

/**
 * Transcripts per second on one core through the whole transformation (Body parsing with jsoup, participant
 * identification, default and field mappings with a custom expression, a connector filter, substitution and
 * redaction with the e-mail, phone and card detectors, verbatim split), over the golden chat transcripts that
 * become documents. One thread, so the figure is per core. Run:
 * {@code mvn -o -pl transformer test -Dtest=TransformThroughputBenchmark -Dbenchmark=true}
 * (optional {@code -Dbenchmark.seconds=20}). Disabled in the normal build: it measures, it does not check.
 */
@EnabledIfSystemProperty(named = "benchmark", matches = "true")
class TransformThroughputBenchmark {

    @Test
    void measureTranscriptsPerSecondPerCore() throws IOException {
        TransformerEngine engine = new TransformerEngine(Clock.systemUTC(), Duration.ofMillis(50), Duration.ofMillis(500));
        JobConfig base = Jobs.job(1, DataType.LIVE_CHAT, ParticipantMode.AUTO_DETECT, List.of(), null, null);
        List<FieldMapping> mappings = List.of(
                new FieldMapping("Status", "status", AttributeType.TEXT, null,
                        new Transformation(TransformationType.EXPRESSION, null, null, null, null, "UPPER($value)")),
                new FieldMapping("ChatDuration", "duration", AttributeType.NUMBER, null, null));
        RedactionSettings redaction = new RedactionSettings("ACME : Acme Inc.", "ORD-\\d{6}",
                Set.of(Detector.EMAIL, Detector.PHONE, Detector.PAYMENT_CARD), null, List.of());
        JobConfig job = new JobConfig(1, 1, 7, 3, "bench", DataType.LIVE_CHAT, ParticipantMode.AUTO_DETECT,
                base.apiVersion(), base.soql(), "CreatedDate", false, base.api(), base.bulkThreshold(), null,
                base.lookBack(), base.duplicateMode(), base.defaultMapping(), mappings, redaction,
                new ConnectorFilter("ChatDuration >= 0", ConnectorFilter.Mode.INCLUDE));
        CompiledJob compiled = engine.compile(job);

        List<ExtractedRecord> records = new ArrayList<>();
        long bodyChars = 0;
        try (Stream<Path> files = Files.list(Path.of("src/test/resources/golden/chat"))) {
            for (Path p : files.filter(f -> !f.toString().endsWith(".expected.json")).sorted().toList()) {
                JsonNode c = Json.mapper().readTree(p.toFile());
                ObjectNode data = (ObjectNode) c.get("record");
                ExtractedRecord r = new ExtractedRecord("bench", 1, 1, 7, "LiveChatTranscript", data.get("Id").asText(),
                        "REST", Instant.now(), data);
                if (engine.transformer().transform(r, compiled).message().kind() == DocumentKind.DOCUMENT
                        && data.path("Body").isTextual() && !data.get("Body").asText().isEmpty()) {
                    records.add(r);
                    bodyChars += data.get("Body").asText().length();
                }
            }
        }
        assertThat(records).hasSizeGreaterThan(20);
        long seconds = Long.getLong("benchmark.seconds", 10);
        // Warm-up and measurement are counted in CPU time of this thread, capped in wall time.
        run(engine, compiled, records, Duration.ofSeconds(Math.max(3, seconds / 2)));
        long[] result = run(engine, compiled, records, Duration.ofSeconds(seconds));
        // CPU time of this thread, not wall time: on a shared machine the wall clock also counts other processes.
        double perCpuSecond = result[0] * 1e9 / result[2];
        double perWallSecond = result[0] * 1e9 / result[1];
        String line = String.format("transformer benchmark: %d transcripts (avg %d Body chars) on 1 thread: "
                + "%.0f transcripts per CPU-second = per core (%.0f us CPU each); %.0f per wall-second "
                + "(%.1f s wall, %.1f s CPU), java %s, %d processors, load average %.1f", result[0],
                bodyChars / records.size(), perCpuSecond, 1e6 / perCpuSecond, perWallSecond, result[1] / 1e9,
                result[2] / 1e9, System.getProperty("java.version"), Runtime.getRuntime().availableProcessors(),
                java.lang.management.ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
        Log.info(line);
        Files.writeString(Path.of("target/benchmark.txt"), line + "\n");
    }

    private static long[] run(TransformerEngine engine, CompiledJob job, List<ExtractedRecord> records, Duration cpuTime) {
        java.lang.management.ThreadMXBean cpu = java.lang.management.ManagementFactory.getThreadMXBean();
        long start = System.nanoTime();
        long wallEnd = start + cpuTime.toNanos() * 20;
        long cpuStart = cpu.getCurrentThreadCpuTime();
        long n = 0;
        int sink = 0;
        while (cpu.getCurrentThreadCpuTime() - cpuStart < cpuTime.toNanos() && System.nanoTime() < wallEnd) {
            for (ExtractedRecord r : records) {
                sink += engine.transformer().transform(r, job).message().document().redactions();
                n++;
            }
        }
        assertThat(sink).isNotNegative();
        return new long[] {n, System.nanoTime() - start, cpu.getCurrentThreadCpuTime() - cpuStart};
    }
}
