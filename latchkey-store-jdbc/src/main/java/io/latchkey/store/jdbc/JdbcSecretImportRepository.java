package io.latchkey.store.jdbc;

import io.latchkey.core.secrets.SecretImport;
import io.latchkey.core.secrets.SecretImportRepository;
import io.latchkey.core.secrets.SecretPath;
import io.latchkey.core.support.Require;

import java.util.List;
import java.util.Optional;

/** {@link SecretImportRepository} over {@code secret_imports}. */
public final class JdbcSecretImportRepository implements SecretImportRepository {
    static final String COLUMNS = "id, project_id, env_id, folder_path, import_env_id, import_path, position, is_replication, "
            + "created_at, updated_at";
    static final String INSERT = "INSERT INTO secret_imports (" + COLUMNS + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT DO NOTHING";
    static final String FIND_BY_ID = "SELECT " + COLUMNS + " FROM secret_imports WHERE id = ?";
    static final String FIND_AT = "SELECT " + COLUMNS + " FROM secret_imports WHERE env_id = ? AND folder_path = ? ORDER BY position, created_at";
    static final String UPDATE = "UPDATE secret_imports SET import_env_id = ?, import_path = ?, position = ?, updated_at = ? WHERE id = ?";
    static final String DELETE = "DELETE FROM secret_imports WHERE project_id = ? AND id = ?";
    static final String DELETE_UNDER = "DELETE FROM secret_imports WHERE env_id = ? AND (folder_path = ? OR folder_path LIKE ? ESCAPE '!')";
    static final String REPOINT_PLACE = "UPDATE secret_imports SET folder_path = ? WHERE env_id = ? AND folder_path = ?";
    static final String REPOINT_SOURCE = "UPDATE secret_imports SET import_path = ? WHERE import_env_id = ? AND import_path = ?";

    private static final RowMapper<SecretImport> IMPORT = rs -> new SecretImport(rs.getString("id"), rs.getString("project_id"),
            rs.getString("env_id"), new SecretPath(rs.getString("folder_path")), rs.getString("import_env_id"),
            new SecretPath(rs.getString("import_path")), rs.getInt("position"), rs.getBoolean("is_replication"),
            JdbcDatabase.instant(rs, "created_at"), JdbcDatabase.instant(rs, "updated_at"));

    private final JdbcDatabase db;

    public JdbcSecretImportRepository(JdbcDatabase db) {
        this.db = Require.nonNull(db, "db");
    }

    @Override
    public boolean insert(SecretImport i) {
        return db.update(INSERT, i.id(), i.projectId(), i.environmentId(), i.path().value(), i.importEnvironmentId(),
                i.importPath().value(), i.position(), i.replication(), i.createdAt(), i.updatedAt()) == 1;
    }

    @Override
    public Optional<SecretImport> findById(String id) {
        return db.queryOne(FIND_BY_ID, IMPORT, id);
    }

    @Override
    public List<SecretImport> findAt(String environmentId, SecretPath path) {
        return db.query(FIND_AT, IMPORT, environmentId, path.value());
    }

    @Override
    public boolean update(SecretImport i) {
        return db.update(UPDATE, i.importEnvironmentId(), i.importPath().value(), i.position(), i.updatedAt(), i.id()) == 1;
    }

    @Override
    public boolean delete(String projectId, String id) {
        return db.update(DELETE, projectId, id) == 1;
    }

    @Override
    public int deleteUnder(String environmentId, SecretPath path) {
        return db.update(DELETE_UNDER, environmentId, path.value(), PathPrefix.below(path));
    }

    @Override
    public void repoint(String environmentId, SecretPath from, SecretPath to) {
        db.update(REPOINT_PLACE, to.value(), environmentId, from.value());
        db.update(REPOINT_SOURCE, to.value(), environmentId, from.value());
    }
}
