package io.latchkey.http.secrets;

import io.latchkey.core.kms.KmsService;
import io.latchkey.core.secrets.FolderService;
import io.latchkey.core.secrets.SecretImportService;
import io.latchkey.core.secrets.SecretReadService;
import io.latchkey.core.secrets.SecretService;
import io.latchkey.core.webhook.WebhookService;

/**
 * The core services behind the secrets dialect's secrets, folders, imports, KMS and webhooks.
 *
 * @since 0.1
 */
public record SecretsDataServices(SecretService secrets, SecretReadService reads, FolderService folders,
                                  SecretImportService imports, KmsService kms, WebhookService webhooks) {
}
