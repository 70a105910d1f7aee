package io.latchkey.http.secrets;

import io.javalin.http.Context;
import io.latchkey.core.principal.Actor;
import io.latchkey.core.secrets.SecretPath;
import io.latchkey.core.support.Require;
import io.latchkey.core.webhook.WebhookService;
import io.latchkey.core.webhook.WebhookView;
import io.latchkey.http.common.Auth;
import io.latchkey.http.common.JsonBodies;
import io.latchkey.http.common.Requests;
import io.latchkey.http.secrets.SecretsDataDtos.WebhookBody;
import io.latchkey.http.secrets.SecretsDataDtos.WebhookDto;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Webhooks on secret changes (seed 003, {@code /api/v1/webhooks}): create (the answer carries the signing
 * secret, this once), list, update, delete, test.
 *
 * @since 0.1
 */
public final class WebhookHandler {
    private final SecretsDataServices services;
    private final Auth auth;

    public WebhookHandler(SecretsDataServices services, Auth auth) {
        this.services = Require.nonNull(services, "services");
        this.auth = Require.nonNull(auth, "auth");
    }

    public void create(Context ctx) {
        Actor actor = actor(ctx);
        WebhookBody b = JsonBodies.read(ctx, WebhookBody.class);
        WebhookService.Created c = services.webhooks().create(actor, SecretsDataParams.location(b.workspaceId(), b.projectId(),
                b.workspaceSlug(), b.projectSlug(), b.environment(), b.secretPath(), "secretPath"), b.webhookUrl(),
                b.webhookSecretKey(), b.type(), Requests.meta(ctx));
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("message", "Successfully created webhook");
        out.put("webhook", WebhookDto.of(c.view()));
        out.put("signingSecret", c.signingSecret());
        ctx.header("Cache-Control", "no-store");
        ctx.json(out);
    }

    public void list(Context ctx) {
        Actor actor = actor(ctx);
        var list = services.webhooks().list(actor, SecretsDataParams.first(ctx.queryParam("workspaceId"), ctx.queryParam("projectId")),
                SecretsDataParams.first(ctx.queryParam("workspaceSlug"), ctx.queryParam("projectSlug")),
                ctx.queryParam("environment"), Requests.meta(ctx));
        ctx.json(Map.of("webhooks", list.stream().map(WebhookDto::of).toList()));
    }

    public void update(Context ctx) {
        Actor actor = actor(ctx);
        WebhookBody b = JsonBodies.read(ctx, WebhookBody.class);
        WebhookView v = services.webhooks().update(actor, ctx.pathParam("webhookId"), b.isDisabled(), b.webhookUrl(),
                b.secretPath() == null ? null : SecretPath.parse(b.secretPath(), "secretPath"), Requests.meta(ctx));
        ctx.json(Map.of("message", "Successfully updated webhook", "webhook", WebhookDto.of(v)));
    }

    public void delete(Context ctx) {
        WebhookView v = services.webhooks().delete(actor(ctx), ctx.pathParam("webhookId"), Requests.meta(ctx));
        ctx.json(Map.of("message", "Successfully deleted webhook", "webhook", WebhookDto.of(v)));
    }

    public void test(Context ctx) {
        WebhookView v = services.webhooks().test(actor(ctx), ctx.pathParam("webhookId"), Requests.meta(ctx));
        ctx.json(Map.of("message", "Successfully tested webhook", "webhook", WebhookDto.of(v)));
    }

    private Actor actor(Context ctx) {
        return auth.actor(ctx, SecretsDataParams.CALLERS);
    }
}
