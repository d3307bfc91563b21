-- config-api schema: keys, connections, projects, versioned jobs, runs and their per-stage counters

CREATE TABLE api_key (
    id            BIGSERIAL PRIMARY KEY,
    name          TEXT        NOT NULL,
    key_hash      TEXT        NOT NULL UNIQUE,
    key_prefix    TEXT        NOT NULL,
    role          TEXT        NOT NULL CHECK (role IN ('VIEWER', 'JOB_MANAGER', 'ADMIN')),
    created_by    TEXT        NOT NULL,
    created_at    TIMESTAMPTZ NOT NULL,
    expires_at    TIMESTAMPTZ,
    revoked_at    TIMESTAMPTZ,
    last_used_at  TIMESTAMPTZ
);

CREATE TABLE connection (
    id                        BIGSERIAL PRIMARY KEY,
    name                      TEXT        NOT NULL,
    login_url                 TEXT        NOT NULL,
    auth_flow                 TEXT        NOT NULL,
    consumer_key              TEXT        NOT NULL,
    username                  TEXT,
    sandbox                   BOOLEAN     NOT NULL DEFAULT FALSE,
    use_pkce                  BOOLEAN     NOT NULL DEFAULT FALSE,
    secrets_enc               TEXT,
    refresh_token_enc         TEXT,
    status                    TEXT        NOT NULL,
    status_message            TEXT,
    instance_url              TEXT,
    org_id                    TEXT,
    expiration_date           DATE,
    send_expiry_notifications BOOLEAN     NOT NULL DEFAULT FALSE,
    days_before_expiry        INTEGER CHECK (days_before_expiry BETWEEN 1 AND 100),
    expiry_notified_on        DATE,
    invalid_notified_at       TIMESTAMPTZ,
    created_at                TIMESTAMPTZ NOT NULL,
    updated_at                TIMESTAMPTZ NOT NULL,
    deleted_at                TIMESTAMPTZ,
    version                   BIGINT      NOT NULL DEFAULT 0
);

CREATE TABLE project (
    id          BIGSERIAL PRIMARY KEY,
    name        TEXT        NOT NULL,
    description TEXT,
    created_at  TIMESTAMPTZ NOT NULL,
    updated_at  TIMESTAMPTZ NOT NULL
);

CREATE TABLE job (
    id              BIGSERIAL PRIMARY KEY,
    project_id      BIGINT      NOT NULL REFERENCES project (id),
    connection_id   BIGINT      NOT NULL REFERENCES connection (id),
    name            TEXT        NOT NULL,
    current_version INTEGER     NOT NULL,
    enabled         BOOLEAN     NOT NULL,
    schedule_type   TEXT        NOT NULL,
    next_run_at     TIMESTAMPTZ,
    watermark_ts    TIMESTAMPTZ,
    watermark_id    TEXT,
    created_at      TIMESTAMPTZ NOT NULL,
    created_by      TEXT        NOT NULL,
    updated_at      TIMESTAMPTZ NOT NULL,
    updated_by      TEXT        NOT NULL,
    deleted_at      TIMESTAMPTZ,
    deleted_by      TEXT
);

-- the scheduler's claim: due, enabled, live jobs
CREATE INDEX job_due_idx ON job (next_run_at) WHERE enabled AND deleted_at IS NULL AND next_run_at IS NOT NULL;

CREATE TABLE job_version (
    id          BIGSERIAL PRIMARY KEY,
    job_id      BIGINT      NOT NULL REFERENCES job (id) ON DELETE CASCADE,
    version     INTEGER     NOT NULL,
    config      TEXT        NOT NULL,
    settings    TEXT        NOT NULL,
    created_at  TIMESTAMPTZ NOT NULL,
    created_by  TEXT        NOT NULL,
    UNIQUE (job_id, version)
);

CREATE TABLE job_change (
    id          BIGSERIAL PRIMARY KEY,
    job_id      BIGINT      NOT NULL REFERENCES job (id) ON DELETE CASCADE,
    version     INTEGER     NOT NULL,
    action      TEXT        NOT NULL,
    changes     TEXT,
    changed_by  TEXT        NOT NULL,
    changed_at  TIMESTAMPTZ NOT NULL
);
CREATE INDEX job_change_job_idx ON job_change (job_id, id);

CREATE TABLE run (
    id                   TEXT PRIMARY KEY,
    job_id               BIGINT      NOT NULL REFERENCES job (id) ON DELETE CASCADE,
    job_version          INTEGER     NOT NULL,
    project_id           BIGINT      NOT NULL,
    connection_id        BIGINT      NOT NULL,
    status               TEXT        NOT NULL,
    trigger              TEXT        NOT NULL,
    requested_by         TEXT        NOT NULL,
    message              TEXT,
    from_watermark_ts    TIMESTAMPTZ,
    from_watermark_id    TEXT,
    watermark_ts         TIMESTAMPTZ,
    watermark_id         TEXT,
    extraction_completed BOOLEAN     NOT NULL DEFAULT FALSE,
    cancel_requested     BOOLEAN     NOT NULL DEFAULT FALSE,
    created_at           TIMESTAMPTZ NOT NULL,
    started_at           TIMESTAMPTZ,
    finished_at          TIMESTAMPTZ,
    updated_at           TIMESTAMPTZ NOT NULL
);
CREATE INDEX run_job_idx ON run (job_id, created_at DESC);
CREATE INDEX run_created_idx ON run (created_at DESC);
-- at most one queued or running run per job, whatever the number of config-api instances
CREATE UNIQUE INDEX run_one_active_per_job ON run (job_id) WHERE status IN ('QUEUED', 'RUNNING');

CREATE TABLE run_stage (
    run_id     TEXT        NOT NULL REFERENCES run (id) ON DELETE CASCADE,
    stage      TEXT        NOT NULL,
    sequence   BIGINT      NOT NULL,
    counters   TEXT        NOT NULL,
    updated_at TIMESTAMPTZ NOT NULL,
    PRIMARY KEY (run_id, stage)
);
