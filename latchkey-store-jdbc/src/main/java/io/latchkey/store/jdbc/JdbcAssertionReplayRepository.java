package io.latchkey.store.jdbc;

import io.latchkey.core.pat.AssertionReplayRepository;
import io.latchkey.core.pat.ReplayMark;
import io.latchkey.core.support.Require;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * {@link AssertionReplayRepository} over {@code assertion_replay_marks}: one conflict-free insert per assertion,
 * which inserts nothing unless the personal access token is still at the version the assertion was verified
 * against. Marks are keyed by the assertion's {@code exp} first, so concurrent inserts share the index's last
 * leaves. Marks written before that key (V7) stay in {@code assertion_jtis} until they expire, and a mark is
 * refused while its jti is there.
 */
public final class JdbcAssertionReplayRepository implements AssertionReplayRepository {
    static final String INSERT = "INSERT INTO assertion_replay_marks (assertion_exp, client_id, jti_hash) "
            + "SELECT ?, p.id, ? FROM personal_access_tokens p WHERE p.id = ? AND p.updated_at = ? "
            + "AND NOT EXISTS (SELECT 1 FROM assertion_jtis j WHERE j.client_id = p.id AND j.jti_hash = ?) "
            + "ON CONFLICT DO NOTHING";
    static final String PURGE = "DELETE FROM assertion_replay_marks WHERE assertion_exp < ?";
    /** The marks written before V7 carry their writer's clock skew in expires_at: they go once past it. */
    static final String PURGE_BEFORE_V7 = "DELETE FROM assertion_jtis WHERE expires_at < ?";

    private final JdbcDatabase db;

    public JdbcAssertionReplayRepository(JdbcDatabase db) {
        this.db = Require.nonNull(db, "db");
    }

    @Override
    public List<Boolean> markUsed(List<ReplayMark> marks) {
        List<Object[]> rows = new ArrayList<>(marks.size());
        for (ReplayMark m : marks) {
            rows.add(new Object[] {m.assertionExpiry(), m.jtiHash(), m.clientId(), m.clientVersion(), m.jtiHash()});
        }
        return db.batchChanged(INSERT, rows);
    }

    @Override
    public int purgeExpired(Instant horizon) {
        return db.update(PURGE, horizon) + db.update(PURGE_BEFORE_V7, horizon);
    }
}
