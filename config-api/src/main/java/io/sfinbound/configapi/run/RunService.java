package io.sfinbound.configapi.run;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import io.quarkus.logging.Log;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.sfinbound.common.kafka.Json;
import io.sfinbound.common.problem.ProblemException;
import io.sfinbound.common.record.RunAction;
import io.sfinbound.common.record.RunEvent;
import io.sfinbound.common.record.RunRequest;
import io.sfinbound.common.record.RunTrigger;
import io.sfinbound.common.record.Stage;
import io.sfinbound.common.record.Watermark;
import io.sfinbound.configapi.job.Job;
import io.sfinbound.configapi.job.JobService;

/**
 * The run lifecycle: queueing (one active run per job), run requests, and the accounting of run events
 * (docs/architecture.md, "Run lifecycle and accounting").
 */
@ApplicationScoped
public class RunService {

    private static final TypeReference<Map<String, Long>> COUNTERS = new TypeReference<>() {
    };

    private final JobService jobs;
    private final RunRequestOutbox outbox;
    private final OutboxRelay relay;
    private final Event<RunFinished> finished;

    public RunService(JobService jobs, RunRequestOutbox outbox, OutboxRelay relay, Event<RunFinished> finished) {
        this.jobs = jobs;
        this.outbox = outbox;
        this.relay = relay;
        this.finished = finished;
    }

    /**
     * Queues a run of the job's current version with its START request in the outbox (one transaction), then relays
     * the outbox. When Kafka is down the run stays QUEUED and the relay's tick publishes it later.
     *
     * @throws ProblemException 409 when the job is deleted, disabled (except manual runs) or already has an active run
     */
    public Run startRun(long jobId, RunTrigger trigger, String who) {
        Run run = QuarkusTransaction.requiringNew().call(() -> queue(jobId, trigger, who));
        relay.relayPending();
        return run;
    }

    /**
     * Queues a run and its START request inside the caller's transaction (the scheduler claims and queues in one);
     * the request is published by the outbox relay after the commit.
     */
    public Run queue(long jobId, RunTrigger trigger, String who) {
        Job job = jobs.lockJob(jobId);
        if (job.deletedAt != null) {
            throw ProblemException.conflict("job " + jobId + " is in the recycle bin");
        }
        if (!job.enabled && trigger != RunTrigger.MANUAL) {
            throw ProblemException.conflict("job " + jobId + " is disabled");
        }
        Run active = Run.find("jobId = ?1 and status in ?2 order by createdAt", jobId, List.of(RunStatus.QUEUED, RunStatus.RUNNING))
                .firstResult();
        if (active != null) {
            throw ProblemException.conflict("job " + jobId + " already has run " + active.id + " " + active.status);
        }
        Instant now = Instant.now();
        Run run = new Run();
        run.id = UUID.randomUUID().toString();
        run.jobId = jobId;
        run.jobVersion = job.currentVersion;
        run.projectId = job.projectId;
        run.connectionId = job.connectionId;
        run.status = RunStatus.QUEUED;
        run.trigger = trigger;
        run.requestedBy = who;
        run.fromWatermarkTs = job.watermarkTs;
        run.fromWatermarkId = job.watermarkId;
        run.createdAt = now;
        run.updatedAt = now;
        run.persist();
        outbox.add(request(run, RunAction.START, now));
        return run;
    }

    /** Publishes the requests of runs queued by {@link #queue} once their transaction committed. */
    public void relayRequests() {
        relay.relayPending();
    }

    /** Fails a run that is not over yet (publishing failed, or the pipeline never answered). */
    public void failRun(String runId, String message) {
        QuarkusTransaction.requiringNew().run(() -> finish(lockRun(runId), RunStatus.FAILED, message));
    }

    /** Asks the extractor to terminate a run; a queued run is cancelled at once. */
    public Run cancelRun(String runId, String who) {
        Run run = QuarkusTransaction.requiringNew().call(() -> {
            Run r = lockRun(runId);
            if (r.status.terminal()) {
                throw ProblemException.conflict("run " + runId + " is already " + r.status);
            }
            r.cancelRequested = true;
            r.updatedAt = Instant.now();
            if (r.status == RunStatus.QUEUED) {
                finish(r, RunStatus.CANCELLED, "terminated by " + who + " before it started");
            }
            outbox.add(request(r, RunAction.CANCEL, Instant.now()));
            return r;
        });
        relay.relayPending();
        return run;
    }

