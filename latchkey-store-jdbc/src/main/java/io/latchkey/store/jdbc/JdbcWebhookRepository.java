package io.latchkey.store.jdbc;

import io.latchkey.core.secrets.SecretPath;
import io.latchkey.core.support.Require;
import io.latchkey.core.webhook.Webhook;
import io.latchkey.core.webhook.WebhookDelivery;
import io.latchkey.core.webhook.WebhookRepository;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * {@link WebhookRepository} over {@code webhooks} and the delivery queue {@code webhook_deliveries}. Claims
 * are a conditional update per delivery, so two nodes polling at once never both send one.
 */
public final class JdbcWebhookRepository implements WebhookRepository {
    static final String COLUMNS = "id, project_id, env_id, secret_path, url, secret_sealed, webhook_type, is_disabled, last_status, "
            + "last_error, last_run_at, created_at, updated_at";
    static final String INSERT = "INSERT INTO webhooks (" + COLUMNS + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";
    static final String FIND_BY_ID = "SELECT " + COLUMNS + " FROM webhooks WHERE id = ?";
    static final String BY_PROJECT = "SELECT " + COLUMNS + " FROM webhooks WHERE project_id = ? AND (? = '' OR env_id = ?) "
            + "ORDER BY created_at, id";
    static final String ENABLED = "SELECT " + COLUMNS + " FROM webhooks WHERE env_id = ? AND is_disabled = FALSE";
    static final String UPDATE = "UPDATE webhooks SET url = ?, secret_path = ?, is_disabled = ?, updated_at = ? WHERE id = ?";
    static final String DELETE = "DELETE FROM webhooks WHERE id = ?";
    static final String RECORD_RUN = "UPDATE webhooks SET last_status = ?, last_error = ?, last_run_at = ? WHERE id = ?";
    static final String D_COLUMNS = "id, webhook_id, event, payload, status, attempts, next_attempt_at, claimed_until, last_error, "
            + "created_at, updated_at";
    static final String ENQUEUE = "INSERT INTO webhook_deliveries (" + D_COLUMNS + ") VALUES (?, ?, ?, ?, 'pending', ?, ?, NULL, NULL, ?, ?)";
    static final String DUE = "SELECT " + D_COLUMNS + " FROM webhook_deliveries WHERE status = 'pending' AND next_attempt_at <= ? "
            + "AND (claimed_until IS NULL OR claimed_until < ?) ORDER BY next_attempt_at LIMIT ?";
    static final String CLAIM = "UPDATE webhook_deliveries SET claimed_until = ? WHERE id = ? AND status = 'pending' "
            + "AND (claimed_until IS NULL OR claimed_until < ?)";
    static final String DELIVERED = "UPDATE webhook_deliveries SET status = 'delivered', attempts = ?, claimed_until = NULL, "
            + "updated_at = ? WHERE id = ?";
    static final String RETRY = "UPDATE webhook_deliveries SET attempts = ?, next_attempt_at = ?, claimed_until = NULL, last_error = ?, "
            + "updated_at = ? WHERE id = ?";
    static final String FAILED = "UPDATE webhook_deliveries SET status = 'failed', attempts = ?, claimed_until = NULL, last_error = ?, "
            + "updated_at = ? WHERE id = ?";
    static final String PURGE = "DELETE FROM webhook_deliveries WHERE status <> 'pending' AND updated_at < ?";
    static final String DELIVERIES = "SELECT id, event, status, attempts, last_error FROM webhook_deliveries WHERE webhook_id = ? "
            + "ORDER BY created_at DESC LIMIT ?";

