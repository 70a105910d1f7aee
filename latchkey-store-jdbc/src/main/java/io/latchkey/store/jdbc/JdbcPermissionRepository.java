package io.latchkey.store.jdbc;

import io.latchkey.core.accesskey.Permission;
import io.latchkey.core.accesskey.PermissionRepository;
import io.latchkey.core.support.Require;

import java.util.List;
import java.util.Optional;

/** {@link PermissionRepository} over {@code project_permissions}. */
public final class JdbcPermissionRepository implements PermissionRepository {
    static final String COLUMNS = "project_id, name, description, created_at";
    static final String INSERT = "INSERT INTO project_permissions (" + COLUMNS + ") VALUES (?, ?, ?, ?) ON CONFLICT DO NOTHING";
    static final String SELECT = "SELECT " + COLUMNS + " FROM project_permissions WHERE project_id = ? AND name = ?";
    static final String SELECT_BY_PROJECT = "SELECT " + COLUMNS + " FROM project_permissions WHERE project_id = ? ORDER BY name";
    static final String DELETE = "DELETE FROM project_permissions WHERE project_id = ? AND name = ?";

    private static final RowMapper<Permission> PERMISSION = rs -> new Permission(rs.getString("project_id"),
            rs.getString("name"), rs.getString("description"), JdbcDatabase.instant(rs, "created_at"));

    private final JdbcDatabase db;

    public JdbcPermissionRepository(JdbcDatabase db) {
        this.db = Require.nonNull(db, "db");
    }

    @Override
    public boolean insert(Permission p) {
        return db.update(INSERT, p.projectId(), p.name(), JdbcDatabase.str(p.description()), p.createdAt()) == 1;
    }

    @Override
    public Optional<Permission> find(String projectId, String name) {
        return db.queryOne(SELECT, PERMISSION, projectId, name);
    }

    @Override
    public List<Permission> findByProject(String projectId) {
        return db.query(SELECT_BY_PROJECT, PERMISSION, projectId);
    }

    @Override
    public boolean delete(String projectId, String name) {
        return db.update(DELETE, projectId, name) == 1;
    }
}
