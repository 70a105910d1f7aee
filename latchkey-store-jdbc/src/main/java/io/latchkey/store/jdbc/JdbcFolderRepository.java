package io.latchkey.store.jdbc;

import io.latchkey.core.secrets.FolderRepository;
import io.latchkey.core.secrets.SecretFolder;
import io.latchkey.core.secrets.SecretPath;
import io.latchkey.core.support.Require;

import java.util.List;
import java.util.Optional;

/** {@link FolderRepository} over {@code secret_folders}; {@code parent_path} indexes direct children. */
public final class JdbcFolderRepository implements FolderRepository {
    static final String COLUMNS = "id, project_id, env_id, path, parent_path, description, version, created_at, updated_at";
    static final String FIND = "SELECT " + COLUMNS + " FROM secret_folders WHERE env_id = ? AND path = ?";
    static final String FIND_BY_ID = "SELECT " + COLUMNS + " FROM secret_folders WHERE id = ?";
    static final String INSERT = "INSERT INTO secret_folders (" + COLUMNS + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT DO NOTHING";
    static final String CHILDREN = "SELECT " + COLUMNS + " FROM secret_folders WHERE env_id = ? AND parent_path = ? ORDER BY path";
    static final String BELOW = "SELECT " + COLUMNS + " FROM secret_folders WHERE env_id = ? AND path LIKE ? ESCAPE '!' ORDER BY path";
    static final String UPDATE = "UPDATE secret_folders SET path = ?, parent_path = ?, description = ?, version = ?, updated_at = ? "
            + "WHERE id = ?";
    static final String DELETE_UNDER = "DELETE FROM secret_folders WHERE env_id = ? AND (path = ? OR path LIKE ? ESCAPE '!')";

    private static final RowMapper<SecretFolder> FOLDER = rs -> new SecretFolder(rs.getString("id"), rs.getString("project_id"),
            rs.getString("env_id"), new SecretPath(rs.getString("path")), rs.getString("description"), rs.getInt("version"),
            JdbcDatabase.instant(rs, "created_at"), JdbcDatabase.instant(rs, "updated_at"));

    private final JdbcDatabase db;

    public JdbcFolderRepository(JdbcDatabase db) {
        this.db = Require.nonNull(db, "db");
    }

    @Override
    public Optional<SecretFolder> find(String environmentId, SecretPath path) {
        return db.queryOne(FIND, FOLDER, environmentId, path.value());
    }

    @Override
    public Optional<SecretFolder> findById(String id) {
        return db.queryOne(FIND_BY_ID, FOLDER, id);
    }

    @Override
    public boolean insert(SecretFolder f) {
        return db.update(INSERT, f.id(), f.projectId(), f.environmentId(), f.path().value(), f.path().parent().value(),
                JdbcDatabase.str(f.description()), f.version(), f.createdAt(), f.updatedAt()) == 1;
    }

    @Override
    public List<SecretFolder> findChildren(String environmentId, SecretPath parent) {
        return db.query(CHILDREN, FOLDER, environmentId, parent.value());
    }

    @Override
    public List<SecretFolder> findBelow(String environmentId, SecretPath ancestor) {
        return db.query(BELOW, FOLDER, environmentId, PathPrefix.below(ancestor));
    }

    @Override
    public boolean update(SecretFolder f) {
        return db.update(UPDATE, f.path().value(), f.path().parent().value(), JdbcDatabase.str(f.description()), f.version(),
                f.updatedAt(), f.id()) == 1;
    }

    @Override
    public int deleteUnder(String environmentId, SecretPath path) {
        return db.update(DELETE_UNDER, environmentId, path.value(), PathPrefix.below(path));
    }
}
