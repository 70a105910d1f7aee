package io.latchkey.store.jdbc;

import io.latchkey.core.audit.AuditChain;
import io.latchkey.core.audit.AuditEvent;
import io.latchkey.core.audit.AuditOutcome;
import io.latchkey.core.audit.AuditPage;
import io.latchkey.core.audit.AuditQuery;
import io.latchkey.core.audit.AuditRecord;
import io.latchkey.core.audit.AuditRepository;
import io.latchkey.core.support.Ids;
import io.latchkey.core.support.JsonText;
import io.latchkey.core.support.Require;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * {@link AuditRepository} over {@code audit_events} and {@code audit_head}. Appending locks the head row
 * (a conditional update from the head this instance wrote last, else {@code SELECT ... FOR UPDATE}), so
 * concurrent appenders on any node extend one chain in turn.
 */
public final class JdbcAuditRepository implements AuditRepository {
    static final String COLUMNS = "seq, id, occurred_at, org_id, project_id, actor_type, actor_id, action, target_type, "
            + "target_id, outcome, reason, source_ip, request_id, details_json, prev_hash, hash";
    static final String LOCK_HEAD = "SELECT last_seq, last_hash FROM audit_head WHERE chain = 'main' FOR UPDATE";
    static final String READ_HEAD = "SELECT last_seq, last_hash FROM audit_head WHERE chain = 'main'";
    static final String UPDATE_HEAD = "UPDATE audit_head SET last_seq = ?, last_hash = ? WHERE chain = 'main'";
    static final String ADVANCE_HEAD = "UPDATE audit_head SET last_seq = ?, last_hash = ? WHERE chain = 'main' "
            + "AND last_seq = ? AND last_hash = ?";
    static final String INSERT = "INSERT INTO audit_events (" + COLUMNS + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";
    static final String SELECT_IN_ORDER = "SELECT " + COLUMNS + " FROM audit_events WHERE seq <= ? ORDER BY seq";
    static final String SELECT_BY_SEQ = "SELECT " + COLUMNS + " FROM audit_events WHERE seq = ?";

    private static final RowMapper<AuditEvent> EVENT = JdbcAuditRepository::event;

    private final JdbcDatabase db;
    /** The head as this instance's last append left it; a guess, checked by {@link #ADVANCE_HEAD}. */
    private volatile Head lastWritten;

    public JdbcAuditRepository(JdbcDatabase db) {
        this.db = Require.nonNull(db, "db");
    }

    @Override
    public List<AuditEvent> append(List<AuditRecord> records) {
        if (!db.active()) {
            throw new IllegalStateException("audit appends must run in a transaction");
        }
        // The head this instance wrote last is nearly always the head: the chain is extended from it and the
        // head moved only if it is still there, which takes the row's lock as FOR UPDATE would and saves the
        // read. Another node's append, or a rolled-back transaction of ours, fails the condition; then the
        // head is read under its lock. A guess never reaches the chain unchecked.
        Head guess = lastWritten;
        if (guess != null) {
            Chained c = chain(guess, records);
            if (db.update(ADVANCE_HEAD, c.head.seq, c.head.hash, guess.seq, guess.hash) == 1) {
                db.batch(INSERT, c.rows);
                lastWritten = c.head;
                return c.events;
            }
        }
        Head head = db.queryOne(LOCK_HEAD, rs -> new Head(rs.getLong(1), rs.getString(2)))
                .orElseThrow(() -> new IllegalStateException("audit_head row is missing"));
        Chained c = chain(head, records);
        db.batch(INSERT, c.rows);
        db.update(UPDATE_HEAD, c.head.seq, c.head.hash);
        lastWritten = c.head;
        return c.events;
    }

    private record Head(long seq, String hash) {
    }

    private record Chained(List<AuditEvent> events, List<Object[]> rows, Head head) {
    }

