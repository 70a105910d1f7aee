package io.latchkey.store.jdbc;

import io.latchkey.core.kms.KeyUsage;
import io.latchkey.core.kms.KmsAlgorithm;
import io.latchkey.core.kms.KmsKey;
import io.latchkey.core.kms.KmsKeyRepository;
import io.latchkey.core.kms.KmsKeyVersion;
import io.latchkey.core.support.Require;

import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** {@link KmsKeyRepository} over {@code kms_keys} and {@code kms_key_versions}. */
public final class JdbcKmsKeyRepository implements KmsKeyRepository {
    static final String COLUMNS = "id, project_id, org_id, name, description, key_usage, encryption_algorithm, is_disabled, version, "
            + "created_at, updated_at";
    static final String INSERT = "INSERT INTO kms_keys (" + COLUMNS + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT DO NOTHING";
    static final String FIND_BY_ID = "SELECT " + COLUMNS + " FROM kms_keys WHERE id = ?";
    static final String LOCK_BY_ID = FIND_BY_ID + " FOR UPDATE";
    static final String FIND_BY_NAME = "SELECT " + COLUMNS + " FROM kms_keys WHERE project_id = ? AND name = ?";
    static final String MATCHING = " FROM kms_keys WHERE project_id = ? AND (? = '' OR LOWER(name) LIKE ? ESCAPE '!')";
    static final String PAGE = "SELECT " + COLUMNS + MATCHING + " ORDER BY %s %s, id LIMIT ? OFFSET ?";
    static final String COUNT = "SELECT COUNT(*)" + MATCHING;
    static final String UPDATE = "UPDATE kms_keys SET name = ?, description = ?, is_disabled = ?, version = ?, updated_at = ? WHERE id = ?";
    static final String DELETE = "DELETE FROM kms_keys WHERE id = ?";
    static final String V_COLUMNS = "key_id, version, material_sealed, public_key, created_at";
    static final String INSERT_VERSION = "INSERT INTO kms_key_versions (" + V_COLUMNS + ") VALUES (?, ?, ?, ?, ?)";
    static final String FIND_VERSION = "SELECT " + V_COLUMNS + " FROM kms_key_versions WHERE key_id = ? AND version = ?";
    static final String VERSIONS = "SELECT " + V_COLUMNS + " FROM kms_key_versions WHERE key_id = ? ORDER BY version DESC";

    private static final RowMapper<KmsKey> KEY = rs -> {
        KeyUsage usage = KeyUsage.fromWire(rs.getString("key_usage"), "key_usage");
        return new KmsKey(rs.getString("id"), rs.getString("project_id"), rs.getString("org_id"), rs.getString("name"),
                rs.getString("description"), usage, KmsAlgorithm.fromWire(rs.getString("encryption_algorithm"), usage, "algorithm"),
                rs.getBoolean("is_disabled"), rs.getInt("version"), JdbcDatabase.instant(rs, "created_at"),
                JdbcDatabase.instant(rs, "updated_at"));
    };
    private static final RowMapper<KmsKeyVersion> VERSION = rs -> new KmsKeyVersion(rs.getString("key_id"), rs.getInt("version"),
            rs.getBytes("material_sealed"), rs.getBytes("public_key"), JdbcDatabase.instant(rs, "created_at"));

    private final JdbcDatabase db;

    public JdbcKmsKeyRepository(JdbcDatabase db) {
        this.db = Require.nonNull(db, "db");
    }

    @Override
    public boolean insert(KmsKey k) {
        return db.update(INSERT, k.id(), k.projectId(), k.orgId(), k.name(), k.description(), k.usage().wire(), k.algorithm().wire(),
                k.disabled(), k.version(), k.createdAt(), k.updatedAt()) == 1;
    }

    @Override
    public Optional<KmsKey> findById(String id) {
        return db.queryOne(FIND_BY_ID, KEY, id);
    }

    @Override
    public Optional<KmsKey> lockById(String id) {
        return db.queryOne(LOCK_BY_ID, KEY, id);
    }

    @Override
    public Optional<KmsKey> findByName(String projectId, String name) {
        return db.queryOne(FIND_BY_NAME, KEY, projectId, name);
    }

    @Override
    public List<KmsKey> findByProject(String projectId, String search, boolean byCreation, boolean descending, int offset, int limit) {
        // Only these two literals are ever formatted into the statement.
        String sql = String.format(Locale.ROOT, PAGE, byCreation ? "created_at" : "name", descending ? "DESC" : "ASC");
        return db.query(sql, KEY, projectId, search == null ? "" : search, pattern(search), limit, offset);
    }

    @Override
    public int count(String projectId, String search) {
        return db.queryOne(COUNT, rs -> rs.getInt(1), projectId, search == null ? "" : search, pattern(search)).orElse(0);
    }

    @Override
    public boolean update(KmsKey k) {
        return db.update(UPDATE, k.name(), k.description(), k.disabled(), k.version(), k.updatedAt(), k.id()) == 1;
    }

    @Override
    public boolean delete(String id) {
        return db.update(DELETE, id) == 1;
    }

    @Override
    public void insertVersion(KmsKeyVersion v) {
        db.update(INSERT_VERSION, v.keyId(), v.version(), v.sealedMaterial(), v.publicKey() == null ? SqlNull.BINARY : v.publicKey(),
                v.createdAt());
    }

    @Override
    public Optional<KmsKeyVersion> findVersion(String keyId, int version) {
        return db.queryOne(FIND_VERSION, VERSION, keyId, version);
    }

    @Override
    public List<KmsKeyVersion> findVersions(String keyId) {
        return db.query(VERSIONS, VERSION, keyId);
    }

    private static String pattern(String search) {
        if (search == null) {
            return "%";
        }
        String s = search.toLowerCase(Locale.ROOT).replace("!", "!!").replace("_", "!_").replace("%", "!%");
        return "%" + s + "%";
    }
}
