package io.sfinbound.configapi.run;

import java.time.Instant;
import java.util.Map;

import io.sfinbound.common.record.RunTrigger;
import io.sfinbound.common.record.Stage;
import io.sfinbound.common.record.Watermark;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A run as answered. */
@Schema(description = "A run with its counters (absolute, per stage, and merged)")
public record RunView(
        @Schema(example = "0b6f3c1e-8a4d-4e2f-9a51-3d7c2e9b1f00") String id,
        @Schema(example = "7") long jobId,
        @Schema(example = "2") int jobVersion,
        @Schema(example = "3") long projectId,
        @Schema(example = "COMPLETED_WITH_WARNINGS") RunStatus status,
        @Schema(example = "SCHEDULE") RunTrigger trigger,
        @Schema(example = "scheduler") String requestedBy,
        @Schema(description = "All stages' counters merged: extracted, apiCalls, pages, loaded, updated, unchanged, skippedDuplicate, filtered, failed, accounted",
                example = "{\"extracted\": 1200, \"apiCalls\": 3, \"pages\": 3, \"loaded\": 1180, \"updated\": 12, \"unchanged\": 0, "
                        + "\"skippedDuplicate\": 0, \"filtered\": 6, \"failed\": 2, \"accounted\": 1200}")
        Map<String, Long> counters,
        @Schema(example = "{\"EXTRACTOR\": {\"extracted\": 1200, \"apiCalls\": 3, \"pages\": 3}, "
                + "\"TRANSFORMER\": {\"filtered\": 6, \"failed\": 2}, \"LOADER\": {\"loaded\": 1180, \"updated\": 12}}")
        Map<Stage, Map<String, Long>> stages,
        @Schema(example = "2 records failed: see the dead-letter topic") String message,
        @Schema(example = "{\"timestamp\": \"2026-11-27T06:00:00Z\", \"id\": \"0Mw5g000000AbCdCAK\"}") Watermark fromWatermark,
        @Schema(example = "{\"timestamp\": \"2026-11-28T05:59:58Z\", \"id\": \"0Mw5g000000XyZ1CAK\"}") Watermark watermark,
        @Schema(example = "false") boolean cancelRequested,
        @Schema(example = "2026-11-28T06:00:00Z") Instant createdAt,
        @Schema(example = "2026-11-28T06:00:01Z") Instant startedAt,
        @Schema(example = "2026-11-28T06:00:42Z") Instant finishedAt,
        @Schema(example = "41000") Long durationMillis) {
}
