package io.sfinbound.stack;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.sfinbound.testing.ServiceProcess;

/**
 * {@code bin/sfinbound} itself, on a stack folder of its own ({@code SFINBOUND_STACK_DIR}) so that nothing here touches
 * the fixed ports of a running local stack: the commands that need no running stack, and the pid-file safety of
 * {@code stop}. An integration test because the script runs the packaged tools ({@code target/lib}). Starting the
 * whole stack is verified by running {@code bin/sfinbound up} (see docs/operations.md), not here: it binds the fixed
 * ports 8081-8085 and 9092-9093.
 */
class LauncherScriptIT {

    private static final Path ROOT = ServiceProcess.reactorRoot();
    private static final String[] COMPONENTS = {"kafka", "postgres", "salesforce-sim", "config-api", "extractor", "transformer", "loader"};

    @TempDir
    Path stack;

    private record Result(int exit, String out, String err) {
    }

    private Result run(String... args) throws IOException, InterruptedException {
        List<String> cmd = new ArrayList<>();
        cmd.add("bash");
        cmd.add(ROOT.resolve("bin/sfinbound").toString());
        cmd.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(cmd).directory(ROOT.toFile());
        pb.environment().put("SFINBOUND_STACK_DIR", stack.toString());
        Path out = stack.resolve("out.txt");
        Path err = stack.resolve("err.txt");
        pb.redirectOutput(out.toFile()).redirectError(err.toFile());
        Process p = pb.start();
        assertThat(p.waitFor(120, TimeUnit.SECONDS)).as("bin/sfinbound %s ends", String.join(" ", args)).isTrue();
        return new Result(p.exitValue(), Files.readString(out, StandardCharsets.UTF_8), Files.readString(err, StandardCharsets.UTF_8));
    }

    @Test
    void statusOfAStackThatNeverRanShowsEveryComponentStoppedAndFails() throws Exception {
        Result r = run("status");

        assertThat(r.exit()).isEqualTo(1);
        assertThat(r.out()).containsPattern("(?m)^kafka\\s+-\\s+127\\.0\\.0\\.1:9092\\s+stopped$");
        for (String service : new String[] {"salesforce-sim", "config-api", "extractor", "transformer", "loader"}) {
            assertThat(r.out()).containsPattern("(?m)^" + service + "\\s+-\\s+127\\.0\\.0\\.1:808\\d\\s+stopped$");
        }
    }

    @Test
    void stopNeverSignalsAProcessThatIsNotTheStacksEvenWhenAPidFileNamesIt() throws Exception {
        Process foreign = new ProcessBuilder("sleep", "120").start();
        try {
            Path run = Files.createDirectories(stack.resolve("run"));
            for (String c : COMPONENTS) {
                Files.writeString(run.resolve(c + ".pid"), foreign.pid() + "\n");
            }

            Result r = run("stop");

            assertThat(r.exit()).isZero();
            assertThat(r.out()).contains("stack stopped").doesNotContain("stopped kafka");
            assertThat(foreign.isAlive()).as("the foreign process survives").isTrue();
            try (var files = Files.list(run)) {
                assertThat(files).as("stale pid files are removed").isEmpty();
            }
        } finally {
            foreign.destroyForcibly();
        }
    }

    @Test
    void composeEnvPrintsFreshSecretsInTheFormatsTheServicesExpect() throws Exception {
        Result a = run("compose-env");
        Result b = run("compose-env");

        assertThat(a.exit()).isZero();
        assertThat(a.out())
                .containsPattern("(?m)^SFINBOUND_SERVICE_KEY=[A-Za-z0-9_-]{40,}$")
                .containsPattern("(?m)^SFINBOUND_BOOTSTRAP_ADMIN_KEY=sfb_admin_[A-Za-z0-9_-]{30,}$")
                .containsPattern("(?m)^SFINBOUND_ENCRYPTION_KEYS=k1:[A-Za-z0-9+/]{43}=$")
                .containsPattern("(?m)^POSTGRES_PASSWORD=[A-Za-z0-9_-]{20,}$");
        assertThat(a.out()).isNotEqualTo(b.out());
    }

    @Test
    void demoWithoutAStackSaysToStartOne() throws Exception {
        Result r = run("demo");

        assertThat(r.exit()).isEqualTo(1);
        assertThat(r.err()).contains("run bin/sfinbound up");
    }

    @Test
    void logsOfAComponentWithoutALogSaysSo() throws Exception {
        Result r = run("logs", "loader");

        assertThat(r.exit()).isEqualTo(1);
        assertThat(r.err()).contains("no log").contains("loader.log");
    }

    @Test
    void anUnknownCommandPrintsTheUsage() throws Exception {
        Result r = run("frobnicate");

        assertThat(r.exit()).isEqualTo(2);
        assertThat(r.err()).contains("bin/sfinbound up").contains("bin/sfinbound stop").contains("bin/sfinbound test");
    }
}
