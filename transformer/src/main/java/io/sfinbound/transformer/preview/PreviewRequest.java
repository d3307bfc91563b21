package io.sfinbound.transformer.preview;

import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import io.sfinbound.common.job.JobConfig;

/**
 * Body of {@code POST /internal/preview}.
 *
 * @param job     the job configuration to try (need not be saved)
 * @param records sample records in normalized JSON (REST {@code attributes} objects are ignored)
 */
public record PreviewRequest(JobConfig job, List<JsonNode> records) {
}
