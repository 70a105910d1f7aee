package io.latchkey.http.accesskey;

import io.javalin.http.Context;
import io.latchkey.core.accesskey.AccessKey;
import io.latchkey.core.accesskey.AccessKeyService.CreatedAccessKey;
import io.latchkey.core.accesskey.CredentialStatus;
import io.latchkey.core.accesskey.ManagementKeyService.ManagementSession;
import io.latchkey.core.support.Require;
import io.latchkey.http.accesskey.AccessKeyDtos.AccessKeyDto;
import io.latchkey.http.accesskey.AccessKeyDtos.CreateAccessKeyInput;
import io.latchkey.http.accesskey.AccessKeyDtos.CreatedKeyResponse;
import io.latchkey.http.accesskey.AccessKeyDtos.IdInput;
import io.latchkey.http.accesskey.AccessKeyDtos.IdsInput;
import io.latchkey.http.accesskey.AccessKeyDtos.KeyResponse;
import io.latchkey.http.accesskey.AccessKeyDtos.KeysResponse;
import io.latchkey.http.accesskey.AccessKeyDtos.SearchInput;
import io.latchkey.http.accesskey.AccessKeyDtos.UpdateAccessKeyInput;
import io.latchkey.http.common.JsonBodies;
import io.latchkey.http.common.Requests;

import java.util.List;

import static io.latchkey.http.accesskey.ManagementAuth.required;

/**
 * Access-key management of the dialect (specs/descope-access-keys.md section 4.2, M1-M11), authenticated with
 * a management key. Every answer is a JSON object; single activate/deactivate answer {@code {key}}, batch
 * calls and deletes {@code {}}.
 *
 * @since 0.1
 */
public final class AccessKeyHandler {
    private final AccessKeyServices services;
    private final ManagementAuth auth;

    AccessKeyHandler(AccessKeyServices services, ManagementAuth auth) {
        this.services = Require.nonNull(services, "services");
        this.auth = Require.nonNull(auth, "auth");
    }

    /** M1. */
    public void create(Context ctx) {
        ManagementSession s = auth.session(ctx);
        CreateAccessKeyInput in = JsonBodies.read(ctx, CreateAccessKeyInput.class);
        CreatedAccessKey created = services.accessKeys().create(s.actor(), s.project(), in.toCommand(), Requests.meta(ctx));
        ctx.json(new CreatedKeyResponse(AccessKeyDto.of(created.key()), created.cleartext()));
    }

    /** M2: {@code GET /v1/mgmt/accesskey?id=}. */
    public void load(Context ctx) {
        ManagementSession s = auth.session(ctx);
        AccessKey k = services.accessKeys().load(s.actor(), s.project(), Requests.requireQuery(ctx, "id"), Requests.meta(ctx));
        ctx.json(new KeyResponse(AccessKeyDto.of(k)));
    }

    /** M3. */
    public void search(Context ctx) {
        ManagementSession s = auth.session(ctx);
        SearchInput in = JsonBodies.readOptional(ctx, SearchInput.class, new SearchInput(null, null, null, null));
        List<AccessKey> found = services.accessKeys().search(s.actor(), s.project(), in.toSearch(), Requests.meta(ctx));
        ctx.json(new KeysResponse(found.stream().map(AccessKeyDto::of).toList()));
    }

    /** M4: {@code id} and {@code name} required; absent members stay unchanged. */
    public void update(Context ctx) {
        ManagementSession s = auth.session(ctx);
        UpdateAccessKeyInput in = JsonBodies.read(ctx, UpdateAccessKeyInput.class);
        required(in.name(), "name");
        AccessKey k = services.accessKeys().update(s.actor(), s.project(), required(in.id(), "id"), in.toChanges(),
                Requests.meta(ctx));
        ctx.json(new KeyResponse(AccessKeyDto.of(k)));
    }

    /** M5. */
    public void deactivate(Context ctx) {
        setStatus(ctx, CredentialStatus.INACTIVE);
    }

    /** M7. */
    public void activate(Context ctx) {
        setStatus(ctx, CredentialStatus.ACTIVE);
    }

    private void setStatus(Context ctx, CredentialStatus status) {
        ManagementSession s = auth.session(ctx);
        String id = required(JsonBodies.read(ctx, IdInput.class).id(), "id");
        List<AccessKey> changed = services.accessKeys().setStatus(s.actor(), s.project(), List.of(id), status,
                Requests.meta(ctx));
        ctx.json(new KeyResponse(AccessKeyDto.of(changed.get(0))));
    }

    /** M6. */
    public void deactivateBatch(Context ctx) {
        setStatusBatch(ctx, CredentialStatus.INACTIVE);
    }

    /** M8. */
    public void activateBatch(Context ctx) {
        setStatusBatch(ctx, CredentialStatus.ACTIVE);
    }

    private void setStatusBatch(Context ctx, CredentialStatus status) {
        ManagementSession s = auth.session(ctx);
        IdsInput in = JsonBodies.read(ctx, IdsInput.class);
        services.accessKeys().setStatus(s.actor(), s.project(), in.ids(), status, Requests.meta(ctx));
        ctx.json(AccessKeyDtos.EMPTY);
    }

    /** M9. */
    public void delete(Context ctx) {
        ManagementSession s = auth.session(ctx);
        String id = required(JsonBodies.read(ctx, IdInput.class).id(), "id");
        services.accessKeys().delete(s.actor(), s.project(), List.of(id), Requests.meta(ctx));
        ctx.json(AccessKeyDtos.EMPTY);
    }

    /** M10. */
    public void deleteBatch(Context ctx) {
        ManagementSession s = auth.session(ctx);
        IdsInput in = JsonBodies.read(ctx, IdsInput.class);
        services.accessKeys().delete(s.actor(), s.project(), in.ids(), Requests.meta(ctx));
        ctx.json(AccessKeyDtos.EMPTY);
    }

    /** M11. */
    public void rotate(Context ctx) {
        ManagementSession s = auth.session(ctx);
        String id = required(JsonBodies.read(ctx, IdInput.class).id(), "id");
        CreatedAccessKey rotated = services.accessKeys().rotate(s.actor(), s.project(), id, Requests.meta(ctx));
        ctx.json(new CreatedKeyResponse(AccessKeyDto.of(rotated.key()), rotated.cleartext()));
    }
}
