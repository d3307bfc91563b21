package io.sfinbound.configapi.notification;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.HexFormat;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import jakarta.enterprise.context.ApplicationScoped;

import io.sfinbound.configapi.config.ConfigApiConfig;
import org.eclipse.microprofile.faulttolerance.Retry;

/**
 * Posts notification JSON to a webhook with an {@code X-Sfinbound-Signature: sha256=<hex>} HMAC-SHA256 of the body
 * (keyed by {@code sfinbound.notifications.webhook-secret}) and a timestamp header; retried by SmallRye Fault Tolerance.
 */
@ApplicationScoped
public class WebhookClient {

    /** The signature header. */
    public static final String SIGNATURE_HEADER = "X-Sfinbound-Signature";
    /** The event header. */
    public static final String EVENT_HEADER = "X-Sfinbound-Event";

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10))
            .followRedirects(HttpClient.Redirect.NEVER).build();
    private final ConfigApiConfig config;

    public WebhookClient(ConfigApiConfig config) {
        this.config = config;
    }

    /** Posts; throws when the endpoint does not answer 2xx so that the call is retried. */
    @Retry(maxRetries = 3, delay = 500, jitter = 200, retryOn = IOException.class)
    public void post(String url, String event, byte[] body) throws IOException {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(15))
                .header("Content-Type", "application/json")
                .header(EVENT_HEADER, event)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body));
        config.notifications().webhookSecret().filter(s -> !s.isBlank())
                .ifPresent(secret -> b.header(SIGNATURE_HEADER, "sha256=" + sign(secret, body)));
        HttpResponse<Void> r;
        try {
            r = http.send(b.build(), HttpResponse.BodyHandlers.discarding());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted", e);
        }
        if (r.statusCode() / 100 != 2) {
            throw new IOException("webhook answered HTTP " + r.statusCode());
        }
    }

    /** Hex HMAC-SHA256 of a body. */
    public static String sign(String secret, byte[] body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return HexFormat.of().formatHex(mac.doFinal(body));
        } catch (NoSuchAlgorithmException | InvalidKeyException e) {
            throw new IllegalStateException("HmacSHA256 unavailable", e);
        }
    }
}
