package io.sfinbound.transformer.job;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.LockSupport;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.logging.Log;
import io.sfinbound.common.job.JobConfig;
import io.sfinbound.transformer.config.TransformerConfig;
import io.sfinbound.transform.job.CompiledJob;
import io.sfinbound.transform.job.JobCompilationException;
import io.sfinbound.transform.job.TransformException;
import io.sfinbound.transformer.pipeline.TransformerEngine;

/**
 * Compiled job versions, fetched from config-api once and kept forever (a version is immutable, so a job edit
 * never changes records already in flight). A version that does not exist or does not compile is remembered as
 * such: its records are dead-lettered. config-api being unreachable blocks the caller with backoff until it
 * answers: records wait, they are never dead-lettered for an outage.
 */
@ApplicationScoped
public class JobVersions {

    private final Map<Key, Outcome> cache = new ConcurrentHashMap<>();
    private final JobConfigClient client;
    private final TransformerEngine engine;
    private final TransformerConfig config;

    JobVersions(JobConfigClient client, TransformerEngine engine, TransformerConfig config) {
        this.client = client;
        this.engine = engine;
        this.config = config;
    }

    /**
     * The compiled job version.
     *
     * @throws TransformException JOB_VERSION_NOT_FOUND or JOB_INVALID
     */
    public CompiledJob compiled(long jobId, int version) {
        Key key = new Key(jobId, version);
        Outcome outcome = cache.get(key);
        if (outcome == null) {
            outcome = load(jobId, version);
            cache.putIfAbsent(key, outcome);
        }
        if (outcome.error() != null) {
            throw outcome.error();
        }
        return outcome.job();
    }

    private Outcome load(long jobId, int version) {
        Duration delay = config.jobFetch().initialDelay();
        while (true) {
            JobConfig job;
            try {
                job = client.findJobVersion(jobId, version);
            } catch (JobVersionNotFoundException e) {
                return new Outcome(null, new TransformException(TransformException.JOB_VERSION_NOT_FOUND, e.getMessage()));
            } catch (RuntimeException e) {
                Log.warnf("[load] - config-api did not serve job %d version %d (%s); retrying in %d ms", jobId, version,
                        e.getMessage(), delay.toMillis());
                LockSupport.parkNanos(delay.toNanos());
                if (Thread.currentThread().isInterrupted()) {
                    throw new IllegalStateException("interrupted while waiting for config-api");
                }
                delay = min(delay.multipliedBy(2), config.jobFetch().maxDelay());
                continue;
            }
            if (job == null) {
                return new Outcome(null, new TransformException(TransformException.JOB_VERSION_NOT_FOUND,
                        "config-api served an empty job " + jobId + " version " + version));
            }
            try {
                return new Outcome(engine.compile(job), null);
            } catch (JobCompilationException e) {
                Log.errorf("[load] - job %d version %d does not compile: %s", jobId, version, e.getMessage());
                return new Outcome(null, new TransformException(TransformException.JOB_INVALID, e.getMessage()));
            }
        }
    }

    private static Duration min(Duration a, Duration b) {
        return a.compareTo(b) <= 0 ? a : b;
    }

    private record Key(long jobId, int version) {
    }

    private record Outcome(CompiledJob job, TransformException error) {
    }
}
