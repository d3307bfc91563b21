package io.sfinbound.stack;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetSocketAddress;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.sun.net.httpserver.HttpServer;

import io.sfinbound.testing.ServiceProcess;

/**
 * The launcher's health wait: it returns once every URL answered 200, and gives up at once when the process behind a
 * URL exits instead of waiting for the timeout. Plain JUnit with a JDK HTTP server standing in for a starting service.
 */
class HealthProbeTest {

    private HttpServer server;
    private final AtomicInteger calls = new AtomicInteger();

    @BeforeEach
    void start() throws Exception {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        // not ready for the first two probes, as a service that is still starting
        server.createContext("/q/health/ready", ex -> {
            ex.sendResponseHeaders(calls.incrementAndGet() <= 2 ? 503 : 200, -1);
            ex.close();
        });
        server.start();
    }

    @AfterEach
    void stop() {
        server.stop(0);
    }

    private String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/q/health/ready";
    }

    @Test
    void waitsUntilEveryUrlAnswers200() throws Exception {
        int exit = HealthProbe.waitAll(Args.parse(new String[] {"--timeout", "30", "svc=" + url()}, 0));

        assertThat(exit).isZero();
        assertThat(calls.get()).isEqualTo(3);
    }

    @Test
    void failsAtTheTimeoutNamingWhatIsNotReady() throws Exception {
        String nothing = "http://127.0.0.1:" + ServiceProcess.freePort() + "/q/health/ready";

        int exit = HealthProbe.waitAll(Args.parse(new String[] {"--timeout", "1", "svc=" + url(), "gone=" + nothing}, 0));

        assertThat(exit).isEqualTo(1);
    }

    @Test
    void givesUpAtOnceWhenTheProcessBehindAUrlExits() throws Exception {
        Process p = new ProcessBuilder("true").start();
        p.waitFor();
        String nothing = "http://127.0.0.1:" + ServiceProcess.freePort() + "/q/health/ready";
        Instant start = Instant.now();

        int exit = HealthProbe.waitAll(Args.parse(new String[] {"--timeout", "60", "--pids", "svc:" + p.pid(), "svc=" + nothing}, 0));

        assertThat(exit).isEqualTo(1);
        assertThat(Duration.between(start, Instant.now())).isLessThan(Duration.ofSeconds(10));
    }

    @Test
    void reportsTheStatusOfAService() {
        assertThat(HealthProbe.status(url())).isEqualTo(503);
        assertThat(HealthProbe.status("http://127.0.0.1:" + ServiceProcess.freePort() + "/")).isEqualTo(-1);
    }
}
