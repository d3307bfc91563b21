package io.sfinbound.transformer.job;

import java.time.temporal.ChronoUnit;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.WebApplicationException;

import io.sfinbound.common.job.JobConfig;
import io.sfinbound.transformer.config.TransformerConfig;
import org.eclipse.microprofile.faulttolerance.Retry;
import org.eclipse.microprofile.faulttolerance.Timeout;
import org.eclipse.microprofile.rest.client.inject.RestClient;

/** Fetches job versions from config-api with retries on transient failures; a 404 is final. */
@ApplicationScoped
public class JobConfigClient {

    private final ConfigApiRestClient client;
    private final TransformerConfig config;

    JobConfigClient(@RestClient ConfigApiRestClient client, TransformerConfig config) {
        this.client = client;
        this.config = config;
    }

    /**
     * The job version.
     *
     * @throws JobVersionNotFoundException when config-api does not know it
     */
    @Retry(maxRetries = 3, delay = 200, delayUnit = ChronoUnit.MILLIS, jitter = 100,
            abortOn = JobVersionNotFoundException.class)
    @Timeout(value = 10, unit = ChronoUnit.SECONDS)
    public JobConfig findJobVersion(long jobId, int version) {
        try {
            return client.jobVersion(config.serviceKey(), jobId, version);
        } catch (WebApplicationException e) {
            if (e.getResponse() != null && e.getResponse().getStatus() == 404) {
                throw new JobVersionNotFoundException(jobId, version);
            }
            throw e;
        }
    }
}
