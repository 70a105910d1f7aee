package io.latchkey.http.secrets;

import io.javalin.config.RoutesConfig;
import io.latchkey.core.support.Require;
import io.latchkey.http.HttpServices;
import io.latchkey.http.common.Auth;
import io.latchkey.http.common.RouteGroup;

/**
 * Routes of the secrets dialect for secrets, versions, folders, imports, KMS keys and webhooks
 * (specs/infisical.md sections 4, 5 and 8; seed 003 for the v4 secrets, v2 folders, secret-imports and
 * webhooks paths). Identities, universal auth, workspaces, environments and memberships are another group.
 *
 * <p>INVARIANT: literal paths ({@code batch}, {@code move}, {@code id/...}, {@code key-name/...},
 * {@code secrets}) are registered before the parameterised paths they overlap, so they win; a secret named
 * {@code batch} or {@code move} is therefore only reachable through the v3 paths (as with the vendor).
 *
 * @since 0.1
 */
public final class SecretsDataRoutes implements RouteGroup {
    private final HttpServices services;
    private final SecretsDataServices data;

    public SecretsDataRoutes(HttpServices services, SecretsDataServices data) {
        this.services = Require.nonNull(services, "services");
        this.data = Require.nonNull(data, "data");
    }

    @Override
    public void register(RoutesConfig r) {
        Auth auth = new Auth(services.authenticator());
        secrets(r, new SecretHandler(data, auth));
        folders(r, new FolderHandler(data, auth));
        imports(r, new ImportHandler(data, auth));
        kms(r, new KmsHandler(data, auth));
        webhooks(r, new WebhookHandler(data, auth));
    }

    private static void secrets(RoutesConfig r, SecretHandler h) {
        r.get("/api/v3/secrets/raw", h::list);
        r.post("/api/v3/secrets/batch/raw", h::createBatch);
        r.patch("/api/v3/secrets/batch/raw", h::updateBatch);
        r.delete("/api/v3/secrets/batch/raw", h::deleteBatch);
        r.post("/api/v3/secrets/move", h::move);
        r.get("/api/v3/secrets/raw/id/{secretId}", h::getById);
        r.get("/api/v3/secrets/raw/{secretName}", h::get);
        r.post("/api/v3/secrets/raw/{secretName}", h::create);
        r.patch("/api/v3/secrets/raw/{secretName}", h::update);
        r.delete("/api/v3/secrets/raw/{secretName}", h::delete);

        r.get("/api/v4/secrets", h::list);
        r.post("/api/v4/secrets/batch", h::createBatch);
        r.patch("/api/v4/secrets/batch", h::updateBatch);
        r.delete("/api/v4/secrets/batch", h::deleteBatch);
        r.post("/api/v4/secrets/move", h::move);
        r.get("/api/v4/secrets/id/{secretId}", h::getById);
        r.get("/api/v4/secrets/{secretName}", h::get);
        r.post("/api/v4/secrets/{secretName}", h::create);
        r.patch("/api/v4/secrets/{secretName}", h::update);
        r.delete("/api/v4/secrets/{secretName}", h::delete);

        r.get("/api/v1/secret/{secretId}/secret-versions", h::versions);
        r.post("/api/v1/secret/{secretId}/secret-versions/rollback", h::rollback);
        r.get("/api/v1/secret/{secretId}/secret-versions/{version}", h::version);
    }

    private static void folders(RoutesConfig r, FolderHandler h) {
        for (String base : new String[] {"/api/v1/folders", "/api/v2/folders"}) {
            r.post(base, h::create);
            r.get(base, h::list);
            r.patch(base + "/batch", h::updateBatch);
            r.get(base + "/{folderId}", h::get);
            r.patch(base + "/{folderId}", h::update);
            r.delete(base + "/{folderId}", h::delete);
        }
    }

    private static void imports(RoutesConfig r, ImportHandler h) {
        for (String base : new String[] {"/api/v1/secret-imports", "/api/v2/secret-imports"}) {
            r.post(base, h::create);
            r.get(base, h::list);
            r.get(base + "/secrets", h::secrets);
            r.get(base + "/secrets/raw", h::secrets);
            r.get(base + "/{secretImportId}", h::get);
            r.patch(base + "/{secretImportId}", h::update);
            r.delete(base + "/{secretImportId}", h::delete);
        }
    }

    private static void kms(RoutesConfig r, KmsHandler h) {
        r.post("/api/v1/kms/keys", h::create);
        r.get("/api/v1/kms/keys", h::list);
        r.get("/api/v1/kms/keys/key-name/{keyName}", h::getByName);
        r.get("/api/v1/kms/keys/{keyId}", h::get);
        r.patch("/api/v1/kms/keys/{keyId}", h::update);
        r.delete("/api/v1/kms/keys/{keyId}", h::delete);
        r.post("/api/v1/kms/keys/{keyId}/rotate", h::rotate);
        r.post("/api/v1/kms/keys/{keyId}/encrypt", h::encrypt);
        r.post("/api/v1/kms/keys/{keyId}/decrypt", h::decrypt);
        r.post("/api/v1/kms/keys/{keyId}/sign", h::sign);
        r.post("/api/v1/kms/keys/{keyId}/verify", h::verify);
        r.get("/api/v1/kms/keys/{keyId}/signing-algorithms", h::signingAlgorithms);
        r.get("/api/v1/kms/keys/{keyId}/public-key", h::publicKey);
    }

    private static void webhooks(RoutesConfig r, WebhookHandler h) {
        r.post("/api/v1/webhooks", h::create);
        r.get("/api/v1/webhooks", h::list);
        r.patch("/api/v1/webhooks/{webhookId}", h::update);
        r.delete("/api/v1/webhooks/{webhookId}", h::delete);
        r.post("/api/v1/webhooks/{webhookId}/test", h::test);
    }
}
