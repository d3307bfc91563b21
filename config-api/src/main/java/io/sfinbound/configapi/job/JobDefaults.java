package io.sfinbound.configapi.job;

import java.util.LinkedHashSet;
import java.util.List;

import io.sfinbound.common.job.DataType;
import io.sfinbound.common.job.DefaultMapping;
import io.sfinbound.common.job.DuplicateMode;
import io.sfinbound.common.job.ExtractionApi;
import io.sfinbound.common.job.JobConfig;
import io.sfinbound.common.job.LookBack;
import io.sfinbound.common.job.ParticipantMode;
import io.sfinbound.common.job.RedactionSettings;

/** The XM Discover defaults of the wizard's fields, applied to what a request leaves out. */
public final class JobDefaults {

    /** The date field of a job that names none. */
    public static final String DEFAULT_DATE_FIELD = "CreatedDate";

    private JobDefaults() {
    }

    /** The configuration a request describes, with defaults for what it leaves out. */
    public static JobConfig config(JobRequest r, long jobId, int version, String defaultApiVersion) {
        DefaultMapping dm = r.defaultMapping() == null ? DefaultMapping.defaults() : withDefaults(r.defaultMapping());
        RedactionSettings red = r.redaction() == null
                ? new RedactionSettings(null, null, new LinkedHashSet<>(), RedactionSettings.DEFAULT_MASK, List.of())
                : new RedactionSettings(blankToNull(r.redaction().substitutionRules()), blankToNull(r.redaction().redactionRules()),
                        r.redaction().detectors() == null ? new LinkedHashSet<>() : new LinkedHashSet<>(r.redaction().detectors()),
                        r.redaction().mask() == null || r.redaction().mask().isEmpty() ? RedactionSettings.DEFAULT_MASK : r.redaction().mask(),
                        r.redaction().textAttributes() == null ? List.of() : List.copyOf(r.redaction().textAttributes()));
        return new JobConfig(
                jobId,
                version,
                r.projectId(),
                r.connectionId(),
                r.name().trim(),
                r.dataType() == null ? DataType.FEEDBACK : r.dataType(),
                r.participantMode() == null ? ParticipantMode.AUTO_DETECT : r.participantMode(),
                r.apiVersion() == null || r.apiVersion().isBlank() ? defaultApiVersion : r.apiVersion().trim().replaceFirst("^v", ""),
                r.soql().trim(),
                r.dateField() == null || r.dateField().isBlank() ? DEFAULT_DATE_FIELD : r.dateField().trim(),
                Boolean.TRUE.equals(r.includeDeleted()),
                r.api() == null ? ExtractionApi.AUTO : r.api(),
                r.bulkThreshold() == null ? JobConfig.DEFAULT_BULK_THRESHOLD : r.bulkThreshold(),
                r.recordLimit(),
                r.lookBack() == null ? new LookBack(0, LookBack.Unit.DAYS)
                        : new LookBack(r.lookBack().amount(), r.lookBack().unit() == null ? LookBack.Unit.DAYS : r.lookBack().unit()),
                r.duplicateMode() == null ? DuplicateMode.UPDATE : r.duplicateMode(),
                dm,
                r.fieldMappings() == null ? List.of() : List.copyOf(r.fieldMappings()),
                red,
                r.filter() == null || r.filter().expression() == null || r.filter().expression().isBlank() ? null : r.filter());
    }

    /** The settings a request describes, with defaults. */
    public static JobSettings settings(JobRequest r) {
        Schedule s = r.schedule() == null ? Schedule.manual() : r.schedule();
        JobSettings.Notifications n = r.notifications();
        JobSettings.Notifications none = JobSettings.Notifications.none();
        JobSettings.Notifications notifications = n == null ? none : new JobSettings.Notifications(
                n.emails() == null ? List.of() : List.copyOf(n.emails()),
                n.webhooks() == null ? List.of() : List.copyOf(n.webhooks()),
                n.onFailed() == null ? none.onFailed() : n.onFailed(),
                n.onWarnings() == null ? none.onWarnings() : n.onWarnings(),
                n.onCompleted() == null ? none.onCompleted() : n.onCompleted(),
                n.onDeferred() == null ? none.onDeferred() : n.onDeferred(),
                n.onCredentials() == null ? none.onCredentials() : n.onCredentials());
        return new JobSettings(r.description(), ScheduleRules.withDefaults(s), notifications);
    }

    private static DefaultMapping withDefaults(DefaultMapping m) {
        return new DefaultMapping(blankToNull(m.naturalIdField()), m.naturalIdTransformation(), blankToNull(m.documentDateField()),
                m.documentDateFixed(), m.sourceValue() == null ? DefaultMapping.DEFAULT_SOURCE_VALUE : m.sourceValue(),
                m.sourceValueTransformation(), m.feedbackType() == null ? DefaultMapping.DEFAULT_FEEDBACK_TYPE : m.feedbackType(),
                m.feedbackTypeTransformation());
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s;
    }
}
