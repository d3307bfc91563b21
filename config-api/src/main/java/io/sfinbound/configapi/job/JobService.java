package io.sfinbound.configapi.job;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.sfinbound.common.job.JobConfig;
import io.sfinbound.common.kafka.Json;
import io.sfinbound.common.problem.Problem;
import io.sfinbound.common.problem.ProblemException;
import io.sfinbound.configapi.config.ConfigApiConfig;

/** Jobs and their immutable versions and change log. */
@ApplicationScoped
public class JobService {

    private final JobValidator validator;
    private final ConfigApiConfig config;

    public JobService(JobValidator validator, ConfigApiConfig config) {
        this.validator = validator;
        this.config = config;
    }

    /** A job with its current version. */
    public record JobState(Job job, JobConfig config, JobSettings settings) {
        /** The answer form. */
        public JobView view() {
            return JobView.of(job, config, settings);
        }
    }

    /** Creates a job (version 1). */
    @Transactional
    public JobState persistJob(JobRequest r, String who) {
        validator.validate(r);
        Instant now = Instant.now();
        Job job = new Job();
        job.projectId = r.projectId();
        job.connectionId = r.connectionId();
        job.name = r.name().trim();
        job.createdAt = now;
        job.createdBy = who;
        job.updatedAt = now;
        job.updatedBy = who;
        job.enabled = r.enabled() == null || r.enabled();
        job.currentVersion = 1;
        JobSettings settings = JobDefaults.settings(r);
        job.scheduleType = settings.schedule().type().name();
        job.nextRunAt = job.enabled ? ScheduleRules.nextRun(settings.schedule(), now) : null;
        job.persist();
        JobConfig cfg = JobDefaults.config(r, job.id, 1, config.jobs().defaultApiVersion());
        persistVersion(cfg, settings, who, now);
        log(job.id, 1, "CREATED", diff(null, null, cfg, settings), who, now);
        return new JobState(job, cfg, settings);
    }

    /** Replaces a job's configuration: a new immutable version. An unchanged request makes no version. */
    @Transactional
    public JobState replaceJob(long id, JobRequest r, String who) {
        Job job = lockJob(id);
        if (job.deletedAt != null) {
            throw ProblemException.conflict("job " + id + " is in the recycle bin; restore it first");
        }
        validator.validate(r);
        JobVersion current = version(id, job.currentVersion);
        JobConfig before = readConfig(current);
        JobSettings settingsBefore = readSettings(current);
        int next = job.currentVersion + 1;
        JobConfig cfg = JobDefaults.config(r, id, next, config.jobs().defaultApiVersion());
        JobSettings settings = JobDefaults.settings(r);
        List<Map<String, Object>> changes = diff(before, settingsBefore, cfg, settings);
        if (changes.isEmpty() && Objects.equals(job.enabled, r.enabled() == null ? job.enabled : r.enabled())) {
            return new JobState(job, before, settingsBefore);
        }
        Instant now = Instant.now();
        job.projectId = cfg.projectId();
        job.connectionId = cfg.connectionId();
        job.name = cfg.name();
        job.currentVersion = next;
        job.updatedAt = now;
        job.updatedBy = who;
        if (r.enabled() != null) {
            job.enabled = r.enabled();
        }
        job.scheduleType = settings.schedule().type().name();
        if (!Objects.equals(settings.schedule(), settingsBefore.schedule()) || job.nextRunAt == null) {
            job.nextRunAt = job.enabled ? ScheduleRules.nextRun(settings.schedule(), now) : null;
        }
        persistVersion(cfg, settings, who, now);
        log(id, next, "UPDATED", changes, who, now);
        return new JobState(job, cfg, settings);
    }

    /** Copies a job: a new job (version 1) with the configuration of the source's current version, disabled, no watermark. */
    @Transactional
    public JobState copyJob(long id, String newName, String who) {
        JobState src = findJob(id);
        String name = newName == null || newName.isBlank() ? "Copy of " + src.job().name : newName.trim();
        if (name.length() > 200) {
            throw ProblemException.badRequest("name", "must be at most 200 characters");
        }
        Instant now = Instant.now();
        Job job = new Job();
        job.projectId = src.job().projectId;
        job.connectionId = src.job().connectionId;
        job.name = name;
        job.createdAt = now;
        job.createdBy = who;
        job.updatedAt = now;
        job.updatedBy = who;
        job.enabled = false; // a copy runs only when someone enables it
        job.currentVersion = 1;
        job.scheduleType = src.job().scheduleType;
        job.persist();
        JobConfig c = src.config();
        JobConfig cfg = new JobConfig(job.id, 1, c.projectId(), c.connectionId(), name, c.dataType(), c.participantMode(),
                c.apiVersion(), c.soql(), c.dateField(), c.includeDeleted(), c.api(), c.bulkThreshold(), c.recordLimit(),
                c.lookBack(), c.duplicateMode(), c.defaultMapping(), c.fieldMappings(), c.redaction(), c.filter());
        persistVersion(cfg, src.settings(), who, now);
        log(job.id, 1, "COPIED_FROM", List.of(Map.of("field", "job", "from", id)), who, now);
        return new JobState(job, cfg, src.settings());
    }

