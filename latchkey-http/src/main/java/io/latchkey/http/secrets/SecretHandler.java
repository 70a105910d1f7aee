package io.latchkey.http.secrets;

import io.javalin.http.Context;
import io.latchkey.core.principal.Actor;
import io.latchkey.core.secrets.PlainSecret;
import io.latchkey.core.secrets.SecretChanges;
import io.latchkey.core.secrets.SecretDraft;
import io.latchkey.core.secrets.SecretLocation;
import io.latchkey.core.secrets.SecretPath;
import io.latchkey.core.secrets.SecretService;
import io.latchkey.core.support.Require;
import io.latchkey.http.common.Auth;
import io.latchkey.http.common.JsonBodies;
import io.latchkey.http.common.Requests;
import io.latchkey.http.secrets.SecretsDataDtos.BatchBody;
import io.latchkey.http.secrets.SecretsDataDtos.BatchEntry;
import io.latchkey.http.secrets.SecretsDataDtos.MoveBody;
import io.latchkey.http.secrets.SecretsDataDtos.RollbackBody;
import io.latchkey.http.secrets.SecretsDataDtos.SecretBody;
import io.latchkey.http.secrets.SecretsDataDtos.SecretDto;
import io.latchkey.http.secrets.SecretsDataDtos.SecretListDto;
import io.latchkey.http.secrets.SecretsDataDtos.SecretVersionDto;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Secrets of the secrets dialect (specs/infisical.md section 4): the SDK's {@code /api/v3/secrets/raw} paths
 * and the {@code /api/v4/secrets} paths of seed 003 (same operations, {@code projectId} instead of
 * {@code workspaceId}: both are accepted on both), batches, move, get by id, versions and rollback.
 *
 * <p>Single-secret answers carry an {@code ETag} with the version, which {@code If-Match} on a later write
 * turns into an optimistic-concurrency check (409 on mismatch).
 *
 * @since 0.1
 */
public final class SecretHandler {
    private final SecretsDataServices services;
    private final Auth auth;

    public SecretHandler(SecretsDataServices services, Auth auth) {
        this.services = Require.nonNull(services, "services");
        this.auth = Require.nonNull(auth, "auth");
    }

    /** S1. */
    public void list(Context ctx) {
        Actor actor = actor(ctx);
        SecretLocation location = SecretsDataParams.queryLocation(ctx, "secretPath");
        ctx.json(SecretListDto.of(services.reads().list(actor, location, SecretsDataParams.readOptions(ctx), Requests.meta(ctx))));
    }

    /** S2 (the SDK repeats the name as a {@code secretName} query parameter; the path wins). */
    public void get(Context ctx) {
        Actor actor = actor(ctx);
        SecretLocation location = SecretsDataParams.queryLocation(ctx, "secretPath");
        PlainSecret s = services.reads().get(actor, location, ctx.pathParam("secretName"),
                SecretsDataParams.type(ctx.queryParam("type")), Requests.intQuery(ctx, "version", 1, Integer.MAX_VALUE),
                SecretsDataParams.readOptions(ctx), Requests.meta(ctx));
        single(ctx, s);
    }

    public void getById(Context ctx) {
        PlainSecret s = services.reads().getById(actor(ctx), ctx.pathParam("secretId"), SecretsDataParams.readOptions(ctx),
                Requests.meta(ctx));
        single(ctx, s);
    }

    /** S3. */
    public void create(Context ctx) {
        Actor actor = actor(ctx);
        SecretBody b = JsonBodies.read(ctx, SecretBody.class);
        SecretDraft draft = new SecretDraft(ctx.pathParam("secretName"), b.secretValue(), b.secretComment(),
                SecretsDataParams.type(b.type()), b.skipMultilineEncoding(), b.tagIds(),
                SecretsDataParams.metadata(b.secretMetadata(), b.metadata()), b.secretReminderNote(), b.secretReminderRepeatDays());
        single(ctx, services.secrets().create(actor, location(b), draft, Requests.meta(ctx)));
    }

    /** S4. */
    public void update(Context ctx) {
        Actor actor = actor(ctx);
        SecretBody b = JsonBodies.read(ctx, SecretBody.class);
        SecretChanges changes = new SecretChanges(b.secretValue(), b.newSecretName(), b.secretComment(), b.skipMultilineEncoding(),
                b.tagIds(), SecretsDataParams.metadata(b.secretMetadata(), b.metadata()), b.secretReminderNote(),
                b.secretReminderRepeatDays(), SecretsDataParams.expectedVersion(ctx, b.version()));
        SecretService.Update u = new SecretService.Update(ctx.pathParam("secretName"), SecretsDataParams.type(b.type()), changes);
        single(ctx, services.secrets().update(actor, location(b), u, Requests.meta(ctx)));
    }

    /** S5 (the body of a DELETE carries the location). */
    public void delete(Context ctx) {
        Actor actor = actor(ctx);
        SecretBody b = JsonBodies.read(ctx, SecretBody.class);
        SecretService.Target t = new SecretService.Target(ctx.pathParam("secretName"), SecretsDataParams.type(b.type()),
                SecretsDataParams.expectedVersion(ctx, b.version()));
        ctx.json(Map.of("secret", SecretDto.of(services.secrets().delete(actor, location(b), t, Requests.meta(ctx)))));
    }

