-- Latchkey schema, part 5: secrets (with versions), folders, imports, KMS keys (with versions) and
-- webhooks (with their delivery queue). Every value, comment and piece of key material is stored sealed
-- with the project's data key (AES-256-GCM); nothing here holds plaintext secrets.
--
-- Places are (env_id, path): a folder path such as /a/b, '/' for the root, which has no folder row.
-- Shared secrets have owner_id '' (not NULL) so that the unique constraint covers them.

CREATE TABLE secret_folders (
    id           VARCHAR(64) PRIMARY KEY,
    project_id   VARCHAR(64) NOT NULL REFERENCES projects (id) ON DELETE CASCADE,
    env_id       VARCHAR(64) NOT NULL REFERENCES project_environments (id) ON DELETE CASCADE,
    path         VARCHAR(1400) NOT NULL,
    parent_path  VARCHAR(1400) NOT NULL,
    description  VARCHAR(1000),
    version      INTEGER NOT NULL,
    created_at   TIMESTAMP WITH TIME ZONE NOT NULL,
    updated_at   TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT uq_secret_folders_path UNIQUE (env_id, path)
);
CREATE INDEX ix_secret_folders_parent ON secret_folders (env_id, parent_path);

CREATE TABLE secrets (
    id                    VARCHAR(64) PRIMARY KEY,
    project_id            VARCHAR(64) NOT NULL REFERENCES projects (id) ON DELETE CASCADE,
    env_id                VARCHAR(64) NOT NULL REFERENCES project_environments (id) ON DELETE CASCADE,
    folder_path           VARCHAR(1400) NOT NULL,
    name                  VARCHAR(256) NOT NULL,
    secret_type           VARCHAR(16) NOT NULL,
    owner_id              VARCHAR(64) NOT NULL,
    version               INTEGER NOT NULL,
    value_sealed          BYTEA NOT NULL,
    comment_sealed        BYTEA,
    skip_multiline        BOOLEAN,
    reminder_note         VARCHAR(1000),
    reminder_repeat_days  INTEGER,
    tags_json             VARCHAR(8000) NOT NULL,
    metadata_json         VARCHAR(200000) NOT NULL,
    actor_type            VARCHAR(16),
    actor_id              VARCHAR(64),
    created_at            TIMESTAMP WITH TIME ZONE NOT NULL,
    updated_at            TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT uq_secrets_place UNIQUE (env_id, folder_path, name, secret_type, owner_id)
);
CREATE INDEX ix_secrets_project ON secrets (project_id);

CREATE TABLE secret_versions (
    secret_id             VARCHAR(64) NOT NULL REFERENCES secrets (id) ON DELETE CASCADE,
    version               INTEGER NOT NULL,
    project_id            VARCHAR(64) NOT NULL,
    env_id                VARCHAR(64) NOT NULL,
    folder_path           VARCHAR(1400) NOT NULL,
    name                  VARCHAR(256) NOT NULL,
    secret_type           VARCHAR(16) NOT NULL,
    owner_id              VARCHAR(64) NOT NULL,
    value_sealed          BYTEA NOT NULL,
    comment_sealed        BYTEA,
    skip_multiline        BOOLEAN,
    reminder_note         VARCHAR(1000),
    reminder_repeat_days  INTEGER,
    tags_json             VARCHAR(8000) NOT NULL,
    metadata_json         VARCHAR(200000) NOT NULL,
    actor_type            VARCHAR(16),
    actor_id              VARCHAR(64),
    created_at            TIMESTAMP WITH TIME ZONE NOT NULL,
    updated_at            TIMESTAMP WITH TIME ZONE NOT NULL,
    PRIMARY KEY (secret_id, version)
);

