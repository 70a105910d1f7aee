package io.latchkey.core.webhook;

import io.latchkey.core.project.Project;
import io.latchkey.core.project.ProjectRepository;
import io.latchkey.core.support.Require;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

/**
 * Delivers queued webhook payloads: claims due deliveries (so that several nodes never send one twice at
 * once), signs each body ({@link WebhookSignature}) and POSTs it without waiting; the answer schedules the
 * next step. A 2xx is delivered; anything else, or no answer within {@link #TIMEOUT}, is retried with
 * exponential backoff ({@code base}, 2 x base, 4 x base, ...) until {@link #MAX_ATTEMPTS} attempts, then
 * the delivery is failed and the webhook shows the last error.
 *
 * <p>{@link #runDue} is meant to be called periodically from one scheduler thread; it only claims and starts
 * sends, so a slow receiver never holds it up. A node that dies mid-delivery leaves a claim that expires
 * after {@link #CLAIM}; the delivery is then retried (receivers should de-duplicate on
 * {@code X-Latchkey-Delivery}).
 *
 * <p>Security: errors recorded on the webhook are an HTTP status or an exception class, never a response
 * body; payloads never contain values. Webhook URLs may point anywhere the server can reach, including
 * internal addresses: only grant {@code secrets:CreateWebhook} to principals trusted with that.
 *
 * @since 0.1
 */
public final class WebhookDispatcher {
    public static final int MAX_ATTEMPTS = 5;
    static final Duration TIMEOUT = Duration.ofSeconds(5);
    static final Duration CLAIM = Duration.ofSeconds(60);
    static final int BATCH = 20;
    /** Finished deliveries are kept this long for operators, then purged. */
    static final Duration RETENTION = Duration.ofDays(7);
    static final Duration PURGE_EVERY = Duration.ofHours(1);
    private static final System.Logger LOG = System.getLogger(WebhookDispatcher.class.getName());

    private final WebhookRepository webhooks;
    private final ProjectRepository projects;
    private final WebhookSecrets secrets;
    private final WebhookTransport transport;
    private final Clock clock;
    private final Duration base;
    private volatile Instant lastPurge = Instant.EPOCH;

    /** @param base the first retry delay; later ones double */
    public WebhookDispatcher(WebhookRepository webhooks, ProjectRepository projects, WebhookSecrets secrets,
                             WebhookTransport transport, Clock clock, Duration base) {
        this.webhooks = Require.nonNull(webhooks, "webhooks");
        this.projects = Require.nonNull(projects, "projects");
        this.secrets = Require.nonNull(secrets, "secrets");
        this.transport = Require.nonNull(transport, "transport");
        this.clock = Require.nonNull(clock, "clock");
        this.base = Require.nonNull(base, "base");
    }

    /** Claims the deliveries that are due and starts sending them; purges old finished ones hourly. */
    public void runDue() {
        Instant now = clock.instant();
        if (lastPurge.plus(PURGE_EVERY).isBefore(now)) {
            lastPurge = now;
            webhooks.purgeFinished(now.minus(RETENTION));
        }
        List<WebhookDelivery> due = webhooks.claimDue(now, now.plus(CLAIM), BATCH);
        for (WebhookDelivery d : due) {
            try {
                start(d);
            } catch (RuntimeException e) {
                LOG.log(System.Logger.Level.WARNING, "webhook delivery {0} could not start: {1}", d.id(), e.getClass().getSimpleName());
                settle(d, null, e);
            }
        }
    }

    private void start(WebhookDelivery d) {
        Optional<Webhook> w = webhooks.findById(d.webhookId());
        Optional<Project> p = w.flatMap(x -> projects.findById(x.projectId()));
        if (w.isEmpty() || p.isEmpty() || w.get().disabled()) {
            webhooks.markFailed(d.id(), d.attempts(), w.isEmpty() ? "webhook deleted" : "webhook disabled");
            return;
        }
        send(p.get(), w.get(), d.id(), d.event(), d.payload()).whenComplete((status, error) -> settle(d, status, error));
    }

    /** Signs and sends one body now; completes with the HTTP status. */
    public CompletableFuture<Integer> send(Project project, Webhook webhook, String deliveryId, String event, String body) {
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("Content-Type", "application/json");
        headers.put("User-Agent", "Latchkey-Webhooks/0.1");
        headers.put("X-Latchkey-Event", event);
        headers.put("X-Latchkey-Delivery", deliveryId);
        headers.put(WebhookSignature.HEADER, WebhookSignature.header(secrets.open(project, webhook),
                clock.instant().getEpochSecond(), body));
        return transport.post(webhook.url(), headers, body, TIMEOUT);
    }

    /** Describes a failed attempt without echoing anything the receiver sent. */
    static String describe(Integer status, Throwable error) {
        if (error != null) {
            Throwable t = error instanceof java.util.concurrent.CompletionException && error.getCause() != null ? error.getCause() : error;
            return "request failed: " + t.getClass().getSimpleName();
        }
        return "HTTP " + status;
    }

    static boolean succeeded(Integer status, Throwable error) {
        return error == null && status != null && status >= 200 && status < 300;
    }

    private void settle(WebhookDelivery d, Integer status, Throwable error) {
        try {
            Instant now = clock.instant();
            int attempts = d.attempts() + 1;
            if (succeeded(status, error)) {
                webhooks.markDelivered(d.id(), attempts, now);
                webhooks.recordRun(d.webhookId(), "success", null, now);
                return;
            }
            String why = describe(status, error);
            if (attempts >= MAX_ATTEMPTS) {
                webhooks.markFailed(d.id(), attempts, why);
            } else {
                webhooks.scheduleRetry(d.id(), attempts, now.plus(base.multipliedBy(1L << (attempts - 1))), why);
            }
            webhooks.recordRun(d.webhookId(), "failed", why, now);
        } catch (RuntimeException e) {
            // The claim expires and the delivery is tried again: better twice than never.
            LOG.log(System.Logger.Level.WARNING, "webhook delivery {0}: outcome not recorded ({1})", d.id(), e.getClass().getSimpleName());
        }
    }
}
