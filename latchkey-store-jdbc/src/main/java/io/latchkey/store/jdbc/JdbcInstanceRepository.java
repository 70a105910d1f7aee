package io.latchkey.store.jdbc;

import io.latchkey.core.instance.InstanceRepository;
import io.latchkey.core.support.Require;

import java.util.Optional;

/** {@link InstanceRepository} over {@code instance_meta} and {@code instance_locks}. */
public final class JdbcInstanceRepository implements InstanceRepository {
    static final String SELECT = "SELECT meta_value FROM instance_meta WHERE meta_key = ?";
    static final String INSERT_IF_ABSENT = "INSERT INTO instance_meta (meta_key, meta_value) VALUES (?, ?) ON CONFLICT DO NOTHING";
    static final String UPDATE = "UPDATE instance_meta SET meta_value = ? WHERE meta_key = ?";
    static final String ENSURE_LOCK = "INSERT INTO instance_locks (lock_name) VALUES (?) ON CONFLICT DO NOTHING";
    static final String TAKE_LOCK = "SELECT lock_name FROM instance_locks WHERE lock_name = ? FOR UPDATE";

    private final JdbcDatabase db;

    public JdbcInstanceRepository(JdbcDatabase db) {
        this.db = Require.nonNull(db, "db");
    }

    @Override
    public Optional<String> get(String key) {
        return db.queryOne(SELECT, rs -> rs.getString(1), key);
    }

    @Override
    public boolean putIfAbsent(String key, String value) {
        return db.update(INSERT_IF_ABSENT, key, value) == 1;
    }

    @Override
    public void put(String key, String value) {
        if (db.update(UPDATE, value, key) == 0 && !putIfAbsent(key, value)) {
            db.update(UPDATE, value, key);
        }
    }

    @Override
    public void lock(String name) {
        if (!db.active()) {
            throw new IllegalStateException("lock(" + name + ") outside a transaction has no effect");
        }
        db.update(ENSURE_LOCK, name);
        db.query(TAKE_LOCK, rs -> rs.getString(1), name);
    }
}
