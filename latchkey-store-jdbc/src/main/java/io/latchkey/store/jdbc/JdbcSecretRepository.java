package io.latchkey.store.jdbc;

import io.latchkey.core.secrets.Secret;
import io.latchkey.core.secrets.SecretMetadata;
import io.latchkey.core.secrets.SecretPath;
import io.latchkey.core.secrets.SecretRepository;
import io.latchkey.core.secrets.SecretType;
import io.latchkey.core.support.JsonText;
import io.latchkey.core.support.Require;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * {@link SecretRepository} over {@code secrets} and {@code secret_versions}. Both tables have the same
 * columns (the version table's key is {@code secret_id}), so one row mapper serves both.
 *
 * <p>The read by name ({@link #FIND}) is one lookup on the unique index {@code uq_secrets_place}.
 */
public final class JdbcSecretRepository implements SecretRepository {
    static final String DATA = "project_id, env_id, folder_path, name, secret_type, owner_id, version, value_sealed, "
            + "comment_sealed, skip_multiline, reminder_note, reminder_repeat_days, tags_json, metadata_json, actor_type, actor_id, "
            + "created_at, updated_at";
    static final String COLUMNS = "id, " + DATA;
    static final String PLACE = " WHERE env_id = ? AND folder_path = ? AND name = ? AND secret_type = ? AND owner_id = ?";
    static final String FIND = "SELECT " + COLUMNS + " FROM secrets" + PLACE;
    static final String LOCK = FIND + " FOR UPDATE";
    static final String FIND_BY_ID = "SELECT " + COLUMNS + " FROM secrets WHERE id = ?";
    static final String LOCK_BY_ID = FIND_BY_ID + " FOR UPDATE";
    static final String IN_FOLDER = "SELECT " + COLUMNS + " FROM secrets WHERE env_id = ? AND folder_path = ? "
            + "AND (owner_id = '' OR owner_id = ?) ORDER BY name, secret_type";
    static final String UNDER = "SELECT " + COLUMNS + " FROM secrets WHERE env_id = ? AND (folder_path = ? OR folder_path LIKE ? ESCAPE '!') "
            + "AND (owner_id = '' OR owner_id = ?) ORDER BY folder_path, name, secret_type";
    static final String INSERT = "INSERT INTO secrets (" + COLUMNS + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) "
            + "ON CONFLICT DO NOTHING";
    static final String UPDATE = "UPDATE secrets SET env_id = ?, folder_path = ?, name = ?, version = ?, value_sealed = ?, "
            + "comment_sealed = ?, skip_multiline = ?, reminder_note = ?, reminder_repeat_days = ?, tags_json = ?, metadata_json = ?, "
            + "actor_type = ?, actor_id = ?, updated_at = ? WHERE id = ? AND version = ?";
    static final String DELETE = "DELETE FROM secrets WHERE project_id = ? AND id = ?";
    static final String DELETE_UNDER = "DELETE FROM secrets WHERE env_id = ? AND (folder_path = ? OR folder_path LIKE ? ESCAPE '!')";
    static final String REPOINT = "UPDATE secrets SET folder_path = ? WHERE env_id = ? AND folder_path = ?";
    static final String INSERT_VERSION = "INSERT INTO secret_versions (secret_id, " + DATA + ") "
            + "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";
    static final String VERSION_COLUMNS = "secret_id AS id, " + DATA;
    static final String VERSIONS = "SELECT " + VERSION_COLUMNS + " FROM secret_versions WHERE secret_id = ? "
            + "ORDER BY version DESC LIMIT ? OFFSET ?";
    static final String VERSION = "SELECT " + VERSION_COLUMNS + " FROM secret_versions WHERE secret_id = ? AND version = ?";

    private static final RowMapper<Secret> SECRET = JdbcSecretRepository::map;

    private final JdbcDatabase db;

    public JdbcSecretRepository(JdbcDatabase db) {
        this.db = Require.nonNull(db, "db");
    }

    @Override
    public Optional<Secret> find(String environmentId, SecretPath path, String name, SecretType type, String ownerId) {
        return db.queryOne(FIND, SECRET, environmentId, path.value(), name, type.wire(), owner(ownerId));
    }

    @Override
    public Optional<Secret> findById(String id) {
        return db.queryOne(FIND_BY_ID, SECRET, id);
    }

    @Override
    public Optional<Secret> lockById(String id) {
        return db.queryOne(LOCK_BY_ID, SECRET, id);
    }

    @Override
    public Optional<Secret> lock(String environmentId, SecretPath path, String name, SecretType type, String ownerId) {
        return db.queryOne(LOCK, SECRET, environmentId, path.value(), name, type.wire(), owner(ownerId));
    }

    @Override
    public List<Secret> findInFolder(String environmentId, SecretPath path, String ownerId) {
        return db.query(IN_FOLDER, SECRET, environmentId, path.value(), owner(ownerId));
    }

    @Override
    public List<Secret> findUnder(String environmentId, SecretPath path, String ownerId) {
        return db.query(UNDER, SECRET, environmentId, path.value(), PathPrefix.below(path), owner(ownerId));
    }

    @Override
    public boolean insert(Secret s) {
        Object[] data = data(s);
        Object[] args = new Object[data.length + 1];
        args[0] = s.id();
        System.arraycopy(data, 0, args, 1, data.length);
        return db.update(INSERT, args) == 1;
    }

    @Override
    public boolean update(Secret s, int expectedVersion) {
        return db.update(UPDATE, s.environmentId(), s.path().value(), s.name(), s.version(), s.sealedValue(),
                bytes(s.sealedComment()), bool(s.skipMultilineEncoding()), JdbcDatabase.str(s.reminderNote()),
                integer(s.reminderRepeatDays()), tags(s.tags()), metadata(s.metadata()), JdbcDatabase.str(s.actorType()),
                JdbcDatabase.str(s.actorId()), s.updatedAt(), s.id(), expectedVersion) == 1;
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
    public int repoint(String environmentId, SecretPath from, SecretPath to) {
        return db.update(REPOINT, to.value(), environmentId, from.value());
    }

    @Override
    public void insertVersion(Secret s) {
        Object[] data = data(s);
        Object[] args = new Object[data.length + 1];
        args[0] = s.id();
        System.arraycopy(data, 0, args, 1, data.length);
        db.update(INSERT_VERSION, args);
    }

    @Override
    public List<Secret> findVersions(String secretId, int offset, int limit) {
        return db.query(VERSIONS, SECRET, secretId, limit, offset);
    }

    @Override
    public Optional<Secret> findVersion(String secretId, int version) {
        return db.queryOne(VERSION, SECRET, secretId, version);
    }

    /** Every column of {@link #DATA}, in order. */
    private static Object[] data(Secret s) {
        return new Object[] {s.projectId(), s.environmentId(), s.path().value(), s.name(), s.type().wire(), owner(s.ownerId()),
                s.version(), s.sealedValue(), bytes(s.sealedComment()), bool(s.skipMultilineEncoding()),
                JdbcDatabase.str(s.reminderNote()), integer(s.reminderRepeatDays()), tags(s.tags()), metadata(s.metadata()),
                JdbcDatabase.str(s.actorType()), JdbcDatabase.str(s.actorId()), s.createdAt(), s.updatedAt()};
    }

    private static Secret map(ResultSet rs) throws SQLException {
        String owner = rs.getString("owner_id");
        boolean skip = rs.getBoolean("skip_multiline");
        Boolean skipMultiline = rs.wasNull() ? null : skip;
        int days = rs.getInt("reminder_repeat_days");
        Integer reminderDays = rs.wasNull() ? null : days;
        return Secret.builder().id(rs.getString("id")).projectId(rs.getString("project_id")).environmentId(rs.getString("env_id"))
                .path(new SecretPath(rs.getString("folder_path"))).name(rs.getString("name"))
                .type(SecretType.fromWire(rs.getString("secret_type"), "secret_type"))
                .ownerId(owner == null || owner.isEmpty() ? null : owner).version(rs.getInt("version"))
                .sealedValue(rs.getBytes("value_sealed")).sealedComment(rs.getBytes("comment_sealed"))
                .skipMultilineEncoding(skipMultiline).reminder(rs.getString("reminder_note"), reminderDays)
                .tags(JsonText.parseStringList(rs.getString("tags_json"))).metadata(metadata(rs.getString("metadata_json")))
                .actor(rs.getString("actor_type"), rs.getString("actor_id"))
                .createdAt(JdbcDatabase.instant(rs, "created_at")).updatedAt(JdbcDatabase.instant(rs, "updated_at")).build();
    }

    private static String owner(String ownerId) {
        return ownerId == null ? "" : ownerId;
    }

    private static Object bytes(byte[] b) {
        return b == null ? SqlNull.BINARY : b;
    }

    private static Object bool(Boolean b) {
        return b == null ? SqlNull.BOOLEAN : b;
    }

    private static Object integer(Integer i) {
        return i == null ? SqlNull.INTEGER : i;
    }

    private static String tags(List<String> tags) {
        return JsonText.write(tags);
    }

    private static String metadata(List<SecretMetadata> metadata) {
        List<Map<String, String>> out = new ArrayList<>();
        for (SecretMetadata m : metadata) {
            Map<String, String> e = new LinkedHashMap<>();
            e.put("key", m.key());
            e.put("value", m.value());
            out.add(e);
        }
        return JsonText.write(out);
    }

    private static List<SecretMetadata> metadata(String json) {
        Object parsed = JsonText.parse(json);
        List<SecretMetadata> out = new ArrayList<>();
        if (parsed instanceof List<?> list) {
            for (Object o : list) {
                if (o instanceof Map<?, ?> m) {
                    out.add(new SecretMetadata(String.valueOf(m.get("key")), m.get("value") == null ? "" : String.valueOf(m.get("value"))));
                }
            }
        }
        return out;
    }
}
