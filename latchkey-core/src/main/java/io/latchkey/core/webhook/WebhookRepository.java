package io.latchkey.core.webhook;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Port: webhooks and their delivery queue.
 *
 * @since 0.1
 */
public interface WebhookRepository {

    void insert(Webhook webhook);

    Optional<Webhook> findById(String id);

    /** Webhooks of a project, optionally of one environment, ordered by creation. */
    List<Webhook> findByProject(String projectId, String environmentId);

    /** Enabled webhooks of an environment. */
    List<Webhook> findEnabled(String environmentId);

    /** Writes url, path, disabled flag and update time. */
    boolean update(Webhook webhook);

    boolean delete(String id);

    /** Records the outcome of the last attempt on the webhook. */
    void recordRun(String webhookId, String status, String error, Instant at);

    void enqueue(WebhookDelivery delivery);

    /**
     * Claims up to {@code limit} pending deliveries due at {@code now} until {@code claimedUntil}; a delivery
     * claimed by one node is not claimed by another until the claim expires.
     */
    List<WebhookDelivery> claimDue(Instant now, Instant claimedUntil, int limit);

    void markDelivered(String deliveryId, int attempts, Instant at);

    void scheduleRetry(String deliveryId, int attempts, Instant next, String error);

    void markFailed(String deliveryId, int attempts, String error);

    /** Deletes delivered and failed deliveries last touched before {@code before}; returns how many. */
    int purgeFinished(Instant before);

    /** The deliveries of a webhook, newest first (for operators and tests). */
    List<DeliveryStatus> findDeliveries(String webhookId, int limit);

    /** Where one delivery stands. */
    record DeliveryStatus(String id, String event, String status, int attempts, String lastError) {
    }
}
