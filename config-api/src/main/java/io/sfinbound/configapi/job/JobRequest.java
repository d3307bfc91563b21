package io.sfinbound.configapi.job;

import java.util.List;

import io.sfinbound.common.job.ConnectorFilter;
import io.sfinbound.common.job.DataType;
import io.sfinbound.common.job.DefaultMapping;
import io.sfinbound.common.job.DuplicateMode;
import io.sfinbound.common.job.ExtractionApi;
import io.sfinbound.common.job.FieldMapping;
import io.sfinbound.common.job.LookBack;
import io.sfinbound.common.job.ParticipantMode;
import io.sfinbound.common.job.RedactionSettings;
import io.sfinbound.configapi.openapi.Examples;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * A job as created or replaced: every step of the XM Discover Salesforce job wizard. Fields left out take the XM
 * Discover defaults.
 */
@Schema(description = "A Salesforce inbound job (the whole wizard); unset fields take the XM Discover defaults")
public record JobRequest(
        @Schema(example = "3") Long projectId,
        @Schema(example = "1") Long connectionId,
        @Schema(example = "Live chat transcripts") String name,
        @Schema(example = "Chats of the support team") String description,
        @Schema(description = "Default FEEDBACK", example = "LIVE_CHAT") DataType dataType,
        @Schema(description = "Default AUTO_DETECT") ParticipantMode participantMode,
        @Schema(description = "Default the configured version", example = "62.0") String apiVersion,
        @Schema(example = "SELECT Id, CreatedDate, Body, ChatDuration FROM LiveChatTranscript") String soql,
        @Schema(description = "Default CreatedDate", example = "LastModifiedDate") String dateField,
        @Schema(description = "Use queryAll (deleted and archived records too); default false", example = "false") Boolean includeDeleted,
        @Schema(description = "Default AUTO") ExtractionApi api,
        @Schema(description = "AUTO: records above which Bulk API 2.0 is used; default 50000", example = "50000") Long bulkThreshold,
        @Schema(description = "Records (conversations) per run; null = All", example = "1000") Integer recordLimit,
        @Schema(description = "Look-back of incremental runs; default none", example = Examples.LOOK_BACK) LookBack lookBack,
        @Schema(description = "Default UPDATE") DuplicateMode duplicateMode,
        @Schema(description = "Default mapping: natural_id, document_date, source_value, feedback_type", example = Examples.DEFAULT_MAPPING) DefaultMapping defaultMapping,
        @Schema(example = Examples.FIELD_MAPPINGS) List<FieldMapping> fieldMappings,
        @Schema(description = "Substitution and redaction rules", example = Examples.REDACTION) RedactionSettings redaction,
        @Schema(description = "Connector filter; null for none", example = Examples.FILTER) ConnectorFilter filter,
        @Schema(description = "Default MANUAL") Schedule schedule,
        @Schema(example = Examples.NOTIFICATIONS) JobSettings.Notifications notifications,
        @Schema(description = "Default true", example = "true") Boolean enabled) {
}