    /** Moves a job to the recycle bin: it stops being scheduled; its versions and runs stay. */
    @Transactional
    public JobState deleteJob(long id, String who) {
        Job job = lockJob(id);
        if (job.deletedAt != null) {
            throw ProblemException.conflict("job " + id + " is already in the recycle bin");
        }
        Instant now = Instant.now();
        job.deletedAt = now;
        job.deletedBy = who;
        job.nextRunAt = null;
        log(id, job.currentVersion, "DELETED", null, who, now);
        return findJob(id);
    }

    /** Restores a job from the recycle bin, disabled so that it does not fire at once. */
    @Transactional
    public JobState restoreJob(long id, String who) {
        Job job = lockJob(id);
        if (job.deletedAt == null) {
            throw ProblemException.conflict("job " + id + " is not in the recycle bin");
        }
        Instant now = Instant.now();
        job.deletedAt = null;
        job.deletedBy = null;
        job.enabled = false;
        job.nextRunAt = null;
        job.updatedAt = now;
        job.updatedBy = who;
        log(id, job.currentVersion, "RESTORED", null, who, now);
        return findJob(id);
    }

    /** Deletes a job from the recycle bin for good: versions, change log and runs. */
    @Transactional
    public void purgeJob(long id) {
        Job job = lockJob(id);
        if (job.deletedAt == null) {
            throw ProblemException.conflict("job " + id + " must be deleted (in the recycle bin) before it is purged");
        }
        long active = io.sfinbound.configapi.run.Run.count("jobId = ?1 and status in ?2", id,
                List.of(io.sfinbound.configapi.run.RunStatus.QUEUED, io.sfinbound.configapi.run.RunStatus.RUNNING));
        if (active > 0) {
            throw ProblemException.conflict("job " + id + " has a run in progress");
        }
        job.delete(); // versions, changes, runs and counters cascade in the database
    }

    /** Enables or disables a job; enabling computes the next run from now. */
    @Transactional
    public JobState enableJob(long id, boolean enabled, String who) {
        Job job = lockJob(id);
        if (job.deletedAt != null) {
            throw ProblemException.conflict("job " + id + " is in the recycle bin; restore it first");
        }
        if (job.enabled != enabled) {
            Instant now = Instant.now();
            job.enabled = enabled;
            job.updatedAt = now;
            job.updatedBy = who;
            job.nextRunAt = enabled ? ScheduleRules.nextRun(readSettings(version(id, job.currentVersion)).schedule(), now) : null;
            log(id, job.currentVersion, enabled ? "ENABLED" : "DISABLED", null, who, now);
        }
        return findJob(id);
    }

    /** A job (also in the recycle bin) with its current version, or a 404. */
    public JobState findJob(long id) {
        Job job = Job.findById(id);
        if (job == null) {
            throw ProblemException.notFound("job " + id);
        }
        JobVersion v = version(id, job.currentVersion);
        return new JobState(job, readConfig(v), readSettings(v));
    }

    /** The job row, locked for update, or a 404. */
    public Job lockJob(long id) {
        Job job = Job.findById(id, LockModeType.PESSIMISTIC_WRITE);
        if (job == null) {
            throw ProblemException.notFound("job " + id);
        }
        return job;
    }

    /** Jobs not in the recycle bin (or only those in it), newest configuration first. */
    public List<JobState> findJobs(Long projectId, boolean deleted) {
        StringBuilder q = new StringBuilder(deleted ? "deletedAt is not null" : "deletedAt is null");
        Map<String, Object> params = new LinkedHashMap<>();
        if (projectId != null) {
            q.append(" and projectId = :projectId");
            params.put("projectId", projectId);
        }
        q.append(" order by updatedAt desc, id desc");
        List<Job> jobs = Job.list(q.toString(), params);
        List<JobState> out = new ArrayList<>();
        for (Job j : jobs) {
            JobVersion v = version(j.id, j.currentVersion);
            out.add(new JobState(j, readConfig(v), readSettings(v)));
        }
        return out;
    }

