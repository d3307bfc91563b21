-- transactional outbox of run requests: a row is written in the same transaction as its run (queued, cancelled),
-- and OutboxRelay publishes it to sfinbound.run-requests and sets sent_at after the broker's ack, so a crash
-- between the commit and the publish loses nothing
CREATE TABLE run_request_outbox (
    id         BIGSERIAL PRIMARY KEY,
    run_id     TEXT        NOT NULL REFERENCES run (id) ON DELETE CASCADE,
    job_id     BIGINT      NOT NULL,
    action     TEXT        NOT NULL,
    payload    TEXT        NOT NULL,
    created_at TIMESTAMPTZ NOT NULL,
    sent_at    TIMESTAMPTZ,
    attempts   INTEGER     NOT NULL DEFAULT 0,
    last_error TEXT
);
CREATE INDEX run_request_outbox_pending_idx ON run_request_outbox (id) WHERE sent_at IS NULL;
CREATE INDEX run_request_outbox_run_idx ON run_request_outbox (run_id);
