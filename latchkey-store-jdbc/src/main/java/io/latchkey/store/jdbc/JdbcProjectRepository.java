package io.latchkey.store.jdbc;

import io.latchkey.core.error.ErrorCode;
import io.latchkey.core.error.LatchkeyException;
import io.latchkey.core.policy.PolicyDocument;
import io.latchkey.core.policy.PolicyJson;
import io.latchkey.core.principal.PrincipalType;
import io.latchkey.core.project.Environment;
import io.latchkey.core.project.Project;
import io.latchkey.core.project.ProjectMember;
import io.latchkey.core.project.ProjectRepository;
import io.latchkey.core.project.ProjectRole;
import io.latchkey.core.project.ProjectType;
import io.latchkey.core.support.JsonText;
import io.latchkey.core.support.Require;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** {@link ProjectRepository} over {@code projects} and its child tables. */
public final class JdbcProjectRepository implements ProjectRepository {
    static final String COLUMNS = "id, org_id, name, slug, description, project_type, owner_type, owner_id, "
            + "identity_verification, data_key_wrapped, authz_version, created_at, updated_at";
    static final String INSERT = "INSERT INTO projects (" + COLUMNS + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";
    static final String SELECT_BY_ID = "SELECT " + COLUMNS + " FROM projects WHERE id = ?";
    static final String SELECT_BY_SLUG = "SELECT " + COLUMNS + " FROM projects WHERE org_id = ? AND slug = ?";
    static final String UPDATE = "UPDATE projects SET name = ?, description = ?, identity_verification = ?, updated_at = ? WHERE id = ?";
    static final String DELETE = "DELETE FROM projects WHERE id = ?";
    static final String SELECT_FOR_PRINCIPAL = "SELECT " + COLUMNS + " FROM projects p WHERE p.id > ? AND "
            + "((p.owner_type = ? AND p.owner_id = ?) OR EXISTS (SELECT 1 FROM project_members m WHERE m.project_id = p.id "
            + "AND m.principal_type = ? AND m.principal_id = ?)) ORDER BY p.id LIMIT ?";
    static final String SELECT_BY_ORG = "SELECT " + COLUMNS + " FROM projects WHERE org_id = ? AND id > ? ORDER BY id LIMIT ?";
    static final String BUMP = "UPDATE projects SET authz_version = authz_version + 1 WHERE id = ?";
    static final String VERSION = "SELECT authz_version FROM projects WHERE id = ?";

    static final String ENV_COLUMNS = "id, project_id, name, slug, position, created_at, updated_at";
    static final String INSERT_ENV = "INSERT INTO project_environments (" + ENV_COLUMNS + ") VALUES (?, ?, ?, ?, ?, ?, ?)";
    static final String SELECT_ENVS = "SELECT " + ENV_COLUMNS + " FROM project_environments WHERE project_id = ? ORDER BY position, slug";
    static final String SELECT_ENV = "SELECT " + ENV_COLUMNS + " FROM project_environments WHERE project_id = ? AND slug = ?";
    static final String SELECT_ENV_BY_ID = "SELECT " + ENV_COLUMNS + " FROM project_environments WHERE project_id = ? AND id = ?";
    static final String UPDATE_ENV = "UPDATE project_environments SET name = ?, slug = ?, position = ?, updated_at = ? WHERE id = ? AND project_id = ?";
    static final String DELETE_ENV = "DELETE FROM project_environments WHERE project_id = ? AND id = ?";