    /**
     * Applies one run event: keeps the counters of the highest sequence per (run, stage), moves the status, and
     * completes the run when the extraction completed and the loader accounted for every extracted record.
     */
    @Transactional
    public void apply(RunEvent e) {
        if (e == null || e.runId() == null || e.stage() == null || e.type() == null) {
            Log.warnf("run event without run id, stage or type ignored: %s", e);
            return;
        }
        Run run = Run.findById(e.runId(), LockModeType.PESSIMISTIC_WRITE);
        if (run == null) {
            Log.warnf("run event %s of unknown run %s ignored", e.type(), e.runId());
            return;
        }
        Instant now = Instant.now();
        run.updatedAt = now;
        if (e.counters() != null && !e.counters().isEmpty()) {
            RunStageCounters c = RunStageCounters.findById(new RunStageCounters.Key(e.runId(), e.stage()));
            if (c == null) {
                c = new RunStageCounters();
                c.runId = e.runId();
                c.stage = e.stage();
                c.sequence = e.sequence();
                c.counters = write(e.counters());
                c.updatedAt = now;
                c.persist();
            } else if (e.sequence() >= c.sequence) {
                c.sequence = e.sequence();
                c.counters = write(e.counters());
                c.updatedAt = now;
            }
        }
        switch (e.type()) {
            case STARTED -> {
                if (run.status == RunStatus.QUEUED) {
                    run.status = RunStatus.RUNNING;
                    run.startedAt = e.at() == null ? now : e.at();
                }
            }
            case PROGRESS -> {
                if (run.status == RunStatus.QUEUED && e.stage() == Stage.EXTRACTOR) {
                    run.status = RunStatus.RUNNING;
                    run.startedAt = e.at() == null ? now : e.at();
                }
            }
            case EXTRACTION_COMPLETED -> {
                run.extractionCompleted = true;
                if (e.watermark() != null) {
                    run.watermarkTs = e.watermark().timestamp();
                    run.watermarkId = e.watermark().id();
                }
                if (run.status == RunStatus.QUEUED) {
                    run.status = RunStatus.RUNNING;
                    run.startedAt = e.at() == null ? now : e.at();
                }
            }
            case FAILED -> finish(run, RunStatus.FAILED, e.message());
            case DEFERRED -> finish(run, RunStatus.DEFERRED, e.message());
            case CANCELLED -> finish(run, RunStatus.CANCELLED, e.message());
            default -> {
            }
        }
        completeIfAccounted(run);
    }

    private void completeIfAccounted(Run run) {
        if (run.status.terminal() || !run.extractionCompleted) {
            return;
        }
        Map<Stage, Map<String, Long>> stages = stageCounters(run.id);
        long extracted = counter(stages, Stage.EXTRACTOR, "extracted");
        long accounted = counter(stages, Stage.LOADER, "accounted");
        if (accounted < extracted) {
            return;
        }
        if (accounted > extracted) {
            Log.warnf("run %s: the loader accounted for %d records but %d were extracted", run.id, accounted, extracted);
        }
        boolean warnings = counter(stages, Stage.LOADER, "failed") > 0
                || counter(stages, Stage.TRANSFORMER, "deadLettered") > 0
                || counter(stages, Stage.TRANSFORMER, "failed") > 0;
        finish(run, warnings ? RunStatus.COMPLETED_WITH_WARNINGS : RunStatus.COMPLETED,
                warnings ? "some records failed; see the run report" : null);
        if (run.watermarkTs != null) {
            Job job = Job.findById(run.jobId, LockModeType.PESSIMISTIC_WRITE);
            if (job != null) {
                job.watermarkTs = run.watermarkTs;
                job.watermarkId = run.watermarkId;
            }
        }
    }

    private void finish(Run run, RunStatus status, String message) {
        if (run.status.terminal()) {
            return;
        }
        Instant now = Instant.now();
        run.status = status;
        run.message = message == null ? null : (message.length() > 2000 ? message.substring(0, 2000) : message);
        run.finishedAt = now;
        run.updatedAt = now;
        finished.fire(new RunFinished(run.id, run.jobId, status, run.message));
    }

