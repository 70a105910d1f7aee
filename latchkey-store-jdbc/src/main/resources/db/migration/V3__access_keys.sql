-- Latchkey schema, part 3: the access-key dialect. Management keys, a project's tenants and permission
-- names (roles are project_roles rows), access keys with their tenant and role associations.
-- Secrets are stored only as keyed hashes (HMAC-SHA-256, lower-case hex), unique so that verifying one is a
-- single indexed lookup.

CREATE TABLE management_keys (
    id                  VARCHAR(64) PRIMARY KEY,
    project_id          VARCHAR(64) NOT NULL REFERENCES projects (id) ON DELETE CASCADE,
    name                VARCHAR(200) NOT NULL,
    description         VARCHAR(2000),
    secret_hash         VARCHAR(64) NOT NULL,
    status              VARCHAR(16) NOT NULL,
    expires_at          TIMESTAMP WITH TIME ZONE,
    permitted_ips_json  VARCHAR(10000) NOT NULL,
    created_by          VARCHAR(64) NOT NULL,
    created_at          TIMESTAMP WITH TIME ZONE NOT NULL,
    updated_at          TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT uq_management_keys_secret UNIQUE (secret_hash)
);
CREATE INDEX ix_management_keys_project ON management_keys (project_id, created_at);

CREATE TABLE project_tenants (
    project_id              VARCHAR(64) NOT NULL REFERENCES projects (id) ON DELETE CASCADE,
    id                      VARCHAR(64) NOT NULL,
    name                    VARCHAR(200) NOT NULL,
    custom_attributes_json  VARCHAR(20000),
    created_at              TIMESTAMP WITH TIME ZONE NOT NULL,
    PRIMARY KEY (project_id, id),
    CONSTRAINT uq_project_tenants_name UNIQUE (project_id, name)
);

CREATE TABLE project_permissions (
    project_id   VARCHAR(64) NOT NULL REFERENCES projects (id) ON DELETE CASCADE,
    name         VARCHAR(200) NOT NULL,
    description  VARCHAR(2000),
    created_at   TIMESTAMP WITH TIME ZONE NOT NULL,
    PRIMARY KEY (project_id, name)
);

CREATE TABLE access_keys (
    id                      VARCHAR(64) PRIMARY KEY,
    project_id              VARCHAR(64) NOT NULL REFERENCES projects (id) ON DELETE CASCADE,
    name                    VARCHAR(200) NOT NULL,
    description             VARCHAR(2000),
    secret_hash             VARCHAR(64) NOT NULL,
    status                  VARCHAR(16) NOT NULL,
    expires_at              TIMESTAMP WITH TIME ZONE,
    bound_user_id           VARCHAR(64),
    created_by              VARCHAR(64) NOT NULL,
    custom_claims_json      VARCHAR(20000),
    custom_attributes_json  VARCHAR(20000),
    permitted_ips_json      VARCHAR(10000) NOT NULL,
    created_at              TIMESTAMP WITH TIME ZONE NOT NULL,
    updated_at              TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT uq_access_keys_secret UNIQUE (secret_hash)
);
CREATE INDEX ix_access_keys_project ON access_keys (project_id, created_at);

-- Tenants an access key belongs to, in the order given; a deleted tenant leaves every key.
CREATE TABLE access_key_tenants (
    key_id      VARCHAR(64) NOT NULL REFERENCES access_keys (id) ON DELETE CASCADE,
    project_id  VARCHAR(64) NOT NULL,
    tenant_id   VARCHAR(64) NOT NULL,
    position    INTEGER NOT NULL,
    PRIMARY KEY (key_id, tenant_id),
    CONSTRAINT fk_access_key_tenants_tenant FOREIGN KEY (project_id, tenant_id)
        REFERENCES project_tenants (project_id, id) ON DELETE CASCADE
);
CREATE INDEX ix_access_key_tenants_tenant ON access_key_tenants (project_id, tenant_id);

-- Roles an access key holds: at project level (tenant_id '') or in one of its tenants.
CREATE TABLE access_key_roles (
    key_id      VARCHAR(64) NOT NULL REFERENCES access_keys (id) ON DELETE CASCADE,
    tenant_id   VARCHAR(64) NOT NULL,
    role_name   VARCHAR(64) NOT NULL,
    position    INTEGER NOT NULL,
    PRIMARY KEY (key_id, tenant_id, role_name)
);
CREATE INDEX ix_access_key_roles_role ON access_key_roles (role_name);
