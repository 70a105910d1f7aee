package io.latchkey.store.jdbc;

import io.latchkey.core.accesskey.AccessKey;
import io.latchkey.core.accesskey.AccessKeyRepository;
import io.latchkey.core.accesskey.AccessKeySearch;
import io.latchkey.core.accesskey.CredentialStatus;
import io.latchkey.core.accesskey.KeyTenant;
import io.latchkey.core.support.JsonText;
import io.latchkey.core.support.JsonValues;
import io.latchkey.core.support.Require;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * {@link AccessKeyRepository} over {@code access_keys}, {@code access_key_tenants} and {@code access_key_roles}.
 * Project-level roles are stored with the tenant id {@code ''}. Reading a key costs three indexed queries;
 * a search costs three queries whatever the number of keys (associations are read for the whole project and
 * grouped in memory).
 */
public final class JdbcAccessKeyRepository implements AccessKeyRepository {
    static final String PROJECT_LEVEL = "";
    static final String COLUMNS = "id, project_id, name, description, status, expires_at, bound_user_id, created_by, "
            + "custom_claims_json, custom_attributes_json, permitted_ips_json, created_at, updated_at";
    static final String INSERT = "INSERT INTO access_keys (" + COLUMNS + ", secret_hash) "
            + "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";
    static final String SELECT_BY_ID = "SELECT " + COLUMNS + " FROM access_keys WHERE project_id = ? AND id = ?";
    static final String SELECT_UNSCOPED = "SELECT " + COLUMNS + " FROM access_keys WHERE id = ?";
    static final String SELECT_BY_HASH = "SELECT " + COLUMNS + " FROM access_keys WHERE secret_hash = ?";
    static final String SELECT_BY_PROJECT = "SELECT " + COLUMNS + " FROM access_keys WHERE project_id = ?";
    static final String AND_BOUND_USER = " AND bound_user_id = ?";
    static final String AND_CREATED_BY = " AND created_by = ?";
    static final String AND_IN_TENANTS = " AND id IN (SELECT key_id FROM access_key_tenants WHERE project_id = ? AND tenant_id IN (%s))";
    static final String ORDER = " ORDER BY created_at, id";
    static final String UPDATE = "UPDATE access_keys SET name = ?, description = ?, status = ?, custom_claims_json = ?, "
            + "custom_attributes_json = ?, permitted_ips_json = ?, updated_at = ? WHERE project_id = ? AND id = ?";
    static final String UPDATE_STATUS = "UPDATE access_keys SET status = ?, updated_at = ? WHERE project_id = ? AND id = ?";
    static final String UPDATE_SECRET = "UPDATE access_keys SET secret_hash = ?, updated_at = ? WHERE project_id = ? AND id = ?";
    static final String DELETE = "DELETE FROM access_keys WHERE project_id = ? AND id = ?";

    static final String INSERT_TENANT = "INSERT INTO access_key_tenants (key_id, project_id, tenant_id, position) VALUES (?, ?, ?, ?)";
    static final String INSERT_ROLE = "INSERT INTO access_key_roles (key_id, tenant_id, role_name, position) VALUES (?, ?, ?, ?)";
    static final String DELETE_TENANTS = "DELETE FROM access_key_tenants WHERE key_id = ?";
    static final String DELETE_ROLES = "DELETE FROM access_key_roles WHERE key_id = ?";
    static final String TENANT_COLUMNS = "SELECT a.key_id, a.tenant_id, t.name AS tenant_name FROM access_key_tenants a "
            + "JOIN project_tenants t ON t.project_id = a.project_id AND t.id = a.tenant_id ";
    static final String SELECT_TENANTS_OF_KEY = TENANT_COLUMNS + "WHERE a.key_id = ? ORDER BY a.position";
    static final String SELECT_TENANTS_OF_PROJECT = TENANT_COLUMNS + "WHERE a.project_id = ? ORDER BY a.key_id, a.position";
    static final String SELECT_ROLES_OF_KEY = "SELECT key_id, tenant_id, role_name FROM access_key_roles "
            + "WHERE key_id = ? ORDER BY position";
    static final String SELECT_ROLES_OF_PROJECT = "SELECT r.key_id, r.tenant_id, r.role_name FROM access_key_roles r "
            + "JOIN access_keys k ON k.id = r.key_id WHERE k.project_id = ? ORDER BY r.key_id, r.position";
    static final String REMOVE_ROLE = "DELETE FROM access_key_roles WHERE role_name = ? "
            + "AND key_id IN (SELECT id FROM access_keys WHERE project_id = ?)";