    /** One immutable version's configuration, or a 404. */
    public JobConfig findConfig(long jobId, int version) {
        return readConfig(version(jobId, version));
    }

    /** Every version of a job, newest first. */
    public List<JobVersion> findVersions(long jobId) {
        findJob(jobId);
        return JobVersion.list("jobId = ?1 order by version desc", jobId);
    }

    /** The change log of a job, newest first. */
    public List<JobChange> findChanges(long jobId) {
        findJob(jobId);
        return JobChange.list("jobId = ?1 order by id desc", jobId);
    }

    /** One version row, or a 404. */
    public JobVersion version(long jobId, int version) {
        JobVersion v = JobVersion.find("jobId = ?1 and version = ?2", jobId, version).firstResult();
        if (v == null) {
            throw ProblemException.notFound("version " + version + " of job " + jobId);
        }
        return v;
    }

    /** Appends a change log entry. */
    public void log(long jobId, int version, String action, List<Map<String, Object>> changes, String who, Instant at) {
        JobChange c = new JobChange();
        c.jobId = jobId;
        c.version = version;
        c.action = action;
        c.changes = changes == null || changes.isEmpty() ? null : write(changes);
        c.changedBy = who;
        c.changedAt = at;
        c.persist();
    }

    void persistVersion(JobConfig cfg, JobSettings settings, String who, Instant now) {
        JobVersion v = new JobVersion();
        v.jobId = cfg.jobId();
        v.version = cfg.version();
        v.config = write(cfg);
        v.settings = write(settings);
        v.createdAt = now;
        v.createdBy = who;
        v.persist();
    }

    /** The fields that differ between two versions, as {@code {field, from, to}} with JSON paths. */
    static List<Map<String, Object>> diff(JobConfig a, JobSettings sa, JobConfig b, JobSettings sb) {
        Map<String, JsonNode> before = new LinkedHashMap<>();
        Map<String, JsonNode> after = new LinkedHashMap<>();
        if (a != null) {
            flatten("", comparable(a, sa), before);
        }
        flatten("", comparable(b, sb), after);
        List<Map<String, Object>> out = new ArrayList<>();
        for (Map.Entry<String, JsonNode> e : after.entrySet()) {
            JsonNode old = before.remove(e.getKey());
            if (!Objects.equals(old, e.getValue())) {
                Map<String, Object> c = new LinkedHashMap<>();
                c.put("field", e.getKey());
                c.put("from", old);
                c.put("to", e.getValue());
                out.add(c);
            }
        }
        for (Map.Entry<String, JsonNode> e : before.entrySet()) {
            Map<String, Object> c = new LinkedHashMap<>();
            c.put("field", e.getKey());
            c.put("from", e.getValue());
            c.put("to", null);
            out.add(c);
        }
        return out;
    }

    private static ObjectNode comparable(JobConfig c, JobSettings s) {
        ObjectNode n = Json.mapper().valueToTree(c);
        n.remove("jobId");
        n.remove("version");
        ObjectNode settings = Json.mapper().valueToTree(s);
        settings.fields().forEachRemaining(e -> n.set(e.getKey(), e.getValue()));
        return n;
    }

    private static void flatten(String prefix, JsonNode node, Map<String, JsonNode> out) {
        if (node.isObject()) {
            Iterator<Map.Entry<String, JsonNode>> it = node.fields();
            while (it.hasNext()) {
                Map.Entry<String, JsonNode> e = it.next();
                flatten(prefix.isEmpty() ? e.getKey() : prefix + "." + e.getKey(), e.getValue(), out);
            }
        } else if (!node.isNull()) {
            out.put(prefix, node);
        }
    }

    static JobConfig readConfig(JobVersion v) {
        try {
            return Json.mapper().readValue(v.config, JobConfig.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("version " + v.version + " of job " + v.jobId + " is not readable", e);
        }
    }

    static JobSettings readSettings(JobVersion v) {
        try {
            return Json.mapper().readValue(v.settings, JobSettings.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("settings of version " + v.version + " of job " + v.jobId + " are not readable", e);
        }
    }

    static String write(Object o) {
        try {
            return Json.mapper().writeValueAsString(o);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot serialize " + o.getClass().getSimpleName(), e);
        }
    }

    /** Throws a 400 listing every error, if any. */
    static void failIfAny(List<Problem.FieldError> errors) {
        if (!errors.isEmpty()) {
            String detail = String.join("; ", errors.stream().map(e -> e.field() + ": " + e.message()).toList());
            throw new ProblemException(400, "Bad Request", detail, errors);
        }
    }
}