CREATE TABLE secret_imports (
    id              VARCHAR(64) PRIMARY KEY,
    project_id      VARCHAR(64) NOT NULL REFERENCES projects (id) ON DELETE CASCADE,
    env_id          VARCHAR(64) NOT NULL REFERENCES project_environments (id) ON DELETE CASCADE,
    folder_path     VARCHAR(1400) NOT NULL,
    import_env_id   VARCHAR(64) NOT NULL REFERENCES project_environments (id) ON DELETE CASCADE,
    import_path     VARCHAR(1400) NOT NULL,
    position        INTEGER NOT NULL,
    is_replication  BOOLEAN NOT NULL,
    created_at      TIMESTAMP WITH TIME ZONE NOT NULL,
    updated_at      TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT uq_secret_imports_source UNIQUE (env_id, folder_path, import_env_id, import_path)
);

CREATE TABLE kms_keys (
    id                    VARCHAR(64) PRIMARY KEY,
    project_id            VARCHAR(64) NOT NULL REFERENCES projects (id) ON DELETE CASCADE,
    org_id                VARCHAR(64) NOT NULL,
    name                  VARCHAR(64) NOT NULL,
    description           VARCHAR(1000) NOT NULL,
    key_usage             VARCHAR(32) NOT NULL,
    encryption_algorithm  VARCHAR(32) NOT NULL,
    is_disabled           BOOLEAN NOT NULL,
    version               INTEGER NOT NULL,
    created_at            TIMESTAMP WITH TIME ZONE NOT NULL,
    updated_at            TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT uq_kms_keys_name UNIQUE (project_id, name)
);

CREATE TABLE kms_key_versions (
    key_id           VARCHAR(64) NOT NULL REFERENCES kms_keys (id) ON DELETE CASCADE,
    version          INTEGER NOT NULL,
    material_sealed  BYTEA NOT NULL,
    public_key       BYTEA,
    created_at       TIMESTAMP WITH TIME ZONE NOT NULL,
    PRIMARY KEY (key_id, version)
);

CREATE TABLE webhooks (
    id             VARCHAR(64) PRIMARY KEY,
    project_id     VARCHAR(64) NOT NULL REFERENCES projects (id) ON DELETE CASCADE,
    env_id         VARCHAR(64) NOT NULL REFERENCES project_environments (id) ON DELETE CASCADE,
    secret_path    VARCHAR(1400) NOT NULL,
    url            VARCHAR(2048) NOT NULL,
    secret_sealed  BYTEA NOT NULL,
    webhook_type   VARCHAR(32) NOT NULL,
    is_disabled    BOOLEAN NOT NULL,
    last_status    VARCHAR(16),
    last_error     VARCHAR(500),
    last_run_at    TIMESTAMP WITH TIME ZONE,
    created_at     TIMESTAMP WITH TIME ZONE NOT NULL,
    updated_at     TIMESTAMP WITH TIME ZONE NOT NULL
);
CREATE INDEX ix_webhooks_project ON webhooks (project_id);
CREATE INDEX ix_webhooks_env ON webhooks (env_id);

CREATE TABLE webhook_deliveries (
    id               VARCHAR(64) PRIMARY KEY,
    webhook_id       VARCHAR(64) NOT NULL REFERENCES webhooks (id) ON DELETE CASCADE,
    event            VARCHAR(64) NOT NULL,
    payload          VARCHAR(1000000) NOT NULL,
    status           VARCHAR(16) NOT NULL,
    attempts         INTEGER NOT NULL,
    next_attempt_at  TIMESTAMP WITH TIME ZONE NOT NULL,
    claimed_until    TIMESTAMP WITH TIME ZONE,
    last_error       VARCHAR(500),
    created_at       TIMESTAMP WITH TIME ZONE NOT NULL,
    updated_at       TIMESTAMP WITH TIME ZONE NOT NULL
);
CREATE INDEX ix_webhook_deliveries_due ON webhook_deliveries (status, next_attempt_at);
CREATE INDEX ix_webhook_deliveries_webhook ON webhook_deliveries (webhook_id, created_at);
