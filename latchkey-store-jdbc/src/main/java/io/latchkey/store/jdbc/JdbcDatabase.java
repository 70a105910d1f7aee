package io.latchkey.store.jdbc;

import io.latchkey.core.error.ErrorCode;
import io.latchkey.core.error.LatchkeyException;
import io.latchkey.core.support.Require;
import io.latchkey.core.tx.Transactions;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import javax.sql.DataSource;

/**
 * The JDBC entry point: hands out connections, binds parameters, and implements {@link Transactions} with a
 * connection bound to the calling thread for the duration of the outermost transaction. Repositories call
 * {@link #query}, {@link #update} and friends; outside a transaction each call borrows a pooled connection
 * in auto-commit mode.
 *
 * <p>Trap: in PostgreSQL any failed statement aborts the whole transaction. Code that expects a statement
 * may fail (an insert racing another node) must avoid the failure instead of catching it, for example
 * with {@code INSERT ... ON CONFLICT DO NOTHING} (H2 accepts that in PostgreSQL mode).
 *
 * @since 0.1
 */
public final class JdbcDatabase implements Transactions {
    private final DataSource dataSource;
    private final Dialect dialect;
    private final ThreadLocal<Connection> current = new ThreadLocal<>();

    public JdbcDatabase(DataSource dataSource, Dialect dialect) {
        this.dataSource = Require.nonNull(dataSource, "dataSource");
        this.dialect = Require.nonNull(dialect, "dialect");
    }

    public Dialect dialect() {
        return dialect;
    }

    public DataSource dataSource() {
        return dataSource;
    }

    @Override
    public <T> T inTransaction(Supplier<T> work) {
        if (current.get() != null) {
            return work.get();
        }
        Connection c;
        try {
            c = dataSource.getConnection();
            c.setAutoCommit(false);
        } catch (SQLException e) {
            throw new DataAccessException("cannot open a transaction", e);
        }
        current.set(c);
        try {
            T result = work.get();
            c.commit();
            return result;
        } catch (RuntimeException | Error e) {
            rollbackQuietly(c, e);
            throw e;
        } catch (SQLException e) {
            rollbackQuietly(c, e);
            throw new DataAccessException("commit failed", e);
        } finally {
            current.remove();
            try {
                c.setAutoCommit(true);
                c.close();
            } catch (SQLException ignored) {
                // The pool discards a connection it cannot reset.
            }
        }
    }

    @Override
    public boolean active() {
        return current.get() != null;
    }

    private static void rollbackQuietly(Connection c, Throwable cause) {
        try {
            c.rollback();
        } catch (SQLException e) {
            cause.addSuppressed(e);
        }
    }

    /** Runs {@code fn} with the transaction's connection, or a borrowed auto-commit one. */
    public <T> T withConnection(SqlFunction<T> fn, String what) {
        Connection tx = current.get();
        try {
            if (tx != null) {
                return fn.apply(tx);
            }
            try (Connection c = dataSource.getConnection()) {
                return fn.apply(c);
            }
        } catch (SQLException e) {
            throw new DataAccessException(what + " failed", e);
        }
    }

    public <T> List<T> query(String sql, RowMapper<T> mapper, Object... args) {
        return withConnection(c -> {
            try (PreparedStatement ps = c.prepareStatement(sql)) {
                bind(ps, args);
                try (ResultSet rs = ps.executeQuery()) {
                    List<T> out = new ArrayList<>();
                    while (rs.next()) {
                        out.add(mapper.map(rs));
                    }
                    return out;
                }
            }
        }, "query");
    }

    public <T> Optional<T> queryOne(String sql, RowMapper<T> mapper, Object... args) {
        List<T> rows = query(sql, mapper, args);
        return rows.isEmpty() ? Optional.empty() : Optional.of(rows.get(0));
    }

    public int update(String sql, Object... args) {
        return withConnection(c -> {
            try (PreparedStatement ps = c.prepareStatement(sql)) {
                bind(ps, args);
                return ps.executeUpdate();
            }
        }, "update");
    }

    /**
     * Runs one statement for each argument row in a JDBC batch (one round trip on PostgreSQL) and says, per
     * row, whether its statement changed a row: for conditional writes, where each row's answer matters.
     */
    public List<Boolean> batchChanged(String sql, List<Object[]> rows) {
        if (rows.size() == 1) {
            return List.of(update(sql, rows.get(0)) > 0);
        }
        int[] counts = batch(sql, rows);
        Boolean[] changed = new Boolean[counts.length];
        for (int i = 0; i < counts.length; i++) {
            if (counts[i] == Statement.SUCCESS_NO_INFO) {
                // A driver that rewrites batches (pgjdbc's reWriteBatchedInserts) cannot tell.
                throw new DataAccessException("batch update failed",
                        new SQLException("the driver did not report each row's update count"));
            }
            changed[i] = counts[i] > 0;
        }
        return List.of(changed);
    }

    /** Runs one statement for each argument row in a JDBC batch; returns the driver's update counts. */
    public int[] batch(String sql, List<Object[]> rows) {
        return withConnection(c -> {
            try (PreparedStatement ps = c.prepareStatement(sql)) {
                for (Object[] row : rows) {
                    bind(ps, row);
                    ps.addBatch();
                }
                return ps.executeBatch();
            }
        }, "batch update");
    }

    /** The message when a text value contains NUL; tests assert it. */
    public static final String NUL_IN_TEXT = "text values may not contain the NUL character (U+0000)";

    static void bind(PreparedStatement ps, Object[] args) throws SQLException {
        for (int i = 0; i < args.length; i++) {
            Object a = args[i];
            int idx = i + 1;
            if (a instanceof SqlNull n) {
                ps.setNull(idx, n.sqlType);
            } else if (a == null) {
                ps.setNull(idx, java.sql.Types.VARCHAR);
            } else if (a instanceof Instant t) {
                ps.setObject(idx, OffsetDateTime.ofInstant(t, ZoneOffset.UTC));
            } else if (a instanceof String s) {
                if (s.indexOf('\u0000') >= 0) {
                    // PostgreSQL text cannot hold NUL (SQLState 22021, which surfaced as a 500); refuse it the same
                    // way on every backend so both store and find the same values (bad-input fuzzer, issue 9).
                    throw LatchkeyException.of(ErrorCode.INVALID_REQUEST, NUL_IN_TEXT);
                }
                ps.setString(idx, s);
            } else if (a instanceof Long l) {
                ps.setLong(idx, l);
            } else if (a instanceof Integer n) {
                ps.setInt(idx, n);
            } else if (a instanceof Boolean b) {
                ps.setBoolean(idx, b);
            } else if (a instanceof byte[] b) {
                ps.setBytes(idx, b);
            } else {
                throw new IllegalArgumentException("unsupported parameter type " + a.getClass().getName());
            }
        }
    }

    /** Reads a timestamp column as an Instant (null stays null). */
    public static Instant instant(ResultSet rs, String column) throws SQLException {
        OffsetDateTime t = rs.getObject(column, OffsetDateTime.class);
        return t == null ? null : t.toInstant();
    }

    /** An Instant parameter that may be null. */
    public static Object ts(Instant t) {
        return t == null ? SqlNull.TIMESTAMP : t;
    }

    /** A String parameter that may be null. */
    public static Object str(String s) {
        return s == null ? SqlNull.VARCHAR : s;
    }
}
