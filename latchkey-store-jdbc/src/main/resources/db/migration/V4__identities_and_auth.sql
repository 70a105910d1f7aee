-- Latchkey schema, part 4: machine-identity auth methods (universal auth with client secrets, JWT and
-- OIDC auth), session columns for periodic and client-secret tokens, custom organization roles.
-- Portable SQL for PostgreSQL and H2 (PostgreSQL mode). Every statement succeeds on a database at V3, so
-- none can abort the migration's transaction half-way.

CREATE TABLE identity_universal_auth (
    identity_id                     VARCHAR(64) PRIMARY KEY REFERENCES identities (id) ON DELETE CASCADE,
    id                              VARCHAR(64) NOT NULL,
    client_id                       VARCHAR(64) NOT NULL,
    access_token_ttl                BIGINT NOT NULL,
    access_token_max_ttl            BIGINT NOT NULL,
    access_token_num_uses_limit     BIGINT NOT NULL,
    access_token_period             BIGINT NOT NULL,
    access_token_trusted_ips_json   VARCHAR(8000) NOT NULL,
    client_secret_trusted_ips_json  VARCHAR(8000) NOT NULL,
    lockout_enabled                 BOOLEAN NOT NULL,
    lockout_threshold               INTEGER NOT NULL,
    lockout_duration_seconds        INTEGER NOT NULL,
    lockout_counter_reset_seconds   INTEGER NOT NULL,
    created_at                      TIMESTAMP WITH TIME ZONE NOT NULL,
    updated_at                      TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT uq_identity_universal_auth_client_id UNIQUE (client_id)
);

-- Client secrets are stored only as HMAC-SHA-256 under the instance pepper; login looks one up by hash.
CREATE TABLE identity_client_secrets (
    id              VARCHAR(64) PRIMARY KEY,
    identity_id     VARCHAR(64) NOT NULL REFERENCES identities (id) ON DELETE CASCADE,
    description     VARCHAR(500) NOT NULL,
    secret_prefix   VARCHAR(16) NOT NULL,
    secret_hash     VARCHAR(64) NOT NULL,
    num_uses        BIGINT NOT NULL,
    num_uses_limit  BIGINT NOT NULL,
    ttl_seconds     BIGINT NOT NULL,
    revoked         BOOLEAN NOT NULL,
    created_at      TIMESTAMP WITH TIME ZONE NOT NULL,
    updated_at      TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT uq_identity_client_secrets_hash UNIQUE (secret_hash)
);
CREATE INDEX ix_identity_client_secrets_identity ON identity_client_secrets (identity_id, created_at);

-- JWT auth and OIDC auth: key_source is static (key_material_json: PEM keys), jwks or oidc (one URL).
CREATE TABLE identity_external_jwt_auth (
    identity_id                    VARCHAR(64) NOT NULL REFERENCES identities (id) ON DELETE CASCADE,
    method                         VARCHAR(32) NOT NULL,
    id                             VARCHAR(64) NOT NULL,
    key_source                     VARCHAR(16) NOT NULL,
    key_material_json              VARCHAR(400000) NOT NULL,
    bound_issuer                   VARCHAR(1000),
    bound_audiences_json           VARCHAR(60000) NOT NULL,
    bound_subject                  VARCHAR(1000),
    bound_claims_json              VARCHAR(60000) NOT NULL,
    claim_metadata_json            VARCHAR(20000) NOT NULL,
    access_token_ttl               BIGINT NOT NULL,
    access_token_max_ttl           BIGINT NOT NULL,
    access_token_num_uses_limit    BIGINT NOT NULL,
    access_token_period            BIGINT NOT NULL,
    access_token_trusted_ips_json  VARCHAR(8000) NOT NULL,
    created_at                     TIMESTAMP WITH TIME ZONE NOT NULL,
    updated_at                     TIMESTAMP WITH TIME ZONE NOT NULL,
    PRIMARY KEY (identity_id, method)
);

ALTER TABLE identity_access_tokens ADD COLUMN access_token_period BIGINT NOT NULL DEFAULT 0;
ALTER TABLE identity_access_tokens ADD COLUMN client_secret_id VARCHAR(64);
CREATE INDEX ix_identity_access_tokens_method ON identity_access_tokens (identity_id, auth_method, created_at);

CREATE TABLE org_roles (
    org_id            VARCHAR(64) NOT NULL REFERENCES organizations (id) ON DELETE CASCADE,
    slug              VARCHAR(64) NOT NULL,
    id                VARCHAR(64) NOT NULL,
    name              VARCHAR(200) NOT NULL,
    description       VARCHAR(2000),
    permissions_json  VARCHAR(4000) NOT NULL,
    created_at        TIMESTAMP WITH TIME ZONE NOT NULL,
    updated_at        TIMESTAMP WITH TIME ZONE NOT NULL,
    PRIMARY KEY (org_id, slug)
);
