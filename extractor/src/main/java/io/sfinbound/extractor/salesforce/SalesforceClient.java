package io.sfinbound.extractor.salesforce;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.logging.Log;
import io.sfinbound.common.kafka.Json;
import io.sfinbound.extractor.ExtractorConfig;
import io.sfinbound.extractor.configapi.AccessToken;
import io.sfinbound.extractor.quota.QuotaDeferredException;
import io.sfinbound.extractor.quota.QuotaGovernor;
import io.sfinbound.extractor.run.RunCancelledException;
import io.smallrye.faulttolerance.api.Guard;

/**
 * Salesforce REST and Bulk API 2.0 calls. Uses the JDK {@link HttpClient} rather than a declarative REST client
 * because the instance URL differs per org and token, and because Bulk results must be streamed from the socket.
 * <p>
 * Every call: checks cancellation and the org's quota, sends the token, counts the call, reads
 * {@code Sforce-Limit-Info}, refreshes the token once on {@code 401 INVALID_SESSION_ID}, and retries transient
 * failures with exponential backoff and jitter honoring {@code Retry-After} (SmallRye Fault Tolerance).
 * Failures come out as {@link SalesforceException} (classified), {@link QuotaDeferredException} or
 * {@link RunCancelledException}.
 */
@ApplicationScoped
public class SalesforceClient {

    /** Reads a successful response; may throw IOException while streaming (retried as transient). */
    @FunctionalInterface
    public interface ResponseHandler<T> {
        T handle(HttpResponse<InputStream> response) throws IOException;
    }

    private static final int MAX_ERROR_BODY = 64 * 1024;

    private final HttpClient http;
    private final QuotaGovernor quota;
    private final ExtractorConfig config;
    private final ObjectMapper mapper = Json.mapper();
    private final Guard retry;

    public SalesforceClient(QuotaGovernor quota, ExtractorConfig config) {
        this.quota = quota;
        this.config = config;
        this.http = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(config.http().connectTimeout())
                .followRedirects(HttpClient.Redirect.NEVER)
                .build();
        ExtractorConfig.Retry r = config.retry();
        this.retry = Guard.create()
                .withDescription("salesforce")
                .withRetry()
                .maxRetries(r.maxRetries())
                .delay(r.initialDelay().toMillis(), ChronoUnit.MILLIS)
                .maxDuration(Math.max(1, r.maxRetryAfter().toMillis() * (r.maxRetries() + 1)), ChronoUnit.MILLIS)
                .jitter(0, ChronoUnit.MILLIS)
                .whenException(t -> t instanceof SalesforceException se && se.isTransient())
                .withCustomBackoff().strategy(() -> new BackoffStrategy(r.maxDelay(), r.maxRetryAfter(), r.jitter())).done()
                .beforeRetry(t -> Log.warnf("Salesforce call failed, retrying: %s", t.getMessage()))
                .done()
                .build();
    }

    /** {@code GET /query?q=} or {@code /queryAll?q=}. */
    public JsonNode query(SalesforceSession s, String soql, boolean all, int batchSize) {
        String url = s.dataUrl() + (all ? "/queryAll" : "/query") + "?q=" + URLEncoder.encode(soql, StandardCharsets.UTF_8);
        return getJson(s, url, Map.of("Sforce-Query-Options", "batchSize=" + batchSize));
    }

    /** The next page of a query: {@code GET <nextRecordsUrl>}. */
    public JsonNode queryMore(SalesforceSession s, String nextRecordsUrl, int batchSize) {
        return getJson(s, s.resolve(nextRecordsUrl), Map.of("Sforce-Query-Options", "batchSize=" + batchSize));
    }

    /** {@code GET /sobjects/{object}/describe}. */
    public JsonNode describe(SalesforceSession s, String object) {
        return getJson(s, s.dataUrl() + "/sobjects/" + object + "/describe", Map.of());
    }

    /** GET of a JSON resource. */
    public JsonNode getJson(SalesforceSession s, String url, Map<String, String> headers) {
        return call(s, true, token -> request(url, token, headers).GET().build(), this::readJson);
    }

    /** POST of a JSON body. */
    public JsonNode postJson(SalesforceSession s, String url, Object body) {
        byte[] bytes = writeJson(body);
        return call(s, true, token -> request(url, token, Map.of("Content-Type", "application/json"))
                .POST(HttpRequest.BodyPublishers.ofByteArray(bytes)).build(), this::readJson);
    }

    /** PATCH of a JSON body; {@code governed=false} for cleanup calls that must go out even when the quota is spent. */
    public JsonNode patchJson(SalesforceSession s, String url, Object body, boolean governed) {
        byte[] bytes = writeJson(body);
        return call(s, governed, token -> request(url, token, Map.of("Content-Type", "application/json"))
                .method("PATCH", HttpRequest.BodyPublishers.ofByteArray(bytes)).build(), this::readJson);
    }

    /** DELETE; {@code governed=false} for cleanup. */
    public void delete(SalesforceSession s, String url, boolean governed) {
        call(s, governed, token -> request(url, token, Map.of()).DELETE().build(), r -> {
            r.body().close();
            return null;
        });
    }

