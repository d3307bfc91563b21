package io.sfinbound.loader.config;

import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.ProcessingException;
import jakarta.ws.rs.WebApplicationException;

import io.quarkus.logging.Log;
import io.sfinbound.common.job.JobConfig;
import org.eclipse.microprofile.rest.client.inject.RestClient;

/**
 * Job versions from config-api, cached forever: a version is immutable (docs/architecture.md).
 */
@ApplicationScoped
public class JobVersions {

    private final ConfigApiRestClient client;
    private final LoaderConfig config;
    private final ConcurrentMap<String, JobConfig> cache = new ConcurrentHashMap<>();

    public JobVersions(@RestClient ConfigApiRestClient client, LoaderConfig config) {
        this.client = client;
        this.config = config;
    }

    /**
     * The job version, or empty when config-api says it does not exist (404).
     *
     * @throws TransientException when config-api cannot answer now
     */
    public Optional<JobConfig> find(long jobId, int version) {
        String key = jobId + "/" + version;
        JobConfig cached = cache.get(key);
        if (cached != null) {
            return Optional.of(cached);
        }
        try {
            JobConfig job = client.jobVersion(config.serviceKey(), jobId, version);
            cache.put(key, job);
            return Optional.of(job);
        } catch (WebApplicationException e) {
            int status = e.getResponse().getStatus();
            if (status == 404) {
                Log.warnf("job %d version %d does not exist at config-api", jobId, version);
                return Optional.empty();
            }
            throw new TransientException("config-api answered " + status + " for job " + key, e);
        } catch (ProcessingException e) {
            throw new TransientException("config-api unreachable for job " + key + ": " + e.getMessage(), e);
        }
    }
}
