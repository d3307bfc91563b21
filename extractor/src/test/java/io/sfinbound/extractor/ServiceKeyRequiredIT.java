package io.sfinbound.extractor;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

/**
 * The packaged extractor started in the prod profile without {@code sfinbound.service-key} stops at startup and
 * names the missing key, instead of starting and failing its first run (or sending a well-known dev key).
 */
class ServiceKeyRequiredIT {

    @Test
    void startupFailsWithoutTheServiceKey() throws IOException, InterruptedException {
        Path jar = Path.of("target/quarkus-app/quarkus-run.jar").toAbsolutePath();
        Path log = Path.of("target/service-key-required.log").toAbsolutePath();
        ProcessBuilder pb = new ProcessBuilder(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx128m", "-Dquarkus.http.port=0", "-Dkafka.bootstrap.servers=127.0.0.1:1", "-jar", jar.toString()))
                .redirectErrorStream(true).redirectOutput(log.toFile());
        pb.environment().remove("SFINBOUND_SERVICE_KEY");
        pb.environment().remove("QUARKUS_PROFILE");
        Process p = pb.start();
        try {
            assertThat(p.waitFor(90, TimeUnit.SECONDS)).as("the extractor exits by itself").isTrue();
            assertThat(p.exitValue()).isNotZero();
            assertThat(Files.readString(log)).contains("sfinbound.service-key");
        } finally {
            p.destroyForcibly();
        }
    }
}
