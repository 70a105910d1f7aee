package io.latchkey.core.webhook;

import io.latchkey.core.project.Project;
import io.latchkey.core.secrets.ProjectDataKeys;
import io.latchkey.core.support.Require;

import java.nio.charset.StandardCharsets;

/**
 * Seals and opens webhook signing secrets with the project's data key. The HMAC key is the UTF-8 bytes of
 * the secret string exactly as shown to the user at creation.
 *
 * @since 0.1
 */
public final class WebhookSecrets {
    private final ProjectDataKeys keys;

    public WebhookSecrets(ProjectDataKeys keys) {
        this.keys = Require.nonNull(keys, "keys");
    }

    public byte[] seal(Project project, String webhookId, String secret) {
        return keys.seal(project, secret.getBytes(StandardCharsets.UTF_8), context(project.id(), webhookId));
    }

    /** The HMAC key of a webhook. */
    public byte[] open(Project project, Webhook webhook) {
        return keys.open(project, webhook.sealedSecret(), context(project.id(), webhook.id()));
    }

    private static String context(String projectId, String webhookId) {
        return "webhook-secret:" + projectId + ":" + webhookId;
    }
}
