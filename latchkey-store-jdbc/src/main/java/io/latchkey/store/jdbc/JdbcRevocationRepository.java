package io.latchkey.store.jdbc;

import io.latchkey.core.support.Require;
import io.latchkey.core.token.Revocation;
import io.latchkey.core.token.RevocationKind;
import io.latchkey.core.token.RevocationRepository;

import java.time.Instant;
import java.util.List;

/** {@link RevocationRepository} over {@code token_revocations}. */
public final class JdbcRevocationRepository implements RevocationRepository {
    static final String INSERT = "INSERT INTO token_revocations (kind, revoked_value, revoked_at, expires_at) "
            + "VALUES (?, ?, ?, ?) ON CONFLICT DO NOTHING";
    static final String UPDATE = "UPDATE token_revocations SET revoked_at = ?, expires_at = ? WHERE kind = ? AND revoked_value = ?";
    static final String SELECT_SINCE = "SELECT kind, revoked_value, revoked_at, expires_at FROM token_revocations "
            + "WHERE revoked_at >= ?";
    static final String PURGE = "DELETE FROM token_revocations WHERE expires_at IS NOT NULL AND expires_at < ?";

    private static final RowMapper<Revocation> REVOCATION = rs -> new Revocation(
            RevocationKind.valueOf(rs.getString("kind")), rs.getString("revoked_value"),
            JdbcDatabase.instant(rs, "revoked_at"), JdbcDatabase.instant(rs, "expires_at"));

    private final JdbcDatabase db;

    public JdbcRevocationRepository(JdbcDatabase db) {
        this.db = Require.nonNull(db, "db");
    }

    @Override
    public void save(Revocation r) {
        if (db.update(INSERT, r.kind().name(), r.value(), r.revokedAt(), JdbcDatabase.ts(r.expiresAt())) == 0) {
            db.update(UPDATE, r.revokedAt(), JdbcDatabase.ts(r.expiresAt()), r.kind().name(), r.value());
        }
    }

    @Override
    public List<Revocation> listRevokedSince(Instant since) {
        return db.query(SELECT_SINCE, REVOCATION, since);
    }

    @Override
    public int purgeExpired(Instant now) {
        return db.update(PURGE, now);
    }
}
