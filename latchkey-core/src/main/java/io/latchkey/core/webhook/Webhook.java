package io.latchkey.core.webhook;

import io.latchkey.core.secrets.SecretPath;

import java.time.Instant;

/**
 * A webhook on secret changes of one environment, at a folder and below it. Its signing secret is sealed
 * with the project's data key (context {@code webhook-secret:<projectId>:<webhookId>}): the dispatcher must
 * recover it to sign, so it cannot be a one-way hash.
 *
 * @param type {@code general} (the only kind delivered as signed JSON; others are stored for compatibility)
 * @param lastStatus {@code success} or {@code failed} after the last attempt, null before any
 * @param lastError why the last attempt failed (a status or an error class, never a response body)
 * @since 0.1
 */
public record Webhook(String id, String projectId, String environmentId, SecretPath path, String url, byte[] sealedSecret,
                      String type, boolean disabled, String lastStatus, String lastError, Instant lastRunAt,
                      Instant createdAt, Instant updatedAt) {

    public Webhook with(String newUrl, SecretPath newPath, boolean newDisabled, Instant now) {
        return new Webhook(id, projectId, environmentId, newPath, newUrl, sealedSecret, type, newDisabled, lastStatus, lastError,
                lastRunAt, createdAt, now);
    }

    @Override
    public String toString() {
        return "Webhook[id=" + id + ", path=" + path + "]";
    }
}
