package io.sfinbound.configapi.job;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;

import io.quarkus.logging.Log;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
import io.sfinbound.common.problem.ProblemException;
import io.sfinbound.common.record.RunTrigger;
import io.sfinbound.configapi.config.ConfigApiConfig;
import io.sfinbound.configapi.run.Run;
import io.sfinbound.configapi.run.RunService;

/**
 * The scheduler tick: claims due jobs with {@code SELECT ... FOR UPDATE SKIP LOCKED}, moves each one's next run and
 * queues its run (and its request, in the outbox) in the same transaction, then relays the outbox. Several config-api instances can tick at
 * once: a job row claimed by one is skipped by the others, and once committed its next run is in the future, so each
 * due job fires exactly once.
 */
@ApplicationScoped
public class JobScheduler {

    /** The principal of scheduled runs. */
    public static final String SCHEDULER = "scheduler";

    private final EntityManager em;
    private final JobService jobs;
    private final RunService runs;
    private final ConfigApiConfig config;

    public JobScheduler(EntityManager em, JobService jobs, RunService runs, ConfigApiConfig config) {
        this.em = em;
        this.jobs = jobs;
        this.runs = runs;
        this.config = config;
    }

    @Scheduled(identity = "job-scheduler", every = "${sfinbound.scheduler.every:15s}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void tick() {
        Instant now = Instant.now();
        fireDue(now);
        failStaleRuns(now);
    }

    /**
     * Fires every job due at {@code now}, batch by batch.
     *
     * @return the runs queued by this call
     */
    public List<Run> fireDue(Instant now) {
        List<Run> all = new ArrayList<>();
        while (true) {
            List<Run> queued = new ArrayList<>();
            int claimed = QuarkusTransaction.requiringNew().call(() -> claimBatch(now, queued));
            if (!queued.isEmpty()) {
                runs.relayRequests(); // the START requests were written to the outbox with the runs
            }
            all.addAll(queued);
            if (claimed < config.scheduler().batchSize()) {
                return all;
            }
        }
    }

    @SuppressWarnings("unchecked")
    private int claimBatch(Instant now, List<Run> queued) {
        List<Number> ids = em.createNativeQuery("SELECT id FROM job WHERE enabled AND deleted_at IS NULL AND next_run_at <= ?1 "
                + "ORDER BY next_run_at, id LIMIT ?2 FOR UPDATE SKIP LOCKED")
                .setParameter(1, now)
                .setParameter(2, config.scheduler().batchSize())
                .getResultList();
        for (Number id : ids) {
            Job job = em.find(Job.class, id.longValue());
            em.refresh(job); // the row was locked by the native query; read its current state
            Schedule schedule = JobService.readSettings(jobs.version(job.id, job.currentVersion)).schedule();
            Instant firedFor = job.nextRunAt;
            job.nextRunAt = ScheduleRules.following(schedule, firedFor, now);
            try {
                queued.add(runs.queue(job.id, RunTrigger.SCHEDULE, SCHEDULER));
            } catch (ProblemException e) {
                // the previous run is still going: this occurrence is skipped, the next one is kept
                Log.infof("job %d due at %s skipped: %s", job.id, firedFor, e.getMessage());
            }
        }
        return ids.size();
    }

    /** Fails runs the pipeline forgot: queued and never started, or running without any event for too long. */
    public int failStaleRuns(Instant now) {
        List<String> stale = QuarkusTransaction.requiringNew().call(() -> Run.<Run>find(
                "(status = ?1 and createdAt < ?2) or (status = ?3 and updatedAt < ?4)",
                io.sfinbound.configapi.run.RunStatus.QUEUED, now.minus(config.scheduler().queuedTimeout()),
                io.sfinbound.configapi.run.RunStatus.RUNNING, now.minus(config.scheduler().staleTimeout()))
                .list().stream().map(r -> r.id).toList());
        for (String id : stale) {
            runs.failRun(id, "no progress from the pipeline in time; the run was abandoned");
        }
        return stale.size();
    }
}
