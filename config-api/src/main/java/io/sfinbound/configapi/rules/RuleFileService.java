package io.sfinbound.configapi.rules;

import java.util.LinkedHashSet;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import io.sfinbound.common.job.JobConfig;
import io.sfinbound.common.job.RedactionSettings;
import io.sfinbound.common.problem.ProblemException;
import io.sfinbound.configapi.job.JobRequest;
import io.sfinbound.configapi.job.JobService;
import io.sfinbound.configapi.job.JobSettings;
import io.sfinbound.transform.job.JobSaveChecks;

/**
 * Rule files uploaded into a job: the job's current configuration with one rule file replaced is saved as a new
 * version, through the same validation as a job save (each bad line named with its line and column).
 */
@ApplicationScoped
public class RuleFileService {

    private final JobService jobs;

    public RuleFileService(JobService jobs) {
        this.jobs = jobs;
    }

    /** The job's current rule file of a kind; empty when it has none. */
    public String current(long jobId, RuleKind kind) {
        RedactionSettings r = jobs.findJob(jobId).config().redaction();
        String text = r == null ? null : kind == RuleKind.SUBSTITUTION ? r.substitutionRules() : r.redactionRules();
        return text == null ? "" : text;
    }

    /**
     * Replaces a rule file of a job: a new job version (none when the file is unchanged). A blank file removes it.
     *
     * @throws ProblemException 400 naming {@code redaction.substitutionRules} or {@code redaction.redactionRules} with
     *                          the line and column of each bad rule
     */
    public JobService.JobState upload(long jobId, RuleKind kind, String file, String who) {
        if (file != null && file.length() > JobSaveChecks.MAX_RULE_FILE) {
            throw ProblemException.badRequest(kind.field(), "the rule file is longer than " + JobSaveChecks.MAX_RULE_FILE
                    + " characters");
        }
        JobService.JobState state = jobs.findJob(jobId);
        JobConfig c = state.config();
        JobSettings s = state.settings();
        RedactionSettings r = c.redaction() == null
                ? new RedactionSettings(null, null, new LinkedHashSet<>(), RedactionSettings.DEFAULT_MASK, List.of())
                : c.redaction();
        String text = file == null || file.isBlank() ? null : file;
        RedactionSettings updated = kind == RuleKind.SUBSTITUTION
                ? new RedactionSettings(text, r.redactionRules(), r.detectors(), r.mask(), r.textAttributes())
                : new RedactionSettings(r.substitutionRules(), text, r.detectors(), r.mask(), r.textAttributes());
        JobRequest request = new JobRequest(c.projectId(), c.connectionId(), c.name(), s.description(), c.dataType(),
                c.participantMode(), c.apiVersion(), c.soql(), c.dateField(), c.includeDeleted(), c.api(),
                c.bulkThreshold(), c.recordLimit(), c.lookBack(), c.duplicateMode(), c.defaultMapping(), c.fieldMappings(),
                updated, c.filter(), s.schedule(), s.notifications(), null);
        return jobs.replaceJob(jobId, request, who);
    }
}
