package io.sfinbound.configapi.job;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/** One immutable version of a job: the {@code JobConfig} JSON served to the pipeline, and the job's settings. */
@Entity
@Table(name = "job_version")
public class JobVersion extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(name = "job_id", nullable = false)
    public long jobId;

    @Column(nullable = false)
    public int version;

    /** {@code io.sfinbound.common.job.JobConfig} as JSON. */
    @Column(nullable = false, columnDefinition = "text")
    public String config;

    /** {@link JobSettings} as JSON. */
    @Column(nullable = false, columnDefinition = "text")
    public String settings;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    @Column(name = "created_by", nullable = false)
    public String createdBy;
}
