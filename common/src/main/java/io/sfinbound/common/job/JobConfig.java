package io.sfinbound.common.job;

import java.util.List;

/**
 * One immutable version of a job's configuration: what config-api serves at
 * {@code GET /internal/jobs/{id}/versions/{v}} and what the extractor, transformer and loader cache forever.
 * Secrets are never part of it.
 *
 * @param jobId           job id
 * @param version         version number, 1 for the first
 * @param projectId       project
 * @param connectionId    Salesforce connection
 * @param name            job name (the document's {@code job_name})
 * @param dataType        feedback, live chat or SMS text
 * @param participantMode how conversation participants are identified
 * @param apiVersion      Salesforce API version, for example {@code 62.0}
 * @param soql            the user's SOQL
 * @param dateField       the date or datetime field of incremental windows and the default document date
 * @param includeDeleted  use queryAll (deleted and archived records too)
 * @param api             REST, BULK or AUTO
 * @param bulkThreshold   for AUTO: records in the window above which Bulk API 2.0 is used
 * @param recordLimit     maximum records (conversations for chat and SMS) per run; {@code null} means All
 * @param lookBack        look-back window of incremental runs
 * @param duplicateMode   skip, replace or update
 * @param defaultMapping  the default data mapping
 * @param fieldMappings   field mappings
 * @param redaction       substitution and redaction
 * @param filter          connector filter, {@code null} for none
 */
public record JobConfig(
        long jobId,
        int version,
        long projectId,
        long connectionId,
        String name,
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
        ConnectorFilter filter) {

    public static final long DEFAULT_BULK_THRESHOLD = 50_000;
}