    /** GET whose successful body is handed to {@code handler} as a stream (Bulk CSV results). */
    public <T> T stream(SalesforceSession s, String url, Map<String, String> headers, ResponseHandler<T> handler) {
        return call(s, true, token -> request(url, token, headers).GET().build(), handler);
    }

    private HttpRequest.Builder request(String url, String token, Map<String, String> headers) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(url))
                .timeout(config.http().requestTimeout())
                .header("Authorization", "Bearer " + token)
                .header("Accept", headers.getOrDefault("Accept", "application/json"));
        headers.forEach((k, v) -> {
            if (!k.equals("Accept")) {
                b.header(k, v);
            }
        });
        return b;
    }

    @FunctionalInterface
    private interface RequestFactory {
        HttpRequest create(String token);
    }

    private <T> T call(SalesforceSession s, boolean governed, RequestFactory factory, ResponseHandler<T> handler) {
        try {
            @SuppressWarnings("unchecked")
            Class<T> any = (Class<T>) Object.class;
            return retry.call(() -> callWithSessionRefresh(s, governed, factory, handler), any);
        } catch (SalesforceException | QuotaDeferredException | RunCancelledException e) {
            throw e;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new RunCancelledException("interrupted");
        } catch (Exception e) {
            if (Thread.currentThread().isInterrupted()) {
                throw new RunCancelledException("interrupted");
            }
            throw new SalesforceException(SalesforceException.Kind.PERMANENT, 0, null, "unexpected failure: " + e, null, e);
        }
    }

    private <T> T callWithSessionRefresh(SalesforceSession s, boolean governed, RequestFactory factory, ResponseHandler<T> handler)
            throws InterruptedException {
        AccessToken used = s.token();
        try {
            return attempt(s, governed, factory, handler, used);
        } catch (SalesforceException e) {
            if (e.kind() != SalesforceException.Kind.SESSION_EXPIRED) {
                throw e;
            }
            AccessToken fresh = s.refreshAfterRejection(used);
            try {
                return attempt(s, governed, factory, handler, fresh);
            } catch (SalesforceException again) {
                if (again.kind() == SalesforceException.Kind.SESSION_EXPIRED) {
                    throw new SalesforceException(SalesforceException.Kind.PERMANENT, again.status(), again.errorCode(),
                            "session rejected again after a token refresh: " + again.getMessage(), null, again);
                }
                throw again;
            }
        }
    }

    private <T> T attempt(SalesforceSession s, boolean governed, RequestFactory factory, ResponseHandler<T> handler, AccessToken token)
            throws InterruptedException {
        if (governed) {
            s.checkCancelled();
            quota.checkBeforeCall(token.orgId());
        }
        HttpRequest req = factory.create(token.accessToken());
        HttpResponse<InputStream> resp;
        try {
            s.countCall();
            quota.countCall(token.orgId());
            resp = http.send(req, HttpResponse.BodyHandlers.ofInputStream());
        } catch (IOException e) {
            throw SalesforceException.network(req.method() + " " + pathOf(req), e);
        }
        quota.record(token.orgId(), ApiUsage.parse(resp.headers().firstValue("Sforce-Limit-Info").orElse(null)));
        int status = resp.statusCode();
        if (status >= 200 && status < 300) {
            try (InputStream ignored = resp.body()) {
                return handler.handle(resp);
            } catch (IOException e) {
                throw SalesforceException.network("reading " + req.method() + " " + pathOf(req), e);
            } catch (java.io.UncheckedIOException e) {
                // commons-csv's record iterator wraps the socket's IOException
                throw SalesforceException.network("reading " + req.method() + " " + pathOf(req), e.getCause());
            }
        }
        byte[] body;
        try (InputStream in = resp.body()) {
            body = in.readNBytes(MAX_ERROR_BODY);
        } catch (IOException e) {
            body = new byte[0];
        }
        SalesforceException e = SalesforceErrors.parse(status, body, retryAfter(resp));
        if (e.kind() == SalesforceException.Kind.QUOTA_EXCEEDED) {
            throw new QuotaDeferredException("Salesforce answered " + e.getMessage() + "; run deferred");
        }
        throw e;
    }

    private static String pathOf(HttpRequest req) {
        return req.uri().getRawPath();
    }

    static Duration retryAfter(HttpResponse<?> resp) {
        String v = resp.headers().firstValue("Retry-After").orElse(null);
        if (v == null || v.isBlank()) {
            return null;
        }
        try {
            return Duration.ofSeconds(Long.parseLong(v.strip()));
        } catch (NumberFormatException e) {
            try {
                ZonedDateTime at = ZonedDateTime.parse(v.strip(), DateTimeFormatter.RFC_1123_DATE_TIME);
                Duration d = Duration.between(ZonedDateTime.now(at.getZone()), at);
                return d.isNegative() ? Duration.ZERO : d;
            } catch (RuntimeException ignored) {
                return null;
            }
        }
    }

    private JsonNode readJson(HttpResponse<InputStream> resp) throws IOException {
        byte[] bytes = resp.body().readAllBytes();
        if (bytes.length == 0) {
            return mapper.nullNode();
        }
        return mapper.readTree(bytes);
    }

    private byte[] writeJson(Object body) {
        try {
            return mapper.writeValueAsBytes(body);
        } catch (IOException e) {
            throw new IllegalArgumentException("cannot serialize request body", e);
        }
    }
}