    private static final RowMapper<AccessKey.Builder> KEY = JdbcAccessKeyRepository::key;
    private static final RowMapper<Association> TENANT = rs -> new Association(rs.getString("key_id"),
            rs.getString("tenant_id"), rs.getString("tenant_name"));
    private static final RowMapper<Association> ROLE = rs -> new Association(rs.getString("key_id"),
            rs.getString("tenant_id"), rs.getString("role_name"));

    /** One association row: a tenant of a key (value = tenant name) or a role of a key (value = role name). */
    private record Association(String keyId, String tenantId, String value) {
    }

    private final JdbcDatabase db;

    public JdbcAccessKeyRepository(JdbcDatabase db) {
        this.db = Require.nonNull(db, "db");
    }

    @Override
    public void insert(AccessKey k, String secretHash) {
        db.update(INSERT, k.id(), k.projectId(), k.name(), JdbcDatabase.str(k.description()), k.status().wire(),
                JdbcDatabase.ts(k.expiresAt()), JdbcDatabase.str(k.boundUserId()), k.createdBy(),
                JdbcDatabase.str(JsonValues.write(k.customClaims())), JdbcDatabase.str(JsonValues.write(k.customAttributes())),
                JsonText.write(k.permittedIps()), k.createdAt(), k.updatedAt(), secretHash);
        insertAssociations(k);
    }

    private void insertAssociations(AccessKey k) {
        List<Object[]> tenants = new ArrayList<>();
        List<Object[]> roles = new ArrayList<>();
        int position = 0;
        for (String role : k.roleNames()) {
            roles.add(new Object[] {k.id(), PROJECT_LEVEL, role, position++});
        }
        int tenantPosition = 0;
        for (KeyTenant t : k.keyTenants()) {
            tenants.add(new Object[] {k.id(), k.projectId(), t.tenantId(), tenantPosition++});
            for (String role : t.roleNames()) {
                roles.add(new Object[] {k.id(), t.tenantId(), role, position++});
            }
        }
        if (!tenants.isEmpty()) {
            db.batch(INSERT_TENANT, tenants);
        }
        if (!roles.isEmpty()) {
            db.batch(INSERT_ROLE, roles);
        }
    }

    @Override
    public Optional<AccessKey> findById(String projectId, String id) {
        return db.queryOne(SELECT_BY_ID, KEY, projectId, id).map(this::withAssociations);
    }

    @Override
    public Optional<AccessKey> findBySecretHash(String secretHash) {
        return db.queryOne(SELECT_BY_HASH, KEY, secretHash).map(this::withAssociations);
    }

    @Override
    public Optional<AccessKey> findUnscoped(String id) {
        return db.queryOne(SELECT_UNSCOPED, KEY, id).map(this::withAssociations);
    }

    private AccessKey withAssociations(AccessKey.Builder b) {
        AccessKey bare = b.build();
        return assemble(b, db.query(SELECT_TENANTS_OF_KEY, TENANT, bare.id()), db.query(SELECT_ROLES_OF_KEY, ROLE, bare.id()));
    }

