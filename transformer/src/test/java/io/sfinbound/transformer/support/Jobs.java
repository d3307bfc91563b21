package io.sfinbound.transformer.support;

import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

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

/** Job versions for tests, with the XM Discover defaults. */
public final class Jobs {

    private static final AtomicLong IDS = new AtomicLong(System.nanoTime() % 1_000_000 * 1000);

    private Jobs() {
    }

    /** A fresh job id, unique in the test JVM (the embedded broker is shared by every test class). */
    public static long nextId() {
        return IDS.incrementAndGet();
    }

    /** A live chat job. */
    public static JobConfig liveChat(long jobId, ParticipantMode mode) {
        return job(jobId, DataType.LIVE_CHAT, mode, List.of(), null, null);
    }

    /** A job. */
    public static JobConfig job(long jobId, DataType type, ParticipantMode mode, List<FieldMapping> mappings,
            RedactionSettings redaction, ConnectorFilter filter) {
        return new JobConfig(jobId, 1, 7, 3, "chat job " + jobId, type, mode, "62.0",
                "SELECT Id, Body, StartTime, CreatedDate, LastModifiedDate FROM LiveChatTranscript", "LastModifiedDate",
                false, ExtractionApi.AUTO, JobConfig.DEFAULT_BULK_THRESHOLD, null, new LookBack(0, LookBack.Unit.HOURS),
                DuplicateMode.REPLACE, DefaultMapping.defaults(), mappings, redaction, filter);
    }
}
