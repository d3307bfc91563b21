package io.sfinbound.configapi.run;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import io.sfinbound.common.record.RunTrigger;

/** One run of one job version. */
@Entity
@Table(name = "run")
public class Run extends PanacheEntityBase {

    /** A UUID. */
    @Id
    public String id;

    @Column(name = "job_id", nullable = false)
    public long jobId;

    @Column(name = "job_version", nullable = false)
    public int jobVersion;

    @Column(name = "project_id", nullable = false)
    public long projectId;

    @Column(name = "connection_id", nullable = false)
    public long connectionId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public RunStatus status;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public RunTrigger trigger;

    @Column(name = "requested_by", nullable = false)
    public String requestedBy;

    public String message;

    /** The watermark the run started from (the job's when it was queued). */
    @Column(name = "from_watermark_ts")
    public Instant fromWatermarkTs;

    @Column(name = "from_watermark_id")
    public String fromWatermarkId;

    /** The watermark the extractor reached (EXTRACTION_COMPLETED). */
    @Column(name = "watermark_ts")
    public Instant watermarkTs;

    @Column(name = "watermark_id")
    public String watermarkId;

    @Column(name = "extraction_completed", nullable = false)
    public boolean extractionCompleted;

    @Column(name = "cancel_requested", nullable = false)
    public boolean cancelRequested;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    @Column(name = "started_at")
    public Instant startedAt;

    @Column(name = "finished_at")
    public Instant finishedAt;

    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;
}
