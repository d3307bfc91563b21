package io.sfinbound.extractor.support;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;

import io.sfinbound.common.job.DataType;
import io.sfinbound.common.job.ExtractionApi;
import io.sfinbound.common.job.JobConfig;
import io.sfinbound.common.job.LookBack;
import io.sfinbound.common.record.RunAction;
import io.sfinbound.common.record.RunRequest;
import io.sfinbound.common.record.RunTrigger;
import io.sfinbound.common.record.Watermark;

/** Job versions and run requests for tests; each job gets a fresh id so tests never see each other's runs. */
public final class Jobs {

    public static final long CONNECTION = 7;
    private static final AtomicLong IDS = new AtomicLong(System.currentTimeMillis() % 1_000_000 * 100);

    private Jobs() {
    }

    /** A job (version 1) registered in the config-api stub. */
    public static JobConfig register(DataType type, String soql, String dateField, ExtractionApi api, Integer limit, LookBack lookBack,
            boolean includeDeleted) {
        return register(type, soql, dateField, api, limit, lookBack, includeDeleted, null);
    }

    /** A job with a Bulk threshold, registered in the config-api stub. */
    public static JobConfig register(DataType type, String soql, String dateField, ExtractionApi api, Integer limit, LookBack lookBack,
            boolean includeDeleted, Long bulkThreshold) {
        long id = IDS.incrementAndGet();
        JobConfig job = new JobConfig(id, 1, 1, CONNECTION, "job " + id, type, null, "62.0", soql, dateField, includeDeleted, api,
                bulkThreshold, limit, lookBack == null ? new LookBack(0, LookBack.Unit.DAYS) : lookBack, null, null, List.of(), null, null);
        ConfigApiStub.putJob(job);
        return job;
    }

    /** A START request of a new run of the job. */
    public static RunRequest start(JobConfig job, Watermark watermark) {
        return new RunRequest(UUID.randomUUID().toString(), job.jobId(), job.version(), job.projectId(), job.connectionId(),
                RunAction.START, RunTrigger.MANUAL, watermark, Instant.now());
    }

    /** A CANCEL request of a run. */
    public static RunRequest cancel(RunRequest run) {
        return new RunRequest(run.runId(), run.jobId(), run.jobVersion(), run.projectId(), run.connectionId(), RunAction.CANCEL,
                RunTrigger.MANUAL, null, Instant.now());
    }
}
