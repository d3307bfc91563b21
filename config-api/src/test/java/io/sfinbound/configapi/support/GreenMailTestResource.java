package io.sfinbound.configapi.support;

import java.util.Map;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import io.sfinbound.testing.ServiceProcess;

/** A real SMTP server (GreenMail) in the test JVM on a free port, wired into quarkus-mailer. */
public class GreenMailTestResource implements QuarkusTestResourceLifecycleManager {

    private static GreenMail greenMail;

    /** The running server, for assertions on received mail. */
    public static GreenMail greenMail() {
        return greenMail;
    }

    @Override
    public Map<String, String> start() {
        int port = ServiceProcess.freePort();
        greenMail = new GreenMail(new ServerSetup(port, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
        greenMail.start();
        return Map.of("quarkus.mailer.host", "127.0.0.1", "quarkus.mailer.port", String.valueOf(port),
                "quarkus.mailer.mock", "false", "quarkus.mailer.start-tls", "DISABLED", "quarkus.mailer.from", "sfinbound@test.example",
                "quarkus.mailer.keep-alive", "false");
    }

    @Override
    public void stop() {
        if (greenMail != null) {
            greenMail.stop();
        }
    }
}
