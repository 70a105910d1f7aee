package io.latchkey.store.jdbc;

import io.latchkey.core.keys.KeyStatus;
import io.latchkey.core.keys.SigningKey;
import io.latchkey.core.keys.SigningKeyRepository;
import io.latchkey.core.support.Ids;
import io.latchkey.core.support.Require;
import io.latchkey.core.token.JwsAlgorithm;

import java.util.List;

/**
 * {@link SigningKeyRepository} over {@code signing_keys}. Every change also writes a new random
 * {@code keyring_version} into {@code instance_meta}, which nodes poll to notice rotations.
 */
public final class JdbcSigningKeyRepository implements SigningKeyRepository {
    static final String COLUMNS = "kid, algorithm, status, private_key_wrapped, public_key_der, created_at, activated_at, "
            + "retired_at, publish_until";
    static final String SELECT_ALL = "SELECT " + COLUMNS + " FROM signing_keys ORDER BY created_at, kid";
    static final String INSERT = "INSERT INTO signing_keys (" + COLUMNS + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)";
    static final String UPDATE_STATUS = "UPDATE signing_keys SET status = ?, activated_at = ?, retired_at = ?, "
            + "publish_until = ? WHERE kid = ?";
    static final String VERSION_KEY = "keyring_version";

    private static final RowMapper<SigningKey> KEY = rs -> new SigningKey(rs.getString("kid"),
            JwsAlgorithm.valueOf(rs.getString("algorithm")), KeyStatus.valueOf(rs.getString("status")),
            rs.getBytes("private_key_wrapped"), rs.getBytes("public_key_der"), JdbcDatabase.instant(rs, "created_at"),
            JdbcDatabase.instant(rs, "activated_at"), JdbcDatabase.instant(rs, "retired_at"),
            JdbcDatabase.instant(rs, "publish_until"));

    private final JdbcDatabase db;
    private final JdbcInstanceRepository instance;

    public JdbcSigningKeyRepository(JdbcDatabase db) {
        this.db = Require.nonNull(db, "db");
        this.instance = new JdbcInstanceRepository(db);
    }

    @Override
    public List<SigningKey> findAll() {
        return db.query(SELECT_ALL, KEY);
    }

    @Override
    public void insert(SigningKey k) {
        db.update(INSERT, k.kid(), k.algorithm().name(), k.status().name(), k.privateKeyWrapped(), k.publicKeyDer(),
                k.createdAt(), JdbcDatabase.ts(k.activatedAt()), JdbcDatabase.ts(k.retiredAt()), JdbcDatabase.ts(k.publishUntil()));
        bumpVersion();
    }

    @Override
    public boolean updateStatus(SigningKey k) {
        boolean changed = db.update(UPDATE_STATUS, k.status().name(), JdbcDatabase.ts(k.activatedAt()),
                JdbcDatabase.ts(k.retiredAt()), JdbcDatabase.ts(k.publishUntil()), k.kid()) == 1;
        bumpVersion();
        return changed;
    }

    @Override
    public String version() {
        return instance.get(VERSION_KEY).orElse("");
    }

    private void bumpVersion() {
        instance.put(VERSION_KEY, Ids.uuid());
    }
}
