package io.sfinbound.common.record;

import java.time.Instant;

/**
 * A request from config-api to run (or cancel) one run of one job version. Topic {@code sfinbound.run-requests}, key: job id.
 *
 * @param runId        run id (UUID) assigned by config-api
 * @param jobId        job id
 * @param jobVersion   immutable job version the run uses, fetched from config-api's {@code /internal/jobs/{id}/versions/{v}}
 * @param projectId    project of the job
 * @param connectionId Salesforce connection used for tokens
 * @param action       start or cancel
 * @param trigger      what started it
 * @param watermark    where the previous successful run ended; {@code null} for a first (full) run
 * @param requestedAt  when config-api published the request
 */
public record RunRequest(
        String runId,
        long jobId,
        int jobVersion,
        long projectId,
        long connectionId,
        RunAction action,
        RunTrigger trigger,
        Watermark watermark,
        Instant requestedAt) {
}
