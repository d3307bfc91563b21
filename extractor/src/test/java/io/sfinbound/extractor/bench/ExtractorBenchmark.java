package io.sfinbound.extractor.bench;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.StringDeserializer;

import io.sfinbound.common.job.DataType;
import io.sfinbound.common.job.ExtractionApi;
import io.sfinbound.common.job.JobConfig;
import io.sfinbound.common.kafka.RunEventDeserializer;
import io.sfinbound.common.kafka.Topics;
import io.sfinbound.common.record.RunEvent;
import io.sfinbound.common.record.RunEventType;
import io.sfinbound.common.record.RunRequest;
import io.sfinbound.extractor.support.ConfigApiStub;
import io.sfinbound.extractor.support.Jobs;
import io.sfinbound.extractor.support.KafkaTopics;
import io.sfinbound.extractor.support.TopicsTestResource;
import io.sfinbound.testing.EmbeddedKafka;
import io.sfinbound.testing.ServiceProcess;
import io.sfinbound.testing.SimulatorTestResource;

/**
 * The closing note's figures: records per second over REST and Bulk API 2.0 with 2 KB chat bodies, the extractor's
 * peak heap during the Bulk extraction at {@code -Xmx256m}, and API calls per run. Starts a broker in this JVM, the
 * simulator and the packaged extractor as separate JVMs, runs one REST and one Bulk job over {@code N}
 * LiveChatTranscript records and prints the figures. Run with {@code extractor/bench.sh [N]} (not a test: it takes
 * minutes and measures, it does not assert).
 */
public final class ExtractorBenchmark {

    private static final Pattern HEAP = Pattern.compile("^jvm_memory_used_bytes\\{area=\"heap\",id=\"[^\"]+\"[^}]*} ([0-9.E+]+)", Pattern.MULTILINE);

    private ExtractorBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        long n = args.length > 0 ? Long.parseLong(args[0]) : 1_000_000;
        System.setProperty("sfinbound.service.xmx", "256m");
        TopicsTestResource.createTopics();
        Map<String, RunEvent> finals = new ConcurrentHashMap<>();
        Thread events = new Thread(() -> readEvents(finals), "bench-events");
        events.setDaemon(true);
        events.start();
        try (ServiceProcess sim = ServiceProcess.of("salesforce-sim").name("bench-sim")
                .property("sim.data.LiveChatTranscript.count", Long.toString(n))
                .property("sim.data.LiveChatTranscript.body-size", "2048")
                // 30 s apart: a million records fit between the generator's start (2025-01-01) and now
                .property("sim.data.LiveChatTranscript.interval", "PT30S")
                .start(Duration.ofMinutes(5))) {
            Runtime.getRuntime().addShutdownHook(new Thread(sim::kill));
            System.setProperty(SimulatorTestResource.URL_KEY, sim.url());
            ConfigApiStub stub = new ConfigApiStub();
            Map<String, String> conf = stub.start();
            try (ServiceProcess extractor = ServiceProcess.of("extractor").name("bench-extractor")
                    .property("kafka.bootstrap.servers", EmbeddedKafka.bootstrapServers())
                    .property("quarkus.rest-client.config-api.url", conf.get("quarkus.rest-client.config-api.url"))
                    .property("sfinbound.service-key", ConfigApiStub.SERVICE_KEY)
                    .property("extractor.window.safety-margin", "PT0S")
                    .start(Duration.ofMinutes(3))) {
                Runtime.getRuntime().addShutdownHook(new Thread(extractor::kill));
                String soql = "SELECT Id, Name, Body, ChatKey, Status, ChatDuration, StartTime, EndTime, LastModifiedDate FROM LiveChatTranscript";
                for (ExtractionApi api : List.of(ExtractionApi.BULK, ExtractionApi.REST)) {
                    JobConfig job = Jobs.register(DataType.LIVE_CHAT, soql, "LastModifiedDate", api, null, null, false);
                    RunRequest request = Jobs.start(job, null);
                    AtomicLong peakHeap = new AtomicLong();
                    long start = System.nanoTime();
                    KafkaTopics.send(request);
                    while (!finals.containsKey(request.runId())) {
                        peakHeap.accumulateAndGet(heap(extractor.url()), Math::max);
                        Thread.sleep(250);
                    }
                    double seconds = (System.nanoTime() - start) / 1e9;
                    RunEvent end = finals.get(request.runId());
                    long extracted = end.counters().getOrDefault("extracted", 0L);
                    long calls = end.counters().getOrDefault("apiCalls", 0L);
                    System.out.printf("%s: %s, %d records in %.1f s = %.0f records/s, %d API calls (%.1f per 1,000,000 records), "
                            + "extractor peak heap %.0f MB at -Xmx256m%n", api, end.type(), extracted, seconds, extracted / seconds, calls,
                            extracted == 0 ? 0.0 : calls * 1_000_000.0 / extracted, peakHeap.get() / 1024.0 / 1024.0);
                }
            } finally {
                stub.stop();
            }
        }
        System.exit(0);
    }

    private static long heap(String base) {
        try {
            HttpResponse<String> r = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(base + "/q/metrics")).build(),
                    HttpResponse.BodyHandlers.ofString());
            Matcher m = HEAP.matcher(r.body());
            double sum = 0;
            while (m.find()) {
                sum += Double.parseDouble(m.group(1));
            }
            return (long) sum;
        } catch (Exception e) {
            return 0;
        } 
    }

    private static void readEvents(Map<String, RunEvent> finals) {
        Properties p = new Properties();
        p.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, EmbeddedKafka.bootstrapServers());
        p.put(ConsumerConfig.GROUP_ID_CONFIG, "bench-" + UUID.randomUUID());
        p.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        try (KafkaConsumer<String, RunEvent> c = new KafkaConsumer<>(p, new StringDeserializer(), new RunEventDeserializer())) {
            c.subscribe(List.of(Topics.RUN_EVENTS));
            while (true) {
                for (ConsumerRecord<String, RunEvent> r : c.poll(Duration.ofMillis(200))) {
                    RunEventType t = r.value().type();
                    if (t != RunEventType.STARTED && t != RunEventType.PROGRESS) {
                        finals.put(r.value().runId(), r.value());
                    }
                }
            }
        }
    }
}
