package io.latchkey.store.jdbc;

import io.latchkey.core.pat.PatRepository;
import io.latchkey.core.pat.PersonalAccessToken;
import io.latchkey.core.pat.PublicKeyInfo;
import io.latchkey.core.support.Require;
import io.latchkey.core.token.JwsAlgorithm;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;

/** {@link PatRepository} over {@code personal_access_tokens}. */
public final class JdbcPatRepository implements PatRepository {
    static final String COLUMNS = "id, owner_user_id, name, description, signing_algorithm, key_source, key_material, created_at, updated_at";
    static final String INSERT = "INSERT INTO personal_access_tokens (" + COLUMNS + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)";
    static final String SELECT_BY_ID = "SELECT " + COLUMNS + " FROM personal_access_tokens WHERE id = ?";
    static final String SELECT_BY_OWNER = "SELECT " + COLUMNS + " FROM personal_access_tokens WHERE owner_user_id = ? AND id > ? ORDER BY id LIMIT ?";
    static final String UPDATE = "UPDATE personal_access_tokens SET name = ?, signing_algorithm = ?, key_source = ?, key_material = ?, updated_at = ? WHERE id = ?";
    static final String DELETE = "DELETE FROM personal_access_tokens WHERE id = ?";

    private static final RowMapper<PersonalAccessToken> TOKEN = JdbcPatRepository::token;

    private final JdbcDatabase db;

    public JdbcPatRepository(JdbcDatabase db) {
        this.db = Require.nonNull(db, "db");
    }

    @Override
    public void insert(PersonalAccessToken t) {
        db.update(INSERT, t.id(), t.ownerUserId(), t.name(), JdbcDatabase.str(t.description()), t.signingAlgorithm().name(),
                t.publicKeyInfo().source(), t.publicKeyInfo().material(), t.createdAt(), t.updatedAt());
    }

    @Override
    public Optional<PersonalAccessToken> findById(String id) {
        return db.queryOne(SELECT_BY_ID, TOKEN, id);
    }

    @Override
    public List<PersonalAccessToken> findByOwner(String ownerUserId, String afterId, int limit) {
        return db.query(SELECT_BY_OWNER, TOKEN, ownerUserId, afterId == null ? "" : afterId, limit);
    }

    @Override
    public boolean update(PersonalAccessToken t) {
        return db.update(UPDATE, t.name(), t.signingAlgorithm().name(), t.publicKeyInfo().source(), t.publicKeyInfo().material(),
                t.updatedAt(), t.id()) == 1;
    }

    @Override
    public boolean delete(String id) {
        return db.update(DELETE, id) == 1;
    }

    private static PersonalAccessToken token(ResultSet rs) throws SQLException {
        PublicKeyInfo keys = PublicKeyInfo.of(rs.getString("key_source"), rs.getString("key_material"));
        return new PersonalAccessToken(rs.getString("id"), rs.getString("owner_user_id"), rs.getString("name"),
                rs.getString("description"), JwsAlgorithm.valueOf(rs.getString("signing_algorithm")), keys,
                JdbcDatabase.instant(rs, "created_at"), JdbcDatabase.instant(rs, "updated_at"));
    }
}
