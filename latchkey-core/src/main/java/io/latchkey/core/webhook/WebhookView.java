package io.latchkey.core.webhook;

import io.latchkey.core.project.Environment;

/**
 * A webhook with its environment, for responses.
 *
 * @since 0.1
 */
public record WebhookView(Webhook webhook, Environment environment) {
}
