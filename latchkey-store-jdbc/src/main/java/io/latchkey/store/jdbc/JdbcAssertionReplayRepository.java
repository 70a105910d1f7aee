package io.latchkey.store.jdbc;

import io.latchkey.core.pat.AssertionReplayRepository;
import io.latchkey.core.support.Require;

import java.time.Instant;

/**
 * {@link AssertionReplayRepository} over {@code assertion_jtis}: one conflict-free insert per assertion, which
 * inserts nothing unless the personal access token is still at the version the assertion was verified against.
 */
public final class JdbcAssertionReplayRepository implements AssertionReplayRepository {
    static final String INSERT = "INSERT INTO assertion_jtis (client_id, jti_hash, expires_at) SELECT id, ?, ? "
            + "FROM personal_access_tokens WHERE id = ? AND updated_at = ? ON CONFLICT DO NOTHING";
    static final String PURGE = "DELETE FROM assertion_jtis WHERE expires_at < ?";

    private final JdbcDatabase db;

    public JdbcAssertionReplayRepository(JdbcDatabase db) {
        this.db = Require.nonNull(db, "db");
    }

    @Override
    public boolean markUsed(String clientId, Instant clientVersion, String jtiHash, Instant expiresAt) {
        return db.update(INSERT, jtiHash, expiresAt, clientId, clientVersion) == 1;
    }

    @Override
    public int purgeExpired(Instant now) {
        return db.update(PURGE, now);
    }
}
