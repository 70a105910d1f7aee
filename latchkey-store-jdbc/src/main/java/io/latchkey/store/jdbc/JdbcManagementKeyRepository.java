package io.latchkey.store.jdbc;

import io.latchkey.core.accesskey.CredentialStatus;
import io.latchkey.core.accesskey.ManagementKey;
import io.latchkey.core.accesskey.ManagementKeyRepository;
import io.latchkey.core.support.JsonText;
import io.latchkey.core.support.Require;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;

/** {@link ManagementKeyRepository} over {@code management_keys}. */
public final class JdbcManagementKeyRepository implements ManagementKeyRepository {
    static final String COLUMNS = "id, project_id, name, description, status, expires_at, permitted_ips_json, created_by, "
            + "created_at, updated_at";
    static final String INSERT = "INSERT INTO management_keys (" + COLUMNS + ", secret_hash) "
            + "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";
    static final String SELECT_BY_HASH = "SELECT " + COLUMNS + " FROM management_keys WHERE secret_hash = ?";
    static final String SELECT_BY_ID = "SELECT " + COLUMNS + " FROM management_keys WHERE project_id = ? AND id = ?";
    static final String SELECT_BY_PROJECT = "SELECT " + COLUMNS + " FROM management_keys WHERE project_id = ? "
            + "ORDER BY created_at, id";
    static final String UPDATE = "UPDATE management_keys SET name = ?, description = ?, status = ?, permitted_ips_json = ?, "
            + "updated_at = ? WHERE project_id = ? AND id = ?";
    static final String DELETE = "DELETE FROM management_keys WHERE project_id = ? AND id = ?";

    private static final RowMapper<ManagementKey> KEY = JdbcManagementKeyRepository::key;

    private final JdbcDatabase db;

    public JdbcManagementKeyRepository(JdbcDatabase db) {
        this.db = Require.nonNull(db, "db");
    }

    @Override
    public void insert(ManagementKey k, String secretHash) {
        db.update(INSERT, k.id(), k.projectId(), k.name(), JdbcDatabase.str(k.description()), k.status().wire(),
                JdbcDatabase.ts(k.expiresAt()), JsonText.write(k.permittedIps()), k.createdBy(), k.createdAt(),
                k.updatedAt(), secretHash);
    }

    @Override
    public Optional<ManagementKey> findBySecretHash(String secretHash) {
        return db.queryOne(SELECT_BY_HASH, KEY, secretHash);
    }

    @Override
    public Optional<ManagementKey> findById(String projectId, String id) {
        return db.queryOne(SELECT_BY_ID, KEY, projectId, id);
    }

    @Override
    public List<ManagementKey> findByProject(String projectId) {
        return db.query(SELECT_BY_PROJECT, KEY, projectId);
    }

    @Override
    public boolean update(ManagementKey k) {
        return db.update(UPDATE, k.name(), JdbcDatabase.str(k.description()), k.status().wire(),
                JsonText.write(k.permittedIps()), k.updatedAt(), k.projectId(), k.id()) == 1;
    }

    @Override
    public boolean delete(String projectId, String id) {
        return db.update(DELETE, projectId, id) == 1;
    }

    private static ManagementKey key(ResultSet rs) throws SQLException {
        return new ManagementKey(rs.getString("id"), rs.getString("project_id"), rs.getString("name"),
                rs.getString("description"), CredentialStatus.fromWire(rs.getString("status"), "status"),
                JdbcDatabase.instant(rs, "expires_at"), JsonText.parseStringList(rs.getString("permitted_ips_json")),
                rs.getString("created_by"), JdbcDatabase.instant(rs, "created_at"), JdbcDatabase.instant(rs, "updated_at"));
    }
}
