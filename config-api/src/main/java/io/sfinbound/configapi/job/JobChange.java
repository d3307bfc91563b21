package io.sfinbound.configapi.job;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/** One change log entry of a job: who did what, when, and which fields changed. */
@Entity
@Table(name = "job_change")
public class JobChange extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(name = "job_id", nullable = false)
    public long jobId;

    /** The version the change made or applied to. */
    @Column(nullable = false)
    public int version;

    /** CREATED, UPDATED, COPIED_FROM, DELETED, RESTORED, ENABLED, DISABLED, WATERMARK_RESET. */
    @Column(nullable = false)
    public String action;

    /** JSON list of {@code {field, from, to}}. */
    @Column(columnDefinition = "text")
    public String changes;

    @Column(name = "changed_by", nullable = false)
    public String changedBy;

    @Column(name = "changed_at", nullable = false)
    public Instant changedAt;
}