    private static final RowMapper<Webhook> WEBHOOK = rs -> new Webhook(rs.getString("id"), rs.getString("project_id"),
            rs.getString("env_id"), new SecretPath(rs.getString("secret_path")), rs.getString("url"), rs.getBytes("secret_sealed"),
            rs.getString("webhook_type"), rs.getBoolean("is_disabled"), rs.getString("last_status"), rs.getString("last_error"),
            JdbcDatabase.instant(rs, "last_run_at"), JdbcDatabase.instant(rs, "created_at"), JdbcDatabase.instant(rs, "updated_at"));
    private static final RowMapper<WebhookDelivery> DELIVERY = rs -> new WebhookDelivery(rs.getString("id"),
            rs.getString("webhook_id"), rs.getString("event"), rs.getString("payload"), rs.getInt("attempts"),
            JdbcDatabase.instant(rs, "next_attempt_at"), JdbcDatabase.instant(rs, "created_at"));

    private final JdbcDatabase db;
    private final java.time.Clock clock;

    public JdbcWebhookRepository(JdbcDatabase db, java.time.Clock clock) {
        this.db = Require.nonNull(db, "db");
        this.clock = Require.nonNull(clock, "clock");
    }

    @Override
    public void insert(Webhook w) {
        db.update(INSERT, w.id(), w.projectId(), w.environmentId(), w.path().value(), w.url(), w.sealedSecret(), w.type(),
                w.disabled(), JdbcDatabase.str(w.lastStatus()), JdbcDatabase.str(w.lastError()), JdbcDatabase.ts(w.lastRunAt()),
                w.createdAt(), w.updatedAt());
    }

    @Override
    public Optional<Webhook> findById(String id) {
        return db.queryOne(FIND_BY_ID, WEBHOOK, id);
    }

    @Override
    public List<Webhook> findByProject(String projectId, String environmentId) {
        String env = environmentId == null ? "" : environmentId;
        return db.query(BY_PROJECT, WEBHOOK, projectId, env, env);
    }

    @Override
    public List<Webhook> findEnabled(String environmentId) {
        return db.query(ENABLED, WEBHOOK, environmentId);
    }

    @Override
    public boolean update(Webhook w) {
        return db.update(UPDATE, w.url(), w.path().value(), w.disabled(), w.updatedAt(), w.id()) == 1;
    }

    @Override
    public boolean delete(String id) {
        return db.update(DELETE, id) == 1;
    }

    @Override
    public void recordRun(String webhookId, String status, String error, Instant at) {
        db.update(RECORD_RUN, status, JdbcDatabase.str(error), at, webhookId);
    }

    @Override
    public void enqueue(WebhookDelivery d) {
        db.update(ENQUEUE, d.id(), d.webhookId(), d.event(), d.payload(), d.attempts(), d.nextAttemptAt(), d.createdAt(), d.createdAt());
    }

    @Override
    public List<WebhookDelivery> claimDue(Instant now, Instant claimedUntil, int limit) {
        List<WebhookDelivery> claimed = new ArrayList<>();
        for (WebhookDelivery d : db.query(DUE, DELIVERY, now, now, limit)) {
            if (db.update(CLAIM, claimedUntil, d.id(), now) == 1) {
                claimed.add(d);
            }
        }
        return claimed;
    }

    @Override
    public void markDelivered(String deliveryId, int attempts, Instant at) {
        db.update(DELIVERED, attempts, at, deliveryId);
    }

    @Override
    public void scheduleRetry(String deliveryId, int attempts, Instant next, String error) {
        db.update(RETRY, attempts, next, JdbcDatabase.str(error), clock.instant(), deliveryId);
    }

    @Override
    public void markFailed(String deliveryId, int attempts, String error) {
        db.update(FAILED, attempts, JdbcDatabase.str(error), clock.instant(), deliveryId);
    }

    @Override
    public int purgeFinished(Instant before) {
        return db.update(PURGE, before);
    }

    @Override
    public List<DeliveryStatus> findDeliveries(String webhookId, int limit) {
        return db.query(DELIVERIES, rs -> new DeliveryStatus(rs.getString("id"), rs.getString("event"), rs.getString("status"),
                rs.getInt("attempts"), rs.getString("last_error")), webhookId, limit);
    }
}
