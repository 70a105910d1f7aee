package io.latchkey.store.jdbc;

import io.latchkey.core.accesskey.Tenant;
import io.latchkey.core.accesskey.TenantRepository;
import io.latchkey.core.support.JsonValues;
import io.latchkey.core.support.Require;

import java.util.List;
import java.util.Optional;

/**
 * {@link TenantRepository} over {@code project_tenants}. Deleting a tenant also deletes the roles access keys
 * hold in it; their membership rows go by the foreign key's cascade.
 */
public final class JdbcTenantRepository implements TenantRepository {
    static final String COLUMNS = "project_id, id, name, custom_attributes_json, created_at";
    static final String INSERT = "INSERT INTO project_tenants (" + COLUMNS + ") VALUES (?, ?, ?, ?, ?) ON CONFLICT DO NOTHING";
    static final String SELECT_BY_ID = "SELECT " + COLUMNS + " FROM project_tenants WHERE project_id = ? AND id = ?";
    static final String SELECT_BY_PROJECT = "SELECT " + COLUMNS + " FROM project_tenants WHERE project_id = ? ORDER BY name";
    static final String DELETE_KEY_ROLES = "DELETE FROM access_key_roles WHERE tenant_id = ? "
            + "AND key_id IN (SELECT id FROM access_keys WHERE project_id = ?)";
    static final String DELETE = "DELETE FROM project_tenants WHERE project_id = ? AND id = ?";

    private static final RowMapper<Tenant> TENANT = rs -> new Tenant(rs.getString("project_id"), rs.getString("id"),
            rs.getString("name"), JsonValues.read(rs.getString("custom_attributes_json")),
            JdbcDatabase.instant(rs, "created_at"));

    private final JdbcDatabase db;

    public JdbcTenantRepository(JdbcDatabase db) {
        this.db = Require.nonNull(db, "db");
    }

    @Override
    public boolean insert(Tenant t) {
        return db.update(INSERT, t.projectId(), t.id(), t.name(), JdbcDatabase.str(JsonValues.write(t.customAttributes())),
                t.createdAt()) == 1;
    }

    @Override
    public Optional<Tenant> findById(String projectId, String id) {
        return db.queryOne(SELECT_BY_ID, TENANT, projectId, id);
    }

    @Override
    public List<Tenant> findByProject(String projectId) {
        return db.query(SELECT_BY_PROJECT, TENANT, projectId);
    }

    @Override
    public boolean delete(String projectId, String id) {
        db.update(DELETE_KEY_ROLES, id, projectId);
        return db.update(DELETE, projectId, id) == 1;
    }
}