    private static Chained chain(Head from, List<AuditRecord> records) {
        long seq = from.seq;
        String prev = from.hash;
        List<AuditEvent> events = new ArrayList<>(records.size());
        List<Object[]> rows = new ArrayList<>(records.size());
        for (AuditRecord r : records) {
            seq++;
            String id = Ids.nonSecretUuid();
            String hash = AuditChain.hash(prev, seq, id, r);
            events.add(new AuditEvent(seq, id, r, prev, hash));
            rows.add(new Object[] {seq, id, r.occurredAt(), JdbcDatabase.str(r.orgId()), JdbcDatabase.str(r.projectId()),
                    JdbcDatabase.str(r.actorType()), JdbcDatabase.str(r.actorId()), r.action(),
                    JdbcDatabase.str(r.targetType()), JdbcDatabase.str(r.targetId()), r.outcome().wire(),
                    JdbcDatabase.str(r.reason()), JdbcDatabase.str(r.sourceIp()), JdbcDatabase.str(r.requestId()),
                    JsonText.write(r.details()), prev, hash});
            prev = hash;
        }
        return new Chained(events, rows, new Head(seq, prev));
    }

    @Override
    public AuditPage query(AuditQuery q) {
        StringBuilder sql = new StringBuilder("SELECT ").append(COLUMNS).append(" FROM audit_events WHERE 1 = 1");
        List<Object> args = new ArrayList<>();
        if (q.orgId() != null && q.includeInstanceEvents()) {
            sql.append(" AND (org_id = ? OR org_id IS NULL)");
            args.add(q.orgId());
        } else {
            filter(sql, args, "org_id = ?", q.orgId());
        }
        filter(sql, args, "project_id = ?", q.projectId());
        filter(sql, args, "actor_id = ?", q.actorId());
        filter(sql, args, "outcome = ?", q.outcome() == null ? null : q.outcome().wire());
        if (q.action() != null) {
            if (q.action().endsWith("*")) {
                sql.append(" AND action LIKE ?");
                args.add(q.action().substring(0, q.action().length() - 1).replace("%", "\\%").replace("_", "\\_") + "%");
            } else {
                filter(sql, args, "action = ?", q.action());
            }
        }
        filter(sql, args, "occurred_at >= ?", q.from());
        filter(sql, args, "occurred_at < ?", q.to());
        filter(sql, args, "seq < ?", q.beforeSeq());
        sql.append(" ORDER BY seq DESC LIMIT ?");
        args.add(q.limit() + 1);
        List<AuditEvent> rows = db.query(sql.toString(), EVENT, args.toArray());
        Long next = null;
        if (rows.size() > q.limit()) {
            rows = rows.subList(0, q.limit());
            next = rows.get(rows.size() - 1).seq();
        }
        return new AuditPage(List.copyOf(rows), next);
    }

    private static void filter(StringBuilder sql, List<Object> args, String clause, Object value) {
        if (value != null) {
            sql.append(" AND ").append(clause);
            args.add(value);
        }
    }

    @Override
    public void forEachInOrder(long maxSeq, Consumer<AuditEvent> consumer) {
        db.withConnection(c -> {
            boolean auto = c.getAutoCommit();
            // PostgreSQL streams rows with a fetch size only inside a transaction.
            c.setAutoCommit(false);
            try (PreparedStatement ps = c.prepareStatement(SELECT_IN_ORDER)) {
                ps.setFetchSize(1000);
                ps.setLong(1, maxSeq);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        consumer.accept(event(rs));
                    }
                }
            } finally {
                c.commit();
                c.setAutoCommit(auto);
            }
            return null;
        }, "audit scan");
    }

    @Override
    public AuditEvent head() {
        String[] h = headPointer();
        if (h == null || "0".equals(h[0])) {
            return null;
        }
        return db.queryOne(SELECT_BY_SEQ, EVENT, Long.parseLong(h[0])).orElse(null);
    }

    @Override
    public String[] headPointer() {
        return db.queryOne(READ_HEAD, rs -> new String[] {Long.toString(rs.getLong(1)), rs.getString(2)}).orElse(null);
    }

    private static AuditEvent event(ResultSet rs) throws SQLException {
        AuditRecord r = new AuditRecord(JdbcDatabase.instant(rs, "occurred_at"), rs.getString("org_id"),
                rs.getString("project_id"), rs.getString("actor_type"), rs.getString("actor_id"), rs.getString("action"),
                rs.getString("target_type"), rs.getString("target_id"), AuditOutcome.fromWire(rs.getString("outcome")),
                rs.getString("reason"), rs.getString("source_ip"), rs.getString("request_id"),
                JsonText.parseStringMap(rs.getString("details_json")));
        return new AuditEvent(rs.getLong("seq"), rs.getString("id"), r, rs.getString("prev_hash"), rs.getString("hash"));
    }
}