    static final String M_COLUMNS = "project_id, principal_type, principal_id, roles_json, created_at, updated_at";
    static final String INSERT_MEMBER = "INSERT INTO project_members (" + M_COLUMNS + ") VALUES (?, ?, ?, ?, ?, ?)";
    static final String SELECT_MEMBER = "SELECT " + M_COLUMNS + " FROM project_members WHERE project_id = ? AND principal_type = ? AND principal_id = ?";
    static final String SELECT_MEMBERS = "SELECT " + M_COLUMNS + " FROM project_members WHERE project_id = ? AND "
            + "(principal_type > ? OR (principal_type = ? AND principal_id > ?)) ORDER BY principal_type, principal_id LIMIT ?";
    static final String UPDATE_MEMBER = "UPDATE project_members SET roles_json = ?, updated_at = ? WHERE project_id = ? AND principal_type = ? AND principal_id = ?";
    static final String DELETE_MEMBER = "DELETE FROM project_members WHERE project_id = ? AND principal_type = ? AND principal_id = ?";
    static final String SELECT_PROJECTS_OF = "SELECT project_id FROM project_members WHERE principal_type = ? AND principal_id = ? ORDER BY project_id";
    static final String DELETE_MEMBER_EVERYWHERE = "DELETE FROM project_members WHERE principal_type = ? AND principal_id = ?";
    static final String DELETE_POLICIES_EVERYWHERE = "DELETE FROM project_policies WHERE principal_type = ? AND principal_id = ?";

    static final String SELECT_POLICY = "SELECT document_json FROM project_policies WHERE project_id = ? AND principal_type = ? AND principal_id = ?";
    static final String INSERT_POLICY = "INSERT INTO project_policies (project_id, principal_type, principal_id, document_json, updated_at) "
            + "VALUES (?, ?, ?, ?, ?) ON CONFLICT DO NOTHING";
    static final String UPDATE_POLICY = "UPDATE project_policies SET document_json = ?, updated_at = ? WHERE project_id = ? AND principal_type = ? AND principal_id = ?";
    static final String DELETE_POLICY = "DELETE FROM project_policies WHERE project_id = ? AND principal_type = ? AND principal_id = ?";

