package io.latchkey.http.secrets;

import io.javalin.http.Context;
import io.latchkey.core.principal.Actor;
import io.latchkey.core.secrets.FolderView;
import io.latchkey.core.secrets.SecretLocation;
import io.latchkey.core.support.Require;
import io.latchkey.http.common.Auth;
import io.latchkey.http.common.JsonBodies;
import io.latchkey.http.common.Requests;
import io.latchkey.http.secrets.SecretsDataDtos.FolderBody;
import io.latchkey.http.secrets.SecretsDataDtos.FolderDto;

import java.util.List;
import java.util.Map;

/**
 * Folders (specs/infisical.md section 5, F1-F5) under {@code /api/v1/folders} and the {@code /api/v2/folders}
 * paths of seed 003, including its batch update.
 *
 * @since 0.1
 */
public final class FolderHandler {
    private final SecretsDataServices services;
    private final Auth auth;

    /** The v2 batch update body (seed 003): one entry per folder, each with its own location. */
    public record BatchFolderBody(String workspaceId, String projectId, String projectSlug, List<BatchFolder> folders) {
    }

    public record BatchFolder(String id, String environment, String name, String path, String description) {
    }

    public FolderHandler(SecretsDataServices services, Auth auth) {
        this.services = Require.nonNull(services, "services");
        this.auth = Require.nonNull(auth, "auth");
    }

    /** F1: idempotent, creates missing parents. */
    public void create(Context ctx) {
        Actor actor = actor(ctx);
        FolderBody b = JsonBodies.read(ctx, FolderBody.class);
        FolderView v = services.folders().create(actor, location(b), b.name(), b.description(), Requests.meta(ctx));
        ctx.json(Map.of("folder", FolderDto.of(v)));
    }

    /** F2. */
    public void list(Context ctx) {
        Actor actor = actor(ctx);
        SecretLocation location = SecretsDataParams.queryLocation(ctx, "path");
        List<FolderView> list = services.folders().list(actor, location, SecretsDataParams.bool(ctx, "recursive", false),
                Requests.meta(ctx));
        ctx.json(Map.of("folders", list.stream().map(FolderDto::of).toList()));
    }

    /** F5. */
    public void get(Context ctx) {
        ctx.json(Map.of("folder", FolderDto.of(services.folders().get(actor(ctx), ctx.pathParam("folderId"), Requests.meta(ctx)))));
    }

    /** F3: {@code path} is the folder's parent. */
    public void update(Context ctx) {
        Actor actor = actor(ctx);
        FolderBody b = JsonBodies.read(ctx, FolderBody.class);
        FolderView v = services.folders().update(actor, location(b), ctx.pathParam("folderId"), b.name(), b.description(),
                Requests.meta(ctx));
        ctx.json(Map.of("folder", FolderDto.of(v)));
    }

    /** F4: by id, or by name below {@code path}. */
    public void delete(Context ctx) {
        Actor actor = actor(ctx);
        FolderBody b = JsonBodies.read(ctx, FolderBody.class);
        FolderView v = services.folders().delete(actor, location(b), ctx.pathParam("folderId"), Requests.meta(ctx));
        ctx.json(Map.of("folder", FolderDto.of(v)));
    }

    /** Seed 003 {@code PATCH /api/v2/folders/batch}: renames several folders, each by id. */
    public void updateBatch(Context ctx) {
        Actor actor = actor(ctx);
        BatchFolderBody b = JsonBodies.read(ctx, BatchFolderBody.class);
        if (b.folders() == null || b.folders().isEmpty()) {
            throw io.latchkey.core.error.LatchkeyException.missingField("folders");
        }
        List<FolderDto> out = new java.util.ArrayList<>();
        for (BatchFolder f : b.folders()) {
            SecretLocation loc = SecretsDataParams.location(b.workspaceId(), b.projectId(), null, b.projectSlug(), f.environment(),
                    f.path(), "folders.path");
            out.add(FolderDto.of(services.folders().update(actor, loc, f.id(), f.name(), f.description(), Requests.meta(ctx))));
        }
        ctx.json(Map.of("folders", out));
    }

    private Actor actor(Context ctx) {
        return auth.actor(ctx, SecretsDataParams.CALLERS);
    }

    private static SecretLocation location(FolderBody b) {
        return SecretsDataParams.location(b.workspaceId(), b.projectId(), b.workspaceSlug(), b.projectSlug(), b.environment(),
                SecretsDataParams.first(b.path(), b.directory()), "path");
    }
}
