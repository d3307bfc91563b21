package io.sfinbound.configapi.job;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/**
 * A job: its mutable state (current version, enabled, schedule clock, watermark). What it does lives in its
 * immutable {@link JobVersion}s.
 */
@Entity
@Table(name = "job")
public class Job extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(name = "project_id", nullable = false)
    public long projectId;

    @Column(name = "connection_id", nullable = false)
    public long connectionId;

    @Column(nullable = false)
    public String name;

    @Column(name = "current_version", nullable = false)
    public int currentVersion;

    @Column(nullable = false)
    public boolean enabled;

    /** The current {@link ScheduleType}, copied from the current version for the scheduler's query. */
    @Column(name = "schedule_type", nullable = false)
    public String scheduleType;

    @Column(name = "next_run_at")
    public Instant nextRunAt;

    @Column(name = "watermark_ts")
    public Instant watermarkTs;

    @Column(name = "watermark_id")
    public String watermarkId;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    @Column(name = "created_by", nullable = false)
    public String createdBy;

    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;

    @Column(name = "updated_by", nullable = false)
    public String updatedBy;

    @Column(name = "deleted_at")
    public Instant deletedAt;

    @Column(name = "deleted_by")
    public String deletedBy;
}
