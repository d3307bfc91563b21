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
import io.sfinbound.configapi.openapi.Examples;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A job as answered: its current version's settings and its state. */
public record JobView(
        @Schema(example = "7") long id,
        @Schema(example = "2") int version,
        @Schema(example = "3") long projectId,
        @Schema(example = "1") long connectionId,
        @Schema(example = "Live chat transcripts") String name,
        @Schema(example = "Chats of the support team") String description,
        @Schema(example = "LIVE_CHAT") DataType dataType,
        @Schema(example = "AUTO_DETECT") ParticipantMode participantMode,
        @Schema(example = "62.0") String apiVersion,
        @Schema(example = "SELECT Id, CreatedDate, Body, ChatDuration FROM LiveChatTranscript") String soql,
        @Schema(example = "CreatedDate") String dateField,
        @Schema(example = "false") boolean includeDeleted,
        @Schema(example = "AUTO") ExtractionApi api,
        @Schema(example = "50000") Long bulkThreshold,
        @Schema(description = "Records (conversations) per run; null = All", example = "1000") Integer recordLimit,
        @Schema(example = Examples.LOOK_BACK) LookBack lookBack,
        @Schema(example = "UPDATE") DuplicateMode duplicateMode,
        @Schema(example = Examples.DEFAULT_MAPPING) DefaultMapping defaultMapping,
        @Schema(example = Examples.FIELD_MAPPINGS) List<FieldMapping> fieldMappings,
        @Schema(example = Examples.REDACTION) RedactionSettings redaction,
        @Schema(example = Examples.FILTER) ConnectorFilter filter,
        Schedule schedule,
        @Schema(example = Examples.NOTIFICATIONS) JobSettings.Notifications notifications,
        @Schema(example = "true") boolean enabled,
        @Schema(example = "false") boolean deleted,
        @Schema(example = "2026-11-29T06:00:00Z") Instant nextRunAt,
        @Schema(example = Examples.WATERMARK) Watermark watermark,
        @Schema(example = "2026-11-20T09:15:00Z") Instant createdAt,
        @Schema(example = "alice") String createdBy,
        @Schema(example = "2026-11-27T14:02:00Z") Instant updatedAt,
        @Schema(example = "bob") String updatedBy) {

    static JobView of(Job j, JobConfig c, JobSettings s) {
        return new JobView(j.id, j.currentVersion, c.projectId(), c.connectionId(), c.name(), s.description(), c.dataType(),
                c.participantMode(), c.apiVersion(), c.soql(), c.dateField(), c.includeDeleted(), c.api(), c.bulkThreshold(),
                c.recordLimit(), c.lookBack(), c.duplicateMode(), c.defaultMapping(), c.fieldMappings(), c.redaction(),
                c.filter(), s.schedule(), s.notifications(), j.enabled, j.deletedAt != null, j.nextRunAt,
                j.watermarkTs == null ? null : new Watermark(j.watermarkTs, j.watermarkId), j.createdAt, j.createdBy,
                j.updatedAt, j.updatedBy);
    }
}
