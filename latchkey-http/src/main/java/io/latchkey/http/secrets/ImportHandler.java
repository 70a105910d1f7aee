package io.latchkey.http.secrets;

import io.javalin.http.Context;
import io.latchkey.core.error.LatchkeyException;
import io.latchkey.core.principal.Actor;
import io.latchkey.core.secrets.SecretImportView;
import io.latchkey.core.secrets.SecretLocation;
import io.latchkey.core.secrets.SecretPath;
import io.latchkey.core.support.Require;
import io.latchkey.http.common.Auth;
import io.latchkey.http.common.JsonBodies;
import io.latchkey.http.common.Requests;
import io.latchkey.http.secrets.SecretsDataDtos.ImportBody;
import io.latchkey.http.secrets.SecretsDataDtos.ImportSource;
import io.latchkey.http.secrets.SecretsDataDtos.ImportedDto;
import io.latchkey.http.secrets.SecretsDataDtos.SecretImportDto;

import java.util.Map;

/**
 * Secret imports under {@code /api/v1/secret-imports} and the {@code /api/v2/secret-imports} paths of seed
 * 003: create, list, get, update (source and position), delete, and the secrets the imports bring.
 *
 * @since 0.1
 */
public final class ImportHandler {
    private final SecretsDataServices services;
    private final Auth auth;

    public ImportHandler(SecretsDataServices services, Auth auth) {
        this.services = Require.nonNull(services, "services");
        this.auth = Require.nonNull(auth, "auth");
    }

    public void create(Context ctx) {
        Actor actor = actor(ctx);
        ImportBody b = JsonBodies.read(ctx, ImportBody.class);
        ImportSource src = b.source();
        if (src == null) {
            throw LatchkeyException.missingField("import");
        }
        if (src.environment() == null || src.environment().isBlank()) {
            throw LatchkeyException.missingField("import.environment");
        }
        SecretImportView v = services.imports().create(actor, location(b), src.environment(),
                SecretPath.parse(src.path(), "import.path"), Boolean.TRUE.equals(b.isReplication()), Requests.meta(ctx));
        ctx.json(Map.of("message", "Successfully created secret import", "secretImport", SecretImportDto.of(v)));
    }

    public void list(Context ctx) {
        Actor actor = actor(ctx);
        SecretLocation location = SecretsDataParams.queryLocation(ctx, "path");
        ctx.json(Map.of("secretImports", services.imports().list(actor, location, Requests.meta(ctx)).stream()
                .map(SecretImportDto::of).toList()));
    }

    public void get(Context ctx) {
        SecretImportView v = services.imports().get(actor(ctx), ctx.pathParam("secretImportId"), Requests.meta(ctx));
        ctx.json(Map.of("secretImport", SecretImportDto.of(v)));
    }

    public void update(Context ctx) {
        Actor actor = actor(ctx);
        ImportBody b = JsonBodies.read(ctx, ImportBody.class);
        ImportSource src = b.source() == null ? new ImportSource(null, null, null) : b.source();
        SecretImportView v = services.imports().update(actor, ctx.pathParam("secretImportId"), src.environment(),
                src.path() == null ? null : SecretPath.parse(src.path(), "import.path"), src.position(), Requests.meta(ctx));
        ctx.json(Map.of("message", "Successfully updated secret import", "secretImport", SecretImportDto.of(v)));
    }

    public void delete(Context ctx) {
        SecretImportView v = services.imports().delete(actor(ctx), ctx.pathParam("secretImportId"), Requests.meta(ctx));
        ctx.json(Map.of("message", "Successfully deleted secret import", "secretImport", SecretImportDto.of(v)));
    }

    /** The secrets each import of a place brings (values, expansion and visibility as in S1). */
    public void secrets(Context ctx) {
        Actor actor = actor(ctx);
        SecretLocation location = SecretsDataParams.queryLocation(ctx, "path");
        ctx.header("Cache-Control", "no-store");
        ctx.json(Map.of("secrets", ImportedDto.of(services.reads().imported(actor, location, SecretsDataParams.readOptions(ctx),
                Requests.meta(ctx)))));
    }

    private Actor actor(Context ctx) {
        return auth.actor(ctx, SecretsDataParams.CALLERS);
    }

    private static SecretLocation location(ImportBody b) {
        return SecretsDataParams.location(b.workspaceId(), b.projectId(), b.workspaceSlug(), b.projectSlug(), b.environment(),
                b.path(), "path");
    }
}
