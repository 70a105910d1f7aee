package io.latchkey.server;

import io.latchkey.core.audit.AuditLog;
import io.latchkey.core.authz.AccessControl;
import io.latchkey.core.crypto.RootKey;
import io.latchkey.core.kms.KmsService;
import io.latchkey.core.project.ProjectRepository;
import io.latchkey.core.project.ProjectService;
import io.latchkey.core.secrets.FolderService;
import io.latchkey.core.secrets.ProjectDataKeys;
import io.latchkey.core.secrets.SecretCipher;
import io.latchkey.core.secrets.SecretImportService;
import io.latchkey.core.secrets.SecretOpener;
import io.latchkey.core.secrets.SecretReadService;
import io.latchkey.core.secrets.SecretScopes;
import io.latchkey.core.secrets.SecretService;
import io.latchkey.core.secrets.SecretsAccess;
import io.latchkey.core.webhook.WebhookDispatcher;
import io.latchkey.core.webhook.WebhookSecrets;
import io.latchkey.core.webhook.WebhookService;
import io.latchkey.http.secrets.SecretsDataServices;
import io.latchkey.store.jdbc.JdbcDatabase;
import io.latchkey.store.jdbc.JdbcFolderRepository;
import io.latchkey.store.jdbc.JdbcKmsKeyRepository;
import io.latchkey.store.jdbc.JdbcSecretImportRepository;
import io.latchkey.store.jdbc.JdbcSecretRepository;
import io.latchkey.store.jdbc.JdbcWebhookRepository;

import java.time.Clock;
import java.time.Duration;

/**
 * Wires secrets, folders, imports, KMS and webhooks (the secrets dialect's data half) from the shared
 * foundation: storage, root key, projects, access control, audit. Kept apart from {@link LatchkeyServer} so
 * the dialect's wiring stays in one place.
 *
 * @since 0.1
 */
final class SecretsDataModule {
    /** First webhook retry delay; later ones double (1 s, 2 s, 4 s, 8 s). */
    static final Duration WEBHOOK_RETRY_BASE = Duration.ofSeconds(1);
    /** How often due webhook deliveries are claimed. */
    static final Duration WEBHOOK_POLL = Duration.ofMillis(200);

    private final SecretsDataServices services;
    private final WebhookDispatcher dispatcher;

    private SecretsDataModule(SecretsDataServices services, WebhookDispatcher dispatcher) {
        this.services = services;
        this.dispatcher = dispatcher;
    }

    static SecretsDataModule create(JdbcDatabase db, RootKey rootKey, ProjectRepository projects, ProjectService projectService,
                                    AccessControl access, AuditLog audit, Clock clock) {
        var secrets = new JdbcSecretRepository(db);
        var folders = new JdbcFolderRepository(db);
        var imports = new JdbcSecretImportRepository(db);
        var webhooks = new JdbcWebhookRepository(db, clock);
        ProjectDataKeys dataKeys = new ProjectDataKeys(rootKey);
        SecretScopes scopes = new SecretScopes(projectService, projects, folders, clock);
        SecretsAccess secretsAccess = new SecretsAccess(access);
        SecretCipher cipher = new SecretCipher(dataKeys);
        SecretOpener opener = new SecretOpener(secrets, scopes, secretsAccess, cipher);
        WebhookSecrets webhookSecrets = new WebhookSecrets(dataKeys);
        WebhookDispatcher dispatcher = new WebhookDispatcher(webhooks, projects, webhookSecrets, new JdkWebhookTransport(), clock,
                WEBHOOK_RETRY_BASE);
        WebhookService webhookService = new WebhookService(db, webhooks, scopes, secretsAccess, webhookSecrets, dispatcher, audit, clock);
        SecretsDataServices services = new SecretsDataServices(
                new SecretService(db, secrets, scopes, secretsAccess, cipher, opener, audit, webhookService, clock),
                new SecretReadService(secrets, folders, imports, scopes, secretsAccess, opener),
                new FolderService(db, folders, secrets, imports, scopes, secretsAccess, audit, webhookService, clock),
                new SecretImportService(db, imports, folders, scopes, secretsAccess, audit, clock),
                new KmsService(db, new JdbcKmsKeyRepository(db), scopes, access, dataKeys, audit, clock),
                webhookService);
        return new SecretsDataModule(services, dispatcher);
    }

    SecretsDataServices services() {
        return services;
    }

    /** Claims and starts the webhook deliveries that are due (call periodically). */
    void deliverWebhooks() {
        dispatcher.runDue();
    }
}
