package io.latchkey.core.webhook;

import io.latchkey.core.audit.AuditLog;
import io.latchkey.core.audit.AuditOutcome;
import io.latchkey.core.audit.AuditRecord;
import io.latchkey.core.error.ErrorCode;
import io.latchkey.core.error.LatchkeyException;
import io.latchkey.core.principal.Actor;
import io.latchkey.core.principal.RequestMeta;
import io.latchkey.core.project.Environment;
import io.latchkey.core.project.Project;
import io.latchkey.core.secrets.SecretChange;
import io.latchkey.core.secrets.SecretChangeSink;
import io.latchkey.core.secrets.SecretLocation;
import io.latchkey.core.secrets.SecretPath;
import io.latchkey.core.secrets.SecretScope;
import io.latchkey.core.secrets.SecretScopes;
import io.latchkey.core.secrets.SecretsAccess;
import io.latchkey.core.support.Ids;
import io.latchkey.core.support.Require;
import io.latchkey.core.tx.Transactions;

import java.net.URI;
import java.net.URISyntaxException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Webhooks on secret changes (seed 003, {@code /api/v1/webhooks}): create, list, update, delete, test, and
 * the {@link SecretChangeSink} that queues a delivery for every enabled webhook whose folder contains the
 * changed secrets (the webhook's path and everything below it).
 *
 * <p>The signing secret is generated (or taken from the request) at creation, returned in that response
 * only, and stored sealed ({@link WebhookSecrets}). Actions ask about
 * {@code ari:secrets::<projectId>:webhook/<env><path>}.
 *
 * @since 0.1
 */
public final class WebhookService implements SecretChangeSink {
    public static final int MAX_URL = 2048;
    public static final int MIN_SECRET = 16;
    private static final SecureRandom RANDOM = new SecureRandom();

    private final Transactions transactions;
    private final WebhookRepository webhooks;
    private final SecretScopes scopes;
    private final SecretsAccess access;
    private final WebhookSecrets secrets;
    private final WebhookDispatcher dispatcher;
    private final AuditLog audit;
    private final Clock clock;

    /** A new webhook and its signing secret, which is shown this once. */
    public record Created(WebhookView view, String signingSecret) {
        @Override
        public String toString() {
            return "Created[" + view.webhook() + ", signingSecret=***]";
        }
    }

    public WebhookService(Transactions transactions, WebhookRepository webhooks, SecretScopes scopes, SecretsAccess access,
                          WebhookSecrets secrets, WebhookDispatcher dispatcher, AuditLog audit, Clock clock) {
        this.transactions = Require.nonNull(transactions, "transactions");
        this.webhooks = Require.nonNull(webhooks, "webhooks");
        this.scopes = Require.nonNull(scopes, "scopes");
        this.access = Require.nonNull(access, "access");
        this.secrets = Require.nonNull(secrets, "secrets");
        this.dispatcher = Require.nonNull(dispatcher, "dispatcher");
        this.audit = Require.nonNull(audit, "audit");
        this.clock = Require.nonNull(clock, "clock");
    }

    /** @param signingSecret the client's own secret, or null to generate one */
    public Created create(Actor actor, SecretLocation location, String url, String signingSecret, String type, RequestMeta meta) {
        String target = url(url);
        String secret = signingSecret == null || signingSecret.isEmpty() ? generateSecret() : checkSecret(signingSecret);
        String kind = type == null ? "general" : type;
        if (!List.of("general", "slack", "microsoft-teams").contains(kind)) {
            throw LatchkeyException.invalidField("type", "type must be general, slack or microsoft-teams");
        }
        SecretScope scope = scopes.resolveEnvironment(actor, location, true);
        access.require(actor, scope.project(), SecretsAccess.CREATE_WEBHOOK, ari(scope.project(), scope.environment(), scope.path()), meta);
        Instant now = clock.instant();
        String id = Ids.uuid();
        Webhook w = new Webhook(id, scope.project().id(), scope.environment().id(), scope.path(), target,
                secrets.seal(scope.project(), id, secret), kind, false, null, null, null, now, now);
        transactions.run(() -> {
            webhooks.insert(w);
            record("webhook.create", actor, scope.project(), w, meta);
        });
        return new Created(new WebhookView(w, scope.environment()), secret);
    }

    /** The project's webhooks the actor may list, optionally of one environment. */
    public List<WebhookView> list(Actor actor, String projectId, String projectSlug, String environment, RequestMeta meta) {
        Project project = scopes.project(actor, projectId, projectSlug, false);
        String envId = environment == null || environment.isBlank() ? null : scopes.environment(project, environment, false).id();
        return webhooks.findByProject(project.id(), envId).stream()
                .map(w -> new WebhookView(w, scopes.environmentById(project, w.environmentId())))
                .filter(v -> access.allowed(actor, project, SecretsAccess.LIST_WEBHOOKS, ari(project, v.environment(), v.webhook().path()), meta))
                .toList();
    }

    /** Absent members stay unchanged. */
    public WebhookView update(Actor actor, String webhookId, Boolean disabled, String url, SecretPath path, RequestMeta meta) {
        WebhookView v = authorized(actor, webhookId, SecretsAccess.UPDATE_WEBHOOK, meta);
        Webhook w = v.webhook();
        Project project = scopes.project(actor, w.projectId(), null, true);
        Webhook updated = w.with(url == null ? w.url() : url(url), path == null ? w.path() : path,
                disabled == null ? w.disabled() : disabled, clock.instant());
        transactions.run(() -> {
            webhooks.update(updated);
            record("webhook.update", actor, project, updated, meta);
        });
        return new WebhookView(updated, v.environment());
    }

    public WebhookView delete(Actor actor, String webhookId, RequestMeta meta) {
        WebhookView v = authorized(actor, webhookId, SecretsAccess.DELETE_WEBHOOK, meta);
        Project project = scopes.project(actor, v.webhook().projectId(), null, true);
        transactions.run(() -> {
            webhooks.delete(v.webhook().id());
            record("webhook.delete", actor, project, v.webhook(), meta);
        });
        return v;
    }

    /** Sends a signed {@code test} event now and records the outcome on the webhook. */
    public WebhookView test(Actor actor, String webhookId, RequestMeta meta) {
        WebhookView v = authorized(actor, webhookId, SecretsAccess.TEST_WEBHOOK, meta);
        Webhook w = v.webhook();
        Project project = scopes.project(actor, w.projectId(), null, false);
        String body = WebhookPayloads.test(project.id(), v.environment().slug(), w.path(), clock.instant());
        Integer status = null;
        Throwable error = null;
        try {
            status = dispatcher.send(project, w, Ids.uuid(), WebhookPayloads.TEST, body)
                    .get(WebhookDispatcher.TIMEOUT.toMillis() + 1000, TimeUnit.MILLISECONDS);
        } catch (ExecutionException | TimeoutException e) {
            error = e;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            error = e;
        }
        boolean ok = WebhookDispatcher.succeeded(status, error);
        Instant now = clock.instant();
        String why = ok ? null : WebhookDispatcher.describe(status, error);
        webhooks.recordRun(w.id(), ok ? "success" : "failed", why, now);
        return new WebhookView(webhooks.findById(w.id()).orElse(w), v.environment());
    }

    /** Queues deliveries for the enabled webhooks of the scope's environment whose folder contains the scope. */
    @Override
    public void changed(SecretScope scope, List<SecretChange> changes) {
        if (changes.isEmpty()) {
            return;
        }
        Instant now = clock.instant();
        for (Webhook w : webhooks.findEnabled(scope.environment().id())) {
            if (scope.path().isWithin(w.path()) && "general".equals(w.type())) {
                String body = WebhookPayloads.modified(scope.project().id(), scope.environmentSlug(), scope.path(), changes, now);
                webhooks.enqueue(new WebhookDelivery(Ids.uuid(), w.id(), WebhookPayloads.MODIFIED, body, 0, now, now));
            }
        }
    }

    private WebhookView authorized(Actor actor, String webhookId, String action, RequestMeta meta) {
        Webhook w = webhooks.findById(webhookId == null ? "" : webhookId)
                .orElseThrow(() -> LatchkeyException.notFound("webhook", webhookId));
        Project project = scopes.projectOf(actor, w.projectId(), false, "webhook", webhookId);
        Environment env = scopes.environmentById(project, w.environmentId());
        access.require(actor, project, action, ari(project, env, w.path()), meta);
        return new WebhookView(w, env);
    }

    private static String ari(Project project, Environment env, SecretPath path) {
        return SecretsAccess.webhookAri(project.id(), env.slug(), path);
    }

    private static String url(String url) {
        if (url == null || url.isBlank()) {
            throw LatchkeyException.missingField("webhookUrl");
        }
        try {
            URI u = new URI(url.trim());
            String scheme = u.getScheme() == null ? "" : u.getScheme().toLowerCase(Locale.ROOT);
            if (url.length() > MAX_URL || !(scheme.equals("http") || scheme.equals("https")) || u.getHost() == null) {
                throw LatchkeyException.invalidField("webhookUrl", "webhookUrl must be an absolute http or https URL of at most "
                        + MAX_URL + " characters");
            }
            return u.toString();
        } catch (URISyntaxException e) {
            throw LatchkeyException.invalidField("webhookUrl", "webhookUrl must be an absolute http or https URL");
        }
    }

    private static String checkSecret(String secret) {
        if (secret.length() < MIN_SECRET || secret.length() > 256) {
            throw LatchkeyException.field(ErrorCode.INVALID_FIELD, "webhookSecretKey",
                    "webhookSecretKey must be " + MIN_SECRET + " to 256 characters");
        }
        return secret;
    }

    private static String generateSecret() {
        byte[] b = new byte[32];
        RANDOM.nextBytes(b);
        return "whsec_" + Base64.getUrlEncoder().withoutPadding().encodeToString(b);
    }

    /** INVARIANT: audit details never contain the signing secret (nor the URL, which may embed a token). */
    private void record(String action, Actor actor, Project project, Webhook w, RequestMeta meta) {
        audit.record(AuditRecord.builder(action, AuditOutcome.SUCCESS).actor(actor).meta(meta).org(project.orgId())
                .project(project.id()).target("webhook", w.id()).detail("secretPath", w.path().value()));
    }
}
