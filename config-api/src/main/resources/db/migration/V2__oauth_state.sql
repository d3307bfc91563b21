-- web server flow: one row per authorization in progress; single use, short-lived
CREATE TABLE oauth_state (
    state_hash        TEXT PRIMARY KEY,
    connection_id     BIGINT      NOT NULL REFERENCES connection (id) ON DELETE CASCADE,
    principal         TEXT        NOT NULL,
    binding_hash      TEXT        NOT NULL,
    code_verifier_enc TEXT,
    redirect_uri      TEXT        NOT NULL,
    created_at        TIMESTAMPTZ NOT NULL,
    expires_at        TIMESTAMPTZ NOT NULL,
    used_at           TIMESTAMPTZ
);
