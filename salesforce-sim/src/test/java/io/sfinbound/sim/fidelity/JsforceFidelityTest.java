package io.sfinbound.sim.fidelity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.logging.Log;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.sfinbound.sim.api.SfFormats;
import io.sfinbound.sim.auth.Directory;
import io.sfinbound.sim.data.DataStore;
import io.sfinbound.sim.data.SimRecord;
import io.sfinbound.sim.schema.Catalog;
import io.sfinbound.sim.schema.FieldDef;
import io.sfinbound.sim.schema.ObjectDef;

/**
 * The jsforce fidelity suite ({@code src/test/jsforce}, jsforce pinned by its lockfile): the real client library
 * against this simulator on its test port, compared with the generated data, which this test writes for it. Skipped
 * (assumption) when {@code node} or {@code npm} is not installed.
 */
@QuarkusTest
class JsforceFidelityTest {

    private static final Path SUITE = Path.of("src/test/jsforce");

    @TestHTTPResource("/")
    URL url;

    @Inject
    DataStore store;

    @Inject
    Directory directory;

    @Test
    void jsforceTalksToTheSimulator() throws Exception {
        assumeTrue(available("node") && available("npm"), "node and npm are not on the PATH: the jsforce fidelity suite is skipped");
        installIfNeeded();
        Path expected = Path.of("target/jsforce/expected.json");
        Files.createDirectories(expected.getParent());
        new ObjectMapper().writeValue(expected.toFile(), expected());
        String base = url.toString().replaceAll("/$", "");
        ProcessBuilder pb = new ProcessBuilder("node", "--test", "--test-concurrency=1").directory(SUITE.toFile()).redirectErrorStream(true);
        pb.environment().put("SIM_URL", base);
        pb.environment().put("SIM_EXPECTED", expected.toAbsolutePath().toString());
        Path log = Path.of("target/jsforce/node-test.log");
        pb.redirectOutput(log.toFile());
        Process p = pb.start();
        boolean finished = p.waitFor(6, TimeUnit.MINUTES);
        if (!finished) {
            p.destroyForcibly();
        }
        String output = Files.readString(log);
        Log.infof("jsforce suite output:%n%s", output);
        assertThat(finished).as("jsforce suite finished in time").isTrue();
        assertThat(p.exitValue()).as("jsforce suite exit code; output:%n%s", output).isZero();
        assertThat(output).contains("# fail 0").doesNotContain("# pass 0");
    }

    private Map<String, Object> expected() {
        Catalog c = Catalog.get();
        Directory.User demo = directory.user("demo@sfinbound.example").orElseThrow();
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("orgId", demo.org().id());
        m.put("userId", demo.id());
        m.put("dailyApiMax", demo.org().dailyApiRequests());
        List<String> entries = new ArrayList<>();
        store.scanByStamp(c.require(Catalog.ENTRY), null, null, null, false).forEachRemaining(r -> entries.add(r.id()));
        m.put("entries", entries);
        List<Map<String, Object>> transcripts = new ArrayList<>();
        Iterator<SimRecord> it = store.scanByIndex(c.require(Catalog.TRANSCRIPT), -1, false);
        while (transcripts.size() < 5 && it.hasNext()) {
            SimRecord r = it.next();
            Map<String, Object> t = new LinkedHashMap<>();
            t.put("Id", r.id());
            t.put("Name", r.field("Name"));
            t.put("OwnerName", ((SimRecord) r.get("Owner")).field("Name"));
            t.put("ChatDuration", r.field("ChatDuration"));
            t.put("StartTime", SfFormats.json((java.time.Instant) r.field("StartTime")));
            t.put("IsChatbotSession", r.field("IsChatbotSession"));
            t.put("Body", r.field("Body"));
            transcripts.add(t);
        }
        m.put("transcripts", transcripts);
        ObjectDef caseDef = c.require(Catalog.CASE);
        List<String> deleted = new ArrayList<>();
        int[] counts = new int[2];
        store.scanByIndex(caseDef, -1, true).forEachRemaining(r -> {
            counts[1]++;
            if (r.deleted()) {
                deleted.add(r.id());
            } else {
                counts[0]++;
            }
        });
        m.put("caseVisible", counts[0]);
        m.put("caseAll", counts[1]);
        m.put("caseDeletedIds", deleted);
        List<Map<String, Object>> fields = new ArrayList<>();
        for (FieldDef f : c.require(Catalog.TRANSCRIPT).fields()) {
            Map<String, Object> fm = new LinkedHashMap<>();
            fm.put("name", f.name());
            fm.put("type", f.type().describeName());
            fm.put("length", f.type().isText() ? f.length() : 0);
            fm.put("filterable", f.filterable());
            fields.add(fm);
        }
        m.put("describe", fields);
        m.put("objects", c.objects().stream().map(ObjectDef::name).toList());
        List<Map<String, Object>> feedback = new ArrayList<>();
        store.scanByIndex(c.require(Catalog.FEEDBACK), -1, false).forEachRemaining(r -> {
            Map<String, Object> f = new LinkedHashMap<>();
            f.put("Id", r.id());
            f.put("Name", r.field("Name"));
            f.put("Rating__c", String.valueOf(r.field("Rating__c")));
            f.put("Channel__c", r.field("Channel__c") == null ? "" : r.field("Channel__c"));
            f.put("Comment__c", r.field("Comment__c") == null ? "" : r.field("Comment__c"));
            f.put("CreatedDate", SfFormats.CSV_DATETIME.format(r.created()));
            feedback.add(f);
        });
        m.put("feedback", feedback);
        return m;
    }

    /** {@code npm ci} once per lockfile: a marker holds the hash of the lockfile node_modules was installed from. */
    private static void installIfNeeded() throws Exception {
        byte[] lock = Files.readAllBytes(SUITE.resolve("package-lock.json"));
        String hash = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(lock));
        Path marker = SUITE.resolve("node_modules/.sfinbound-lock-hash");
        if (Files.exists(marker) && Files.readString(marker).equals(hash)) {
            return;
        }
        Process p = new ProcessBuilder("npm", "ci", "--no-audit", "--no-fund").directory(SUITE.toFile()).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(5, TimeUnit.MINUTES)).isTrue();
        assertThat(p.exitValue()).as("npm ci failed:%n%s", out).isZero();
        Files.writeString(marker, hash);
    }

    private static boolean available(String command) {
        try {
            Process p = new ProcessBuilder(command, "--version").redirectErrorStream(true).start();
            p.getInputStream().readAllBytes();
            return p.waitFor(30, TimeUnit.SECONDS) && p.exitValue() == 0;
        } catch (IOException | InterruptedException e) {
            return false;
        }
    }
}