    static final String R_COLUMNS = "project_id, slug, name, description, document_json, permissions_json, created_at, updated_at";
    static final String INSERT_ROLE = "INSERT INTO project_roles (" + R_COLUMNS + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?)";
    static final String SELECT_ROLE = "SELECT " + R_COLUMNS + " FROM project_roles WHERE project_id = ? AND slug = ?";
    static final String SELECT_ROLES = "SELECT " + R_COLUMNS + " FROM project_roles WHERE project_id = ? ORDER BY slug";
    static final String DELETE_ROLE = "DELETE FROM project_roles WHERE project_id = ? AND slug = ?";

    private static final RowMapper<Project> PROJECT = JdbcProjectRepository::project;
    private static final RowMapper<Environment> ENVIRONMENT = rs -> new Environment(rs.getString("id"),
            rs.getString("project_id"), rs.getString("name"), rs.getString("slug"), rs.getInt("position"),
            JdbcDatabase.instant(rs, "created_at"), JdbcDatabase.instant(rs, "updated_at"));
    private static final RowMapper<ProjectMember> MEMBER = rs -> new ProjectMember(rs.getString("project_id"),
            PrincipalType.fromWire(rs.getString("principal_type"), "principal_type"), rs.getString("principal_id"),
            JsonText.parseStringList(rs.getString("roles_json")), JdbcDatabase.instant(rs, "created_at"),
            JdbcDatabase.instant(rs, "updated_at"));
    private static final RowMapper<ProjectRole> ROLE = rs -> new ProjectRole(rs.getString("project_id"), rs.getString("slug"),
            rs.getString("name"), rs.getString("description"), PolicyJson.read(rs.getString("document_json")),
            JsonText.parseStringList(rs.getString("permissions_json")), JdbcDatabase.instant(rs, "created_at"),
            JdbcDatabase.instant(rs, "updated_at"));

    private final JdbcDatabase db;

    public JdbcProjectRepository(JdbcDatabase db) {
        this.db = Require.nonNull(db, "db");
    }

    @Override
    public void insert(Project p) {
        try {
            db.update(INSERT, p.id(), p.orgId(), p.name(), p.slug(), JdbcDatabase.str(p.description()), p.type().wire(),
                    p.ownerType().wire(), p.ownerId(), p.identityVerificationEnabled(), p.dataKeyWrapped(), p.authzVersion(),
                    p.createdAt(), p.updatedAt());
        } catch (DataAccessException e) {
            throw duplicate(e, "slug", "a project with this slug already exists in the organization");
        }
    }

    @Override
    public Optional<Project> findById(String id) {
        return db.queryOne(SELECT_BY_ID, PROJECT, id);
    }

    @Override
    public Optional<Project> findBySlug(String orgId, String slug) {
        return db.queryOne(SELECT_BY_SLUG, PROJECT, orgId, slug);
    }

    @Override
    public boolean update(Project p) {
        return db.update(UPDATE, p.name(), JdbcDatabase.str(p.description()), p.identityVerificationEnabled(), p.updatedAt(), p.id()) == 1;
    }

    @Override
    public boolean delete(String id) {
        return db.update(DELETE, id) == 1;
    }

    @Override
    public List<Project> findForPrincipal(PrincipalType type, String principalId, String afterId, int limit) {
        return db.query(SELECT_FOR_PRINCIPAL, PROJECT, afterId == null ? "" : afterId, type.wire(), principalId,
                type.wire(), principalId, limit);
    }

    @Override
    public List<Project> findByOrg(String orgId, String afterId, int limit) {
        return db.query(SELECT_BY_ORG, PROJECT, orgId, afterId == null ? "" : afterId, limit);
    }

    @Override
    public void bumpAuthzVersion(String projectId) {
        db.update(BUMP, projectId);
    }

    @Override
    public long authzVersion(String projectId) {
        return db.queryOne(VERSION, rs -> rs.getLong(1), projectId).orElse(-1L);
    }

    @Override
    public void insertEnvironment(Environment e) {
        try {
            db.update(INSERT_ENV, e.id(), e.projectId(), e.name(), e.slug(), e.position(), e.createdAt(), e.updatedAt());
        } catch (DataAccessException ex) {
            throw duplicate(ex, "slug", "an environment with this slug already exists in the project");
        }
    }

    @Override
    public List<Environment> findEnvironments(String projectId) {
        return db.query(SELECT_ENVS, ENVIRONMENT, projectId);
    }

    @Override
    public Optional<Environment> findEnvironment(String projectId, String slug) {
        return db.queryOne(SELECT_ENV, ENVIRONMENT, projectId, slug);
    }

    @Override
    public Optional<Environment> findEnvironmentById(String projectId, String id) {
        return db.queryOne(SELECT_ENV_BY_ID, ENVIRONMENT, projectId, id);
    }

    @Override
    public boolean updateEnvironment(Environment e) {
        try {
            return db.update(UPDATE_ENV, e.name(), e.slug(), e.position(), e.updatedAt(), e.id(), e.projectId()) == 1;
        } catch (DataAccessException ex) {
            throw duplicate(ex, "slug", "an environment with this slug already exists in the project");
        }
    }

    @Override
    public boolean deleteEnvironment(String projectId, String id) {
        return db.update(DELETE_ENV, projectId, id) == 1;
    }

    @Override
    public void insertMember(ProjectMember m) {
        try {
            db.update(INSERT_MEMBER, m.projectId(), m.principalType().wire(), m.principalId(), JsonText.write(m.roles()),
                    m.createdAt(), m.updatedAt());
        } catch (DataAccessException e) {
            throw duplicate(e, "principalId", "the principal is already a member of the project");
        }
    }

    @Override
    public Optional<ProjectMember> findMember(String projectId, PrincipalType type, String principalId) {
        return db.queryOne(SELECT_MEMBER, MEMBER, projectId, type.wire(), principalId);
    }

    @Override
    public List<ProjectMember> findMembers(String projectId, String afterKey, int limit) {
        String afterType = "";
        String afterId = "";
        if (afterKey != null) {
            int bar = afterKey.indexOf('|');
            afterType = bar < 0 ? afterKey : afterKey.substring(0, bar);
            afterId = bar < 0 ? "" : afterKey.substring(bar + 1);
        }
        return db.query(SELECT_MEMBERS, MEMBER, projectId, afterType, afterType, afterId, limit);
    }

    @Override
    public boolean updateMemberRoles(String projectId, PrincipalType type, String principalId, List<String> roles) {
        return db.update(UPDATE_MEMBER, JsonText.write(roles), Instant.now(), projectId, type.wire(), principalId) == 1;
    }

    @Override
    public boolean deleteMember(String projectId, PrincipalType type, String principalId) {
        return db.update(DELETE_MEMBER, projectId, type.wire(), principalId) == 1;
    }

    @Override
    public List<String> findProjectIdsOfMember(PrincipalType type, String principalId) {
        return db.query(SELECT_PROJECTS_OF, rs -> rs.getString(1), type.wire(), principalId);
    }

    @Override
    public List<String> deleteMemberEverywhere(PrincipalType type, String principalId) {
        List<String> ids = findProjectIdsOfMember(type, principalId);
        db.update(DELETE_POLICIES_EVERYWHERE, type.wire(), principalId);
        db.update(DELETE_MEMBER_EVERYWHERE, type.wire(), principalId);
        return ids;
    }

    @Override
    public Optional<PolicyDocument> findPolicy(String projectId, PrincipalType type, String principalId) {
        return db.queryOne(SELECT_POLICY, rs -> PolicyJson.read(rs.getString(1)), projectId, type.wire(), principalId);
    }

    @Override
    public void putPolicy(String projectId, PrincipalType type, String principalId, PolicyDocument document) {
        String json = PolicyJson.write(document);
        Instant now = Instant.now();
        if (db.update(INSERT_POLICY, projectId, type.wire(), principalId, json, now) == 0) {
            db.update(UPDATE_POLICY, json, now, projectId, type.wire(), principalId);
        }
    }

    @Override
    public boolean deletePolicy(String projectId, PrincipalType type, String principalId) {
        return db.update(DELETE_POLICY, projectId, type.wire(), principalId) == 1;
    }

    @Override
    public void insertRole(ProjectRole r) {
        try {
            db.update(INSERT_ROLE, r.projectId(), r.slug(), r.name(), JdbcDatabase.str(r.description()), PolicyJson.write(r.policy()),
                    JsonText.write(r.permissions()), r.createdAt(), r.updatedAt());
        } catch (DataAccessException e) {
            throw duplicate(e, "name", "a role with this name already exists in the project");
        }
    }

    @Override
    public Optional<ProjectRole> findRole(String projectId, String slug) {
        return db.queryOne(SELECT_ROLE, ROLE, projectId, slug);
    }

    @Override
    public List<ProjectRole> findRoles(String projectId) {
        return db.query(SELECT_ROLES, ROLE, projectId);
    }

    @Override
    public boolean deleteRole(String projectId, String slug) {
        return db.update(DELETE_ROLE, projectId, slug) == 1;
    }

    private static RuntimeException duplicate(DataAccessException e, String field, String message) {
        if (e.isUniqueViolation()) {
            return LatchkeyException.field(ErrorCode.ALREADY_EXISTS, field, message);
        }
        return e;
    }

    private static Project project(ResultSet rs) throws SQLException {
        return new Project(rs.getString("id"), rs.getString("org_id"), rs.getString("name"), rs.getString("slug"),
                rs.getString("description"), ProjectType.fromWire(rs.getString("project_type"), "project_type"),
                PrincipalType.fromWire(rs.getString("owner_type"), "owner_type"), rs.getString("owner_id"),
                rs.getBoolean("identity_verification"), rs.getBytes("data_key_wrapped"), rs.getLong("authz_version"),
                JdbcDatabase.instant(rs, "created_at"), JdbcDatabase.instant(rs, "updated_at"));
    }
}
