-- Latchkey schema, part 1: instance, organizations, users, machine identities, keys, revocations, audit.
-- Portable SQL: runs unchanged on PostgreSQL and on H2 in PostgreSQL mode. Timestamps are
-- TIMESTAMP WITH TIME ZONE and always written in UTC; binary values are BYTEA.

CREATE TABLE instance_meta (
    meta_key    VARCHAR(100) PRIMARY KEY,
    meta_value  VARCHAR(4000) NOT NULL
);

CREATE TABLE instance_locks (
    lock_name   VARCHAR(100) PRIMARY KEY
);

CREATE TABLE organizations (
    id          VARCHAR(64) PRIMARY KEY,
    name        VARCHAR(200) NOT NULL,
    slug        VARCHAR(64) NOT NULL,
    created_at  TIMESTAMP WITH TIME ZONE NOT NULL,
    updated_at  TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT uq_organizations_slug UNIQUE (slug)
);

CREATE TABLE users (
    id                VARCHAR(64) PRIMARY KEY,
    email             VARCHAR(320) NOT NULL,
    email_normalized  VARCHAR(320) NOT NULL,
    display_name      VARCHAR(200),
    password_hash     VARCHAR(512) NOT NULL,
    status            VARCHAR(16) NOT NULL,
    super_admin       BOOLEAN NOT NULL,
    created_at        TIMESTAMP WITH TIME ZONE NOT NULL,
    updated_at        TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT uq_users_email UNIQUE (email_normalized)
);

CREATE TABLE org_memberships (
    org_id       VARCHAR(64) NOT NULL REFERENCES organizations (id) ON DELETE CASCADE,
    member_type  VARCHAR(16) NOT NULL,
    member_id    VARCHAR(64) NOT NULL,
    role         VARCHAR(64) NOT NULL,
    created_at   TIMESTAMP WITH TIME ZONE NOT NULL,
    updated_at   TIMESTAMP WITH TIME ZONE NOT NULL,
    PRIMARY KEY (org_id, member_type, member_id)
);
CREATE INDEX ix_org_memberships_member ON org_memberships (member_type, member_id);

CREATE TABLE identities (
    id              VARCHAR(64) PRIMARY KEY,
    org_id          VARCHAR(64) NOT NULL REFERENCES organizations (id) ON DELETE CASCADE,
    name            VARCHAR(200) NOT NULL,
    instance_admin  BOOLEAN NOT NULL,
    metadata_json   VARCHAR(8000) NOT NULL,
    created_at      TIMESTAMP WITH TIME ZONE NOT NULL,
    updated_at      TIMESTAMP WITH TIME ZONE NOT NULL
);
CREATE INDEX ix_identities_org ON identities (org_id);

CREATE TABLE identity_token_auth (
    identity_id                  VARCHAR(64) PRIMARY KEY REFERENCES identities (id) ON DELETE CASCADE,
    access_token_ttl             BIGINT NOT NULL,
    access_token_max_ttl         BIGINT NOT NULL,
    access_token_num_uses_limit  BIGINT NOT NULL,
    trusted_ips_json             VARCHAR(8000) NOT NULL,
    created_at                   TIMESTAMP WITH TIME ZONE NOT NULL,
    updated_at                   TIMESTAMP WITH TIME ZONE NOT NULL
);

CREATE TABLE identity_access_tokens (
    id                    VARCHAR(64) PRIMARY KEY,
    identity_id           VARCHAR(64) NOT NULL REFERENCES identities (id) ON DELETE CASCADE,
    auth_method           VARCHAR(32) NOT NULL,
    name                  VARCHAR(200),
    access_token_ttl      BIGINT NOT NULL,
    access_token_max_ttl  BIGINT NOT NULL,
    num_uses              BIGINT NOT NULL,
    num_uses_limit        BIGINT NOT NULL,
    revoked               BOOLEAN NOT NULL,
    trusted_ips_json      VARCHAR(8000) NOT NULL,
    created_at            TIMESTAMP WITH TIME ZONE NOT NULL,
    updated_at            TIMESTAMP WITH TIME ZONE NOT NULL,
    expires_at            TIMESTAMP WITH TIME ZONE,
    last_renewed_at       TIMESTAMP WITH TIME ZONE
);
CREATE INDEX ix_identity_access_tokens_identity ON identity_access_tokens (identity_id);

CREATE TABLE signing_keys (
    kid                  VARCHAR(64) PRIMARY KEY,
    algorithm            VARCHAR(16) NOT NULL,
    status               VARCHAR(16) NOT NULL,
    private_key_wrapped  BYTEA NOT NULL,
    public_key_der       BYTEA NOT NULL,
    created_at           TIMESTAMP WITH TIME ZONE NOT NULL,
    activated_at         TIMESTAMP WITH TIME ZONE,
    retired_at           TIMESTAMP WITH TIME ZONE,
    publish_until        TIMESTAMP WITH TIME ZONE
);

CREATE TABLE token_revocations (
    kind           VARCHAR(16) NOT NULL,
    revoked_value  VARCHAR(200) NOT NULL,
    revoked_at     TIMESTAMP WITH TIME ZONE NOT NULL,
    expires_at     TIMESTAMP WITH TIME ZONE,
    PRIMARY KEY (kind, revoked_value)
);
CREATE INDEX ix_token_revocations_revoked_at ON token_revocations (revoked_at);

CREATE TABLE attempt_counters (
    counter_key   VARCHAR(400) PRIMARY KEY,
    window_start  TIMESTAMP WITH TIME ZONE NOT NULL,
    failures      INTEGER NOT NULL,
    locked_until  TIMESTAMP WITH TIME ZONE
);

CREATE TABLE audit_events (
    seq           BIGINT PRIMARY KEY,
    id            VARCHAR(64) NOT NULL,
    occurred_at   TIMESTAMP WITH TIME ZONE NOT NULL,
    org_id        VARCHAR(64),
    project_id    VARCHAR(64),
    actor_type    VARCHAR(32),
    actor_id      VARCHAR(200),
    action        VARCHAR(100) NOT NULL,
    target_type   VARCHAR(64),
    target_id     VARCHAR(200),
    outcome       VARCHAR(16) NOT NULL,
    reason        VARCHAR(100),
    source_ip     VARCHAR(64),
    request_id    VARCHAR(100),
    details_json  VARCHAR(8000) NOT NULL,
    prev_hash     VARCHAR(64) NOT NULL,
    hash          VARCHAR(64) NOT NULL,
    CONSTRAINT uq_audit_events_id UNIQUE (id)
);
CREATE INDEX ix_audit_events_org ON audit_events (org_id, seq);
CREATE INDEX ix_audit_events_project ON audit_events (project_id, seq);

CREATE TABLE audit_head (
    chain      VARCHAR(16) PRIMARY KEY,
    last_seq   BIGINT NOT NULL,
    last_hash  VARCHAR(64) NOT NULL
);
INSERT INTO audit_head (chain, last_seq, last_hash)
VALUES ('main', 0, '0000000000000000000000000000000000000000000000000000000000000000');
