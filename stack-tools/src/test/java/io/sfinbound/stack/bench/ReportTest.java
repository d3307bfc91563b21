package io.sfinbound.stack.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ReportTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    private void job(String type, String api, long n, double rps, long calls, double extractorHeap, long rows) throws Exception {
        ObjectNode j = JSON.createObjectNode();
        j.put("dataType", type).put("api", api).put("n", n).put("status", "COMPLETED").put("recordsPerSecond", rps)
                .put("apiCalls", calls).put("storeRows", rows).put("storeRowsMatchN", rows == n).put("e2eSeconds", n / rps);
        ObjectNode services = j.putObject("services");
        services.putObject("extractor").put("peakHeapSampledMb", extractorHeap).put("heapMaxMb", 256);
        services.putObject("loader").put("peakHeapSampledMb", 100.0).put("cpuSeconds", n / 1000.0);
        services.putObject("config-api").put("cpuSeconds", 0.0);
        services.putObject("transformer").put("cpuSeconds", n / 1000.0);
        services.with("extractor").put("cpuSeconds", 0.0);
        Files.writeString(dir.resolve("job-" + type + "-" + api + ".json"), j.toString());
    }

    private static JsonNode target(JsonNode r, String prefix) {
        for (JsonNode t : r.path("targets")) {
            if (t.path("target").asText().startsWith(prefix)) {
                return t;
            }
        }
        throw new AssertionError("no target " + prefix);
    }

    @Test
    void judgesEachTargetAndComputesTheRawRatio() throws Exception {
        job("LIVE_CHAT", "REST", 1_000_000, 2_000, 500, 200, 1_000_000);
        job("LIVE_CHAT", "BULK", 1_000_000, 3_000, 26, 120, 1_000_000);
        Files.writeString(dir.resolve("raw-LIVE_CHAT.json"), "{\"label\":\"LIVE_CHAT\",\"n\":1000000,\"combinedRecordsPerSecond\":10000}");
        JsonNode r = Report.collect(dir, JSON.createObjectNode().put("date", "d").put("commit", "c"), null, null);

        assertThat(r.path("jobs").get(0).path("kafkaRawRatio").asDouble()).isEqualTo(0.3); // BULK sorts first
        assertThat(target(r, "end to end >= 10,000").path("verdict").asText()).isEqualTo("NOT met");
        assertThat(target(r, "end to end >= 25%").path("verdict").asText()).isEqualTo("NOT met"); // REST is at 20%
        assertThat(target(r, "extractor heap").path("verdict").asText()).isEqualTo("met");
        assertThat(target(r, "no service above 512").path("verdict").asText()).isEqualTo("met");
        assertThat(target(r, "Bulk <= 20").path("verdict").asText()).isEqualTo("NOT met"); // 26 Bulk calls
        assertThat(target(r, "linear").path("verdict").asText()).isEqualTo("not measured");

        String md = Report.markdown(r);
        assertThat(md).contains("| LIVE_CHAT BULK | 1,000,000 | COMPLETED |").contains("30.0%").contains("(= N) | 2.00 |");
    }

    @Test
    void aStoreCountOtherThanNIsFlaggedAndLinearityComparesAnotherN() throws Exception {
        job("LIVE_CHAT", "BULK", 100_000, 12_000, 8, 300, 99_999);
        JsonNode small = Report.collect(dir, JSON.createObjectNode(), null, null);
        Path other = Files.createDirectory(dir.resolve("big"));
        Path keep = dir;
        dir = other;
        job("LIVE_CHAT", "BULK", 1_000_000, 9_000, 20, 250, 1_000_000);
        JsonNode big = Report.collect(other, JSON.createObjectNode(), small, null);
        dir = keep;

        assertThat(Report.markdown(small)).contains("**not N**");
        assertThat(target(small, "extractor heap").path("verdict").asText()).isEqualTo("not met");
        assertThat(target(big, "linear").path("measured").asText()).contains("75.0%");
        assertThat(target(big, "linear").path("verdict").asText()).isEqualTo("NOT met");
        assertThat(target(big, "end to end >= 10,000").path("verdict").asText()).isEqualTo("NOT met");
    }
}
