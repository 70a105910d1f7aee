package io.latchkey.store.jdbc;

import io.latchkey.core.ratelimit.AttemptCounter;
import io.latchkey.core.ratelimit.AttemptCounterRepository;
import io.latchkey.core.support.Require;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/** {@link AttemptCounterRepository} over {@code attempt_counters}; increments are single atomic statements. */
public final class JdbcAttemptCounterRepository implements AttemptCounterRepository {
    static final String SELECT = "SELECT counter_key, window_start, failures, locked_until FROM attempt_counters WHERE counter_key = ?";
    static final String INCREMENT = "UPDATE attempt_counters SET "
            + "failures = CASE WHEN window_start < ? THEN 1 ELSE failures + 1 END, "
            + "window_start = CASE WHEN window_start < ? THEN ? ELSE window_start END "
            + "WHERE counter_key = ?";
    static final String INSERT = "INSERT INTO attempt_counters (counter_key, window_start, failures, locked_until) "
            + "VALUES (?, ?, 1, NULL) ON CONFLICT DO NOTHING";
    static final String LOCK = "UPDATE attempt_counters SET locked_until = ? WHERE counter_key = ?";
    static final String DELETE = "DELETE FROM attempt_counters WHERE counter_key = ?";

    private static final RowMapper<AttemptCounter> COUNTER = rs -> new AttemptCounter(rs.getString("counter_key"),
            JdbcDatabase.instant(rs, "window_start"), rs.getInt("failures"), JdbcDatabase.instant(rs, "locked_until"));

    private final JdbcDatabase db;

    public JdbcAttemptCounterRepository(JdbcDatabase db) {
        this.db = Require.nonNull(db, "db");
    }

    @Override
    public Optional<AttemptCounter> find(String key) {
        return db.queryOne(SELECT, COUNTER, key);
    }

    @Override
    public AttemptCounter recordFailure(String key, Instant now, Duration window) {
        Instant windowOpen = now.minus(window);
        if (db.update(INCREMENT, windowOpen, windowOpen, now, key) == 0 && db.update(INSERT, key, now) == 0) {
            db.update(INCREMENT, windowOpen, windowOpen, now, key);
        }
        return find(key).orElseThrow();
    }

    @Override
    public void lockUntil(String key, Instant until) {
        db.update(LOCK, until, key);
    }

    @Override
    public void reset(String key) {
        db.update(DELETE, key);
    }
}