    public void createBatch(Context ctx) {
        Actor actor = actor(ctx);
        BatchBody b = JsonBodies.read(ctx, BatchBody.class);
        List<SecretDraft> drafts = entries(b).stream().map(e -> e == null ? null : new SecretDraft(e.secretKey(), e.secretValue(),
                e.secretComment(), SecretsDataParams.type(e.type()), e.skipMultilineEncoding(), e.tagIds(),
                SecretsDataParams.metadata(e.secretMetadata(), e.metadata()), e.secretReminderNote(),
                e.secretReminderRepeatDays())).toList();
        batch(ctx, services.secrets().createAll(actor, location(b), drafts, "secrets", Requests.meta(ctx)));
    }

    public void updateBatch(Context ctx) {
        Actor actor = actor(ctx);
        BatchBody b = JsonBodies.read(ctx, BatchBody.class);
        List<SecretService.Update> updates = entries(b).stream().map(e -> e == null ? null : new SecretService.Update(e.secretKey(),
                SecretsDataParams.type(e.type()), new SecretChanges(e.secretValue(), e.newSecretName(), e.secretComment(),
                e.skipMultilineEncoding(), e.tagIds(), SecretsDataParams.metadata(e.secretMetadata(), e.metadata()),
                e.secretReminderNote(), e.secretReminderRepeatDays(), e.version()))).toList();
        boolean upsert = "upsert".equals(b.mode());
        batch(ctx, services.secrets().updateAll(actor, location(b), updates, upsert, "secrets", Requests.meta(ctx)));
    }

    public void deleteBatch(Context ctx) {
        Actor actor = actor(ctx);
        BatchBody b = JsonBodies.read(ctx, BatchBody.class);
        List<SecretService.Target> targets = entries(b).stream().map(e -> e == null ? null
                : new SecretService.Target(e.secretKey(), SecretsDataParams.type(e.type()), e.version())).toList();
        batch(ctx, services.secrets().deleteAll(actor, location(b), targets, "secrets", Requests.meta(ctx)));
    }

    public void move(Context ctx) {
        Actor actor = actor(ctx);
        MoveBody b = JsonBodies.read(ctx, MoveBody.class);
        SecretLocation source = SecretsDataParams.location(b.workspaceId(), b.projectId(), b.workspaceSlug(), b.projectSlug(),
                b.sourceEnvironment(), b.sourceSecretPath(), "sourceSecretPath");
        SecretService.MoveResult r = services.secrets().move(actor, source, b.destinationEnvironment(),
                SecretPath.parse(b.destinationSecretPath(), "destinationSecretPath"), b.secretIds(),
                Boolean.TRUE.equals(b.shouldOverwrite()), Requests.meta(ctx));
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("isSourceUpdated", r.sourceUpdated());
        out.put("isDestinationUpdated", r.destinationUpdated());
        ctx.json(out);
    }

    public void versions(Context ctx) {
        int offset = SecretsDataParams.integer(ctx, "offset", 0, Integer.MAX_VALUE, 0);
        int limit = SecretsDataParams.integer(ctx, "limit", 1, 100, 20);
        List<PlainSecret> list = services.reads().versions(actor(ctx), ctx.pathParam("secretId"), offset, limit,
                SecretsDataParams.bool(ctx, "viewSecretValue", true), Requests.meta(ctx));
        ctx.json(Map.of("secretVersions", list.stream().map(SecretVersionDto::of).toList()));
    }

    public void version(Context ctx) {
        int v = parseVersion(ctx.pathParam("version"));
        PlainSecret p = services.reads().version(actor(ctx), ctx.pathParam("secretId"), v,
                SecretsDataParams.bool(ctx, "viewSecretValue", true), Requests.meta(ctx));
        ctx.json(Map.of("secretVersion", SecretVersionDto.of(p)));
    }

    public void rollback(Context ctx) {
        RollbackBody b = JsonBodies.read(ctx, RollbackBody.class);
        if (b.version() == null) {
            throw io.latchkey.core.error.LatchkeyException.missingField("version");
        }
        single(ctx, services.secrets().rollback(actor(ctx), ctx.pathParam("secretId"), b.version(), Requests.meta(ctx)));
    }

    private Actor actor(Context ctx) {
        return auth.actor(ctx, SecretsDataParams.CALLERS);
    }

    private static SecretLocation location(SecretBody b) {
        return SecretsDataParams.location(b.workspaceId(), b.projectId(), b.workspaceSlug(), b.projectSlug(), b.environment(),
                b.secretPath(), "secretPath");
    }

    private static SecretLocation location(BatchBody b) {
        return SecretsDataParams.location(b.workspaceId(), b.projectId(), b.workspaceSlug(), b.projectSlug(), b.environment(),
                b.secretPath(), "secretPath");
    }

    private static List<BatchEntry> entries(BatchBody b) {
        return b.secrets() == null ? List.of() : b.secrets();
    }

    private static void single(Context ctx, PlainSecret s) {
        ctx.header("ETag", "\"" + s.secret().version() + "\"");
        ctx.header("Cache-Control", "no-store");
        ctx.json(Map.of("secret", SecretDto.of(s)));
    }

    private static void batch(Context ctx, List<PlainSecret> list) {
        ctx.header("Cache-Control", "no-store");
        ctx.json(Map.of("secrets", SecretDto.of(list)));
    }

    private static int parseVersion(String v) {
        try {
            int n = Integer.parseInt(v);
            if (n >= 1) {
                return n;
            }
        } catch (NumberFormatException e) {
            // fall through
        }
        throw io.latchkey.core.error.LatchkeyException.invalidField("version", "version must be a positive integer");
    }
}
