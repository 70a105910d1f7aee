-- Latchkey schema, part 2: projects (one id across all dialects), environments, members, principal
-- policies, custom roles, personal access tokens and the client-assertion replay cache.

CREATE TABLE projects (
    id                      VARCHAR(64) PRIMARY KEY,
    org_id                  VARCHAR(64) NOT NULL REFERENCES organizations (id) ON DELETE CASCADE,
    name                    VARCHAR(200) NOT NULL,
    slug                    VARCHAR(64) NOT NULL,
    description             VARCHAR(2000),
    project_type            VARCHAR(32) NOT NULL,
    owner_type              VARCHAR(16) NOT NULL,
    owner_id                VARCHAR(64) NOT NULL,
    identity_verification   BOOLEAN NOT NULL,
    data_key_wrapped        BYTEA NOT NULL,
    authz_version           BIGINT NOT NULL,
    created_at              TIMESTAMP WITH TIME ZONE NOT NULL,
    updated_at              TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT uq_projects_slug UNIQUE (org_id, slug)
);
CREATE INDEX ix_projects_owner ON projects (owner_type, owner_id);

CREATE TABLE project_environments (
    id          VARCHAR(64) PRIMARY KEY,
    project_id  VARCHAR(64) NOT NULL REFERENCES projects (id) ON DELETE CASCADE,
    name        VARCHAR(64) NOT NULL,
    slug        VARCHAR(64) NOT NULL,
    position    INTEGER NOT NULL,
    created_at  TIMESTAMP WITH TIME ZONE NOT NULL,
    updated_at  TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT uq_project_environments_slug UNIQUE (project_id, slug)
);

CREATE TABLE project_members (
    project_id      VARCHAR(64) NOT NULL REFERENCES projects (id) ON DELETE CASCADE,
    principal_type  VARCHAR(16) NOT NULL,
    principal_id    VARCHAR(64) NOT NULL,
    roles_json      VARCHAR(4000) NOT NULL,
    created_at      TIMESTAMP WITH TIME ZONE NOT NULL,
    updated_at      TIMESTAMP WITH TIME ZONE NOT NULL,
    PRIMARY KEY (project_id, principal_type, principal_id)
);
CREATE INDEX ix_project_members_principal ON project_members (principal_type, principal_id);

CREATE TABLE project_policies (
    project_id      VARCHAR(64) NOT NULL REFERENCES projects (id) ON DELETE CASCADE,
    principal_type  VARCHAR(16) NOT NULL,
    principal_id    VARCHAR(64) NOT NULL,
    document_json   VARCHAR(1000000) NOT NULL,
    updated_at      TIMESTAMP WITH TIME ZONE NOT NULL,
    PRIMARY KEY (project_id, principal_type, principal_id)
);

CREATE TABLE project_roles (
    project_id        VARCHAR(64) NOT NULL REFERENCES projects (id) ON DELETE CASCADE,
    slug              VARCHAR(64) NOT NULL,
    name              VARCHAR(200) NOT NULL,
    description       VARCHAR(2000),
    document_json     VARCHAR(1000000) NOT NULL,
    permissions_json  VARCHAR(100000) NOT NULL,
    created_at        TIMESTAMP WITH TIME ZONE NOT NULL,
    updated_at        TIMESTAMP WITH TIME ZONE NOT NULL,
    PRIMARY KEY (project_id, slug)
);

CREATE TABLE personal_access_tokens (
    id                 VARCHAR(64) PRIMARY KEY,
    owner_user_id      VARCHAR(64) NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    name               VARCHAR(200) NOT NULL,
    description        VARCHAR(2000),
    signing_algorithm  VARCHAR(16) NOT NULL,
    key_source         VARCHAR(16) NOT NULL,
    key_material       VARCHAR(100000) NOT NULL,
    created_at         TIMESTAMP WITH TIME ZONE NOT NULL,
    updated_at         TIMESTAMP WITH TIME ZONE NOT NULL
);
CREATE INDEX ix_personal_access_tokens_owner ON personal_access_tokens (owner_user_id, id);

CREATE TABLE assertion_jtis (
    client_id   VARCHAR(64) NOT NULL,
    jti_hash    VARCHAR(64) NOT NULL,
    expires_at  TIMESTAMP WITH TIME ZONE NOT NULL,
    PRIMARY KEY (client_id, jti_hash)
);
CREATE INDEX ix_assertion_jtis_expires ON assertion_jtis (expires_at);