    @Override
    public List<AccessKey> search(String projectId, AccessKeySearch filter) {
        StringBuilder sql = new StringBuilder(SELECT_BY_PROJECT);
        List<Object> args = new ArrayList<>(List.of(projectId));
        if (filter.boundUserId() != null) {
            sql.append(AND_BOUND_USER);
            args.add(filter.boundUserId());
        }
        if (filter.creatingUser() != null) {
            sql.append(AND_CREATED_BY);
            args.add(filter.creatingUser());
        }
        if (!filter.tenantIds().isEmpty()) {
            sql.append(String.format(AND_IN_TENANTS, String.join(", ", Collections.nCopies(filter.tenantIds().size(), "?"))));
            args.add(projectId);
            args.addAll(filter.tenantIds());
        }
        List<AccessKey.Builder> rows = db.query(sql.append(ORDER).toString(), KEY, args.toArray());
        if (rows.isEmpty()) {
            return List.of();
        }
        Map<String, List<Association>> tenants = byKey(db.query(SELECT_TENANTS_OF_PROJECT, TENANT, projectId));
        Map<String, List<Association>> roles = byKey(db.query(SELECT_ROLES_OF_PROJECT, ROLE, projectId));
        List<AccessKey> out = new ArrayList<>(rows.size());
        for (AccessKey.Builder b : rows) {
            String id = b.build().id();
            out.add(assemble(b, tenants.getOrDefault(id, List.of()), roles.getOrDefault(id, List.of())));
        }
        return out;
    }

    private static Map<String, List<Association>> byKey(List<Association> rows) {
        Map<String, List<Association>> out = new HashMap<>();
        for (Association a : rows) {
            out.computeIfAbsent(a.keyId(), k -> new ArrayList<>()).add(a);
        }
        return out;
    }

    private static AccessKey assemble(AccessKey.Builder b, List<Association> tenantRows, List<Association> roleRows) {
        Map<String, List<String>> rolesByTenant = new LinkedHashMap<>();
        for (Association r : roleRows) {
            rolesByTenant.computeIfAbsent(r.tenantId(), t -> new ArrayList<>()).add(r.value());
        }
        List<KeyTenant> tenants = new ArrayList<>();
        for (Association t : tenantRows) {
            tenants.add(new KeyTenant(t.tenantId(), t.value(), rolesByTenant.getOrDefault(t.tenantId(), List.of())));
        }
        return b.roleNames(rolesByTenant.getOrDefault(PROJECT_LEVEL, List.of())).keyTenants(tenants).build();
    }

    @Override
    public boolean update(AccessKey k) {
        int n = db.update(UPDATE, k.name(), JdbcDatabase.str(k.description()), k.status().wire(),
                JdbcDatabase.str(JsonValues.write(k.customClaims())), JdbcDatabase.str(JsonValues.write(k.customAttributes())),
                JsonText.write(k.permittedIps()), k.updatedAt(), k.projectId(), k.id());
        if (n == 0) {
            return false;
        }
        db.update(DELETE_ROLES, k.id());
        db.update(DELETE_TENANTS, k.id());
        insertAssociations(k);
        return true;
    }

    @Override
    public boolean updateStatus(String projectId, String id, CredentialStatus status, Instant now) {
        return db.update(UPDATE_STATUS, status.wire(), now, projectId, id) == 1;
    }

    @Override
    public boolean updateSecret(String projectId, String id, String secretHash, Instant now) {
        return db.update(UPDATE_SECRET, secretHash, now, projectId, id) == 1;
    }

    @Override
    public boolean delete(String projectId, String id) {
        return db.update(DELETE, projectId, id) == 1;
    }

    @Override
    public int removeRole(String projectId, String roleName) {
        return db.update(REMOVE_ROLE, roleName, projectId);
    }

    private static AccessKey.Builder key(ResultSet rs) throws SQLException {
        return AccessKey.builder().id(rs.getString("id")).projectId(rs.getString("project_id"))
                .name(rs.getString("name")).description(rs.getString("description"))
                .status(CredentialStatus.fromWire(rs.getString("status"), "status"))
                .expiresAt(JdbcDatabase.instant(rs, "expires_at")).boundUserId(rs.getString("bound_user_id"))
                .createdBy(rs.getString("created_by"))
                .customClaims(JsonValues.read(rs.getString("custom_claims_json")))
                .customAttributes(JsonValues.read(rs.getString("custom_attributes_json")))
                .permittedIps(JsonText.parseStringList(rs.getString("permitted_ips_json")))
                .createdAt(JdbcDatabase.instant(rs, "created_at")).updatedAt(JdbcDatabase.instant(rs, "updated_at"));
    }
}