    /** A run or a 404. */
    public Run findRun(String runId) {
        Run run = Run.findById(runId);
        if (run == null) {
            throw ProblemException.notFound("run " + runId);
        }
        return run;
    }

    private Run lockRun(String runId) {
        Run run = Run.findById(runId, LockModeType.PESSIMISTIC_WRITE);
        if (run == null) {
            throw ProblemException.notFound("run " + runId);
        }
        return run;
    }

    /** A page of run history, newest first. */
    public List<Run> findRuns(RunFilter f) {
        StringBuilder q = new StringBuilder("1 = 1");
        Map<String, Object> p = new LinkedHashMap<>();
        if (f.jobId() != null) {
            q.append(" and jobId = :jobId");
            p.put("jobId", f.jobId());
        }
        if (f.projectId() != null) {
            q.append(" and projectId = :projectId");
            p.put("projectId", f.projectId());
        }
        if (f.statuses() != null && !f.statuses().isEmpty()) {
            q.append(" and status in :statuses");
            p.put("statuses", f.statuses());
        }
        if (f.trigger() != null) {
            q.append(" and trigger = :trigger");
            p.put("trigger", f.trigger());
        }
        if (f.from() != null) {
            q.append(" and createdAt >= :from");
            p.put("from", f.from());
        }
        if (f.to() != null) {
            q.append(" and createdAt < :to");
            p.put("to", f.to());
        }
        q.append(" order by createdAt desc, id");
        return Run.find(q.toString(), p).page(f.page(), f.size()).list();
    }

    /** Filters of the run history. */
    public record RunFilter(Long jobId, Long projectId, List<RunStatus> statuses, RunTrigger trigger, Instant from, Instant to,
            int page, int size) {
    }

    /** The answer form of a run. */
    public RunView view(Run run) {
        Map<Stage, Map<String, Long>> stages = stageCounters(run.id);
        Map<String, Long> merged = new TreeMap<>();
        for (Stage s : List.of(Stage.TRANSFORMER, Stage.EXTRACTOR, Stage.LOADER)) {
            merged.putAll(stages.getOrDefault(s, Map.of()));
        }
        Long duration = run.startedAt == null ? null
                : Duration.between(run.startedAt, run.finishedAt == null ? Instant.now() : run.finishedAt).toMillis();
        return new RunView(run.id, run.jobId, run.jobVersion, run.projectId, run.status, run.trigger, run.requestedBy, merged,
                stages, run.message,
                run.fromWatermarkTs == null ? null : new Watermark(run.fromWatermarkTs, run.fromWatermarkId),
                run.watermarkTs == null ? null : new Watermark(run.watermarkTs, run.watermarkId),
                run.cancelRequested, run.createdAt, run.startedAt, run.finishedAt, duration);
    }

    /** The latest counters of each stage of a run. */
    public Map<Stage, Map<String, Long>> stageCounters(String runId) {
        Map<Stage, Map<String, Long>> out = new EnumMap<>(Stage.class);
        List<RunStageCounters> rows = RunStageCounters.list("runId", runId);
        for (RunStageCounters r : rows) {
            out.put(r.stage, read(r.counters));
        }
        return out;
    }

    private static long counter(Map<Stage, Map<String, Long>> stages, Stage stage, String name) {
        Long v = stages.getOrDefault(stage, Map.of()).get(name);
        return v == null ? 0 : v;
    }

    static RunRequest request(Run run, RunAction action, Instant at) {
        return new RunRequest(run.id, run.jobId, run.jobVersion, run.projectId, run.connectionId, action, run.trigger,
                run.fromWatermarkTs == null ? null : new Watermark(run.fromWatermarkTs, run.fromWatermarkId), at);
    }

    private static String write(Map<String, Long> counters) {
        try {
            return Json.mapper().writeValueAsString(new TreeMap<>(counters));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Map<String, Long> read(String json) {
        try {
            return Json.mapper().readValue(json, COUNTERS);
        } catch (JsonProcessingException e) {
            return new LinkedHashMap<>();
        }
    }

    /** Run ids of a job (for purge). */
    public List<String> runIds(long jobId) {
        List<String> ids = new ArrayList<>();
        Run.<Run>list("jobId", jobId).forEach(r -> ids.add(r.id));
        return ids;
    }
}
