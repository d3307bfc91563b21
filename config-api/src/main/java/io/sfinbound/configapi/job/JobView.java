package io.sfinbound.configapi.job;

import java.time.Instant;
import java.util.List;

import io.sfinbound.common.job.ConnectorFilter;
import io.sfinbound.common.job.DataType;
import io.sfinbound.common.job.DefaultMapping;
import io.sfinbound.common.job.DuplicateMode;
import io.sfinbound.common.job.ExtractionApi;
import io.sfinbound.common.job.FieldMapping;
import io.sfinbound.common.job.JobConfig;
import io.sfinbound.common.job.LookBack;
import io.sfinbound.common.job.ParticipantMode;
import io.sfinbound.common.job.RedactionSettings;
import io.sfinbound.common.record.Watermark;

/** A job as answered: its current version's settings and its state. */
public record JobView(
        long id,
        int version,
        long projectId,
        long connectionId,
        String name,
        String description,
        DataType dataType,
        ParticipantMode participantMode,
        String apiVersion,
        String soql,
        String dateField,
        boolean includeDeleted,
        ExtractionApi api,
        Long bulkThreshold,
        Integer recordLimit,
        LookBack lookBack,
        DuplicateMode duplicateMode,
        DefaultMapping defaultMapping,
        List<FieldMapping> fieldMappings,
        RedactionSettings redaction,
        ConnectorFilter filter,
        Schedule schedule,
        JobSettings.Notifications notifications,
        boolean enabled,
        boolean deleted,
        Instant nextRunAt,
        Watermark watermark,
        Instant createdAt,
        String createdBy,
        Instant updatedAt,
        String updatedBy) {

    static JobView of(Job j, JobConfig c, JobSettings s) {
        return new JobView(j.id, j.currentVersion, c.projectId(), c.connectionId(), c.name(), s.description(), c.dataType(),
                c.participantMode(), c.apiVersion(), c.soql(), c.dateField(), c.includeDeleted(), c.api(), c.bulkThreshold(),
                c.recordLimit(), c.lookBack(), c.duplicateMode(), c.defaultMapping(), c.fieldMappings(), c.redaction(),
                c.filter(), s.schedule(), s.notifications(), j.enabled, j.deletedAt != null, j.nextRunAt,
                j.watermarkTs == null ? null : new Watermark(j.watermarkTs, j.watermarkId), j.createdAt, j.createdBy,
                j.updatedAt, j.updatedBy);
    }
}
