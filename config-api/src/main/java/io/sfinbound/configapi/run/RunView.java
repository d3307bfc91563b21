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
        String id,
        long jobId,
        int jobVersion,
        long projectId,
        RunStatus status,
        RunTrigger trigger,
        String requestedBy,
        @Schema(description = "All stages' counters merged: extracted, apiCalls, pages, loaded, updated, unchanged, skippedDuplicate, filtered, failed, accounted")
        Map<String, Long> counters,
        Map<Stage, Map<String, Long>> stages,
        String message,
        Watermark fromWatermark,
        Watermark watermark,
        boolean cancelRequested,
        Instant createdAt,
        Instant startedAt,
        Instant finishedAt,
        Long durationMillis) {
}
