-- The document store and the loader's run accounting.

-- One row per (project, natural id): the document as last written, with the run that wrote it.
CREATE TABLE document (
    id               BIGSERIAL PRIMARY KEY,
    project_id       BIGINT      NOT NULL,
    natural_id       TEXT        NOT NULL,
    job_id           BIGINT      NOT NULL,
    job_version      INT         NOT NULL,
    run_id           TEXT        NOT NULL,
    source_record_id TEXT        NOT NULL,
    document_date    TIMESTAMPTZ,
    load_date        TIMESTAMPTZ NOT NULL,
    -- the XmdDocument as JSON
    body             JSONB       NOT NULL,
    -- verbatim and conversation text, for the read API's "text contains" filter
    search_text      TEXT        NOT NULL DEFAULT '',
    CONSTRAINT document_natural_id_uk UNIQUE (project_id, natural_id)
);

CREATE INDEX document_date_idx ON document (project_id, document_date);
CREATE INDEX document_load_date_idx ON document (project_id, load_date);
CREATE INDEX document_job_idx ON document (job_id, project_id);
CREATE INDEX document_run_idx ON document (run_id);

-- One row per record of a run the loader has accounted for: redelivery finds it and never counts twice.
CREATE TABLE load_outcome (
    run_id           TEXT        NOT NULL,
    source_record_id TEXT        NOT NULL,
    job_id           BIGINT      NOT NULL,
    project_id       BIGINT      NOT NULL,
    natural_id       TEXT,
    outcome          TEXT        NOT NULL,
    reason           TEXT,
    -- a short error code when the loader itself failed the record
    error            TEXT,
    -- true when the loader itself sent the message to sfinbound.documents.dlq (resent on redelivery)
    dead_lettered    BOOLEAN     NOT NULL DEFAULT FALSE,
    decided_at       TIMESTAMPTZ NOT NULL,
    PRIMARY KEY (run_id, source_record_id)
);

-- Absolute counters per run, maintained in the transaction that inserts the outcome rows, so they always equal
-- a count over load_outcome; the row lock also orders the sequence across loader instances.
CREATE TABLE run_progress (
    run_id            TEXT        PRIMARY KEY,
    job_id            BIGINT      NOT NULL,
    sequence          BIGINT      NOT NULL,
    loaded            BIGINT      NOT NULL DEFAULT 0,
    updated           BIGINT      NOT NULL DEFAULT 0,
    unchanged         BIGINT      NOT NULL DEFAULT 0,
    skipped_duplicate BIGINT      NOT NULL DEFAULT 0,
    filtered          BIGINT      NOT NULL DEFAULT 0,
    failed            BIGINT      NOT NULL DEFAULT 0,
    updated_at        TIMESTAMPTZ NOT NULL
);
