package io.latchkey.core.webhook;

import java.time.Instant;

/**
 * One payload to deliver to one webhook, written in the transaction of the change it reports (an outbox),
 * so a committed change is always delivered and a rolled-back one never is. The payload holds names and
 * versions, never values.
 *
 * @param attempts how many times delivery was tried
 * @since 0.1
 */
public record WebhookDelivery(String id, String webhookId, String event, String payload, int attempts, Instant nextAttemptAt,
                              Instant createdAt) {
}
