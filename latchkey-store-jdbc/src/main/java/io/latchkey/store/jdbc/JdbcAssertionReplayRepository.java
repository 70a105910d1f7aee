package io.latchkey.store.jdbc;

import io.latchkey.core.pat.AssertionReplayRepository;
import io.latchkey.core.pat.ReplayMark;
import io.latchkey.core.support.Require;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

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
    public List<Boolean> markUsed(List<ReplayMark> marks) {
        List<Object[]> rows = new ArrayList<>(marks.size());
        for (ReplayMark m : marks) {
            rows.add(new Object[] {m.jtiHash(), m.expiresAt(), m.clientId(), m.clientVersion()});
        }
        return db.batchChanged(INSERT, rows);
    }

    @Override
    public int purgeExpired(Instant now) {
        return db.update(PURGE, now);
    }
}
