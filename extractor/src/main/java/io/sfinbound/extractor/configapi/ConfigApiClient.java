package io.sfinbound.extractor.configapi;

import java.io.IOException;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.ProcessingException;
import jakarta.ws.rs.WebApplicationException;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.rest.client.inject.RestClient;

import io.sfinbound.common.job.JobConfig;
import io.smallrye.faulttolerance.api.Guard;

/**
 * Job versions and Salesforce tokens from config-api. Job versions are immutable and cached forever; transient
 * failures (config-api restarting, 5xx) are retried, 4xx answers fail at once with a {@link ConfigApiException}.
 */
@ApplicationScoped
public class ConfigApiClient {

    private final ConfigApiRestClient client;
    private final Map<String, JobConfig> jobs = new ConcurrentHashMap<>();
    private final Guard guard = Guard.create()
            .withDescription("config-api")
            .withRetry()
            .maxRetries(5)
            .delay(300, ChronoUnit.MILLIS)
            .maxDuration(60, ChronoUnit.SECONDS)
            .jitter(100, ChronoUnit.MILLIS)
            .whenException(ConfigApiClient::isTransient)
            .withExponentialBackoff().factor(2).maxDelay(5, ChronoUnit.SECONDS).done()
            .done()
            .build();

    /**
     * @param serviceKey the key the REST client sends as {@code X-Service-Key}; injected here only so that an extractor
     *                   started without it fails at startup rather than at its first run
     */
    public ConfigApiClient(@RestClient ConfigApiRestClient client,
            @ConfigProperty(name = "sfinbound.service-key") String serviceKey) {
        if (serviceKey.isBlank()) {
            throw new IllegalStateException("sfinbound.service-key (SFINBOUND_SERVICE_KEY) is blank");
        }
        this.client = client;
    }

    /** The job version, cached forever (versions are immutable). */
    public JobConfig jobVersion(long jobId, int version) {
        String key = jobId + "/" + version;
        JobConfig cached = jobs.get(key);
        if (cached != null) {
            return cached;
        }
        JobConfig job = call(() -> client.jobVersion(jobId, version), "job " + key);
        jobs.put(key, job);
        return job;
    }

    /** An access token of the connection; {@code forceRefresh} after Salesforce rejected the previous one. */
    public AccessToken token(long connectionId, boolean forceRefresh) {
        AccessToken t = call(() -> client.token(connectionId, new TokenRequest(forceRefresh)), "token of connection " + connectionId);
        if (t == null || t.accessToken() == null || t.instanceUrl() == null) {
            throw new ConfigApiException("config-api returned no token for connection " + connectionId, null);
        }
        return t;
    }

    private <T> T call(java.util.function.Supplier<T> supplier, String what) {
        try {
            @SuppressWarnings("unchecked")
            Class<T> any = (Class<T>) Object.class;
            return guard.get(supplier, any);
        } catch (WebApplicationException e) {
            int status = e.getResponse().getStatus();
            String detail = problemDetail(e);
            if (status == 409) {
                throw new ConfigApiException("credentials of the connection are invalid or revoked (" + what + "): " + detail, e);
            }
            throw new ConfigApiException("config-api answered " + status + " for " + what + ": " + detail, e);
        } catch (ProcessingException e) {
            throw new ConfigApiUnavailableException("config-api unreachable for " + what + ": " + e.getMessage(), e);
        }
    }

    private static String problemDetail(WebApplicationException e) {
        try {
            if (e.getResponse().hasEntity()) {
                return e.getResponse().readEntity(String.class);
            }
        } catch (RuntimeException ignored) {
            // the body is only a hint for the message
        }
        return e.getMessage();
    }

    static boolean isTransient(Throwable t) {
        if (t instanceof WebApplicationException w) {
            int s = w.getResponse().getStatus();
            return s >= 500 || s == 429;
        }
        return t instanceof ProcessingException || t instanceof IOException || t.getCause() instanceof IOException;
    }

    /** config-api could not be reached after the retries: the run can be retried later. */
    public static class ConfigApiUnavailableException extends RuntimeException {
        public ConfigApiUnavailableException(String message, Throwable cause) {
            super(message, cause);
        }
    }
}
