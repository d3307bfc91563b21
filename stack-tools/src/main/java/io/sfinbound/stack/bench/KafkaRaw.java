package io.sfinbound.stack.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.sfinbound.common.kafka.Topics;
import io.sfinbound.stack.Console;

/**
 * Kafka's own limit on this machine: {@code org.apache.kafka.tools.ProducerPerformance} then
 * {@code ConsumerPerformance} (the classes behind {@code kafka-producer-perf-test.sh} and
 * {@code kafka-consumer-perf-test.sh}, from the {@code kafka-tools} jar) over a fresh topic with as many partitions
 * as {@code sfinbound.records}, the same record count and the same record size, on the stack's broker. Each tool runs
 * in its own JVM, as the shell scripts run them. The raw produce-and-consume throughput is the count divided by the
 * time to produce all records plus the time to consume them: one pass of the records through Kafka.
 */
public final class KafkaRaw {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern PRODUCED = Pattern.compile("^(\\d+) records sent, ([\\d.]+) records/sec \\(([\\d.]+) MB/sec\\)");

    private KafkaRaw() {
    }

    /** Producer figures: records per second and MB per second of the tool's final line. */
    public record Produced(long records, double recordsPerSecond, double mbPerSecond) {
    }

    /** Consumer figures: over the whole run (with the group join) and over fetching only. */
    public record Consumed(long records, double recordsPerSecond, double fetchRecordsPerSecond, double mbPerSecond) {
    }

    /** Parses ProducerPerformance's output: its last "N records sent, R records/sec (M MB/sec), ..." line. */
    public static Produced parseProducer(String output) {
        Produced last = null;
        for (String line : output.split("\\R")) {
            Matcher m = PRODUCED.matcher(line.trim());
            if (m.find()) {
                last = new Produced(Long.parseLong(m.group(1)), Double.parseDouble(m.group(2)), Double.parseDouble(m.group(3)));
            }
        }
        if (last == null) {
            throw new IllegalStateException("no \"records sent\" line in the producer's output:\n" + output);
        }
        return last;
    }

    /**
     * Parses ConsumerPerformance's output: a header "start.time, end.time, data.consumed.in.MB, MB.sec,
     * data.consumed.in.nMsg, nMsg.sec, rebalance.time.ms, fetch.time.ms, fetch.MB.sec, fetch.nMsg.sec" and one line of
     * values below it.
     */
    public static Consumed parseConsumer(String output) {
        String[] lines = output.split("\\R");
        for (int i = 0; i < lines.length - 1; i++) {
            if (lines[i].trim().startsWith("start.time")) {
                List<String> head = split(lines[i]);
                List<String> values = split(lines[i + 1]);
                return new Consumed((long) value(head, values, "data.consumed.in.nMsg"), value(head, values, "nMsg.sec"),
                        head.contains("fetch.nMsg.sec") ? value(head, values, "fetch.nMsg.sec") : value(head, values, "nMsg.sec"),
                        value(head, values, "MB.sec"));
            }
        }
        throw new IllegalStateException("no \"start.time, ...\" header in the consumer's output:\n" + output);
    }

    private static List<String> split(String line) {
        List<String> out = new ArrayList<>();
        for (String s : line.split(",")) {
            out.add(s.trim());
        }
        return out;
    }

    private static double value(List<String> head, List<String> values, String column) {
        int i = head.indexOf(column);
        if (i < 0 || i >= values.size()) {
            throw new IllegalStateException("no column " + column + " in " + head + " / " + values);
        }
        return Double.parseDouble(values.get(i));
    }

    /** Records per second of producing then consuming all records once. */
    public static double combined(double produced, double consumed) {
        return produced <= 0 || consumed <= 0 ? 0 : 1.0 / (1.0 / produced + 1.0 / consumed);
    }

    /** Runs both tools and writes their figures as JSON. */
    public static ObjectNode run(String bootstrap, long n, int recordSize, String label, Path out, Path logDir)
            throws IOException, InterruptedException {
        String topic = "bench.raw." + label.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]", "-") + "." + System.currentTimeMillis();
        String classpath = System.getProperty("java.class.path");
        ObjectNode o = JSON.createObjectNode();
        try (KafkaProgress kafka = new KafkaProgress(bootstrap)) {
            int partitions = Math.max(1, kafka.partitions(Topics.RECORDS).size());
            kafka.createTopic(topic, partitions);
            try {
                List<String> producer = List.of("java", "-Xmx512m", "-cp", classpath, "org.apache.kafka.tools.ProducerPerformance",
                        "--topic", topic, "--num-records", String.valueOf(n), "--record-size", String.valueOf(recordSize),
                        "--throughput", "-1", "--producer-props", "bootstrap.servers=" + bootstrap, "acks=all");
                String pOut = exec(producer, logDir.resolve("raw-producer-" + label + ".log"));
                Produced p = parseProducer(pOut);
                List<String> consumer = List.of("java", "-Xmx512m", "-cp", classpath, "org.apache.kafka.tools.ConsumerPerformance",
                        "--bootstrap-server", bootstrap, "--topic", topic, "--messages", String.valueOf(n), "--timeout", "120000");
                String cOut = exec(consumer, logDir.resolve("raw-consumer-" + label + ".log"));
                Consumed c = parseConsumer(cOut);
                o.put("label", label);
                o.put("n", n);
                o.put("recordSize", recordSize);
                o.put("partitions", partitions);
                o.put("producerRecordsPerSecond", p.recordsPerSecond());
                o.put("producerMbPerSecond", p.mbPerSecond());
                o.put("consumerRecordsPerSecond", c.recordsPerSecond());
                o.put("consumerFetchRecordsPerSecond", c.fetchRecordsPerSecond());
                o.put("consumerMbPerSecond", c.mbPerSecond());
                // the stricter figure: the consumer's fetch rate (without its group join) makes Kafka faster
                o.put("combinedRecordsPerSecond", JobBench.round(combined(p.recordsPerSecond(), c.fetchRecordsPerSecond())));
                o.put("producerCommand", "ProducerPerformance " + String.join(" ", producer.subList(5, producer.size())));
                o.put("consumerCommand", "ConsumerPerformance " + String.join(" ", consumer.subList(5, consumer.size())));
            } finally {
                kafka.deleteTopic(topic);
            }
        }
        Files.writeString(out, JSON.writerWithDefaultPrettyPrinter().writeValueAsString(o));
        Console.out(String.format(Locale.ROOT, "bench: Kafka raw, %d records of %d bytes: produce %,.0f/s, consume %,.0f/s, combined %,.0f records/s",
                n, recordSize, o.path("producerRecordsPerSecond").asDouble(), o.path("consumerFetchRecordsPerSecond").asDouble(),
                o.path("combinedRecordsPerSecond").asDouble()));
        return o;
    }

    private static String exec(List<String> command, Path log) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        int rc = p.waitFor();
        String output = Files.readString(log, StandardCharsets.UTF_8);
        if (rc != 0) {
            throw new IllegalStateException(command.get(4) + " exited with " + rc + "; see " + log);
        }
        return output;
    }
}
