package io.latchkey.http.accesskey;

import com.fasterxml.jackson.databind.JsonNode;
import io.javalin.http.Context;
import io.latchkey.core.accesskey.CredentialStatus;
import io.latchkey.core.accesskey.ManagementKey;
import io.latchkey.core.accesskey.ManagementKeyService.CreatedManagementKey;
import io.latchkey.core.accesskey.ManagementKeyService.ManagementSession;
import io.latchkey.core.accesskey.ManagementKeyService.NewManagementKey;
import io.latchkey.core.error.LatchkeyException;
import io.latchkey.core.support.Require;
import io.latchkey.http.accesskey.AccessKeyDtos.CreateManagementKeyInput;
import io.latchkey.http.accesskey.AccessKeyDtos.CreatedManagementKeyResponse;
import io.latchkey.http.accesskey.AccessKeyDtos.IdsInput;
import io.latchkey.http.accesskey.AccessKeyDtos.LicenseResponse;
import io.latchkey.http.accesskey.AccessKeyDtos.ManagementKeyDto;
import io.latchkey.http.accesskey.AccessKeyDtos.ManagementKeyResponse;
import io.latchkey.http.accesskey.AccessKeyDtos.ManagementKeysResponse;
import io.latchkey.http.accesskey.AccessKeyDtos.UpdateManagementKeyInput;
import io.latchkey.http.common.JsonBodies;
import io.latchkey.http.common.Requests;

import static io.latchkey.http.accesskey.ManagementAuth.required;

/**
 * The dialect's management-key endpoints and license handshake (specs/descope-access-keys.md section 4.5),
 * mapped onto Latchkey's management keys. A management key is always scoped to the project of the key that
 * creates it: {@code reBac.projectRoles} may name only that project, and company or tag roles are refused,
 * because granting more than the caller holds would be an escalation.
 *
 * @since 0.1
 */
public final class ManagementKeyHandler {
    /** The rate-limit tier the license handshake reports; clients echo it in {@code x-descope-license}. */
    static final String RATE_LIMIT_TIER = "self-hosted";

    private final AccessKeyServices services;
    private final ManagementAuth auth;

    ManagementKeyHandler(AccessKeyServices services, ManagementAuth auth) {
        this.services = Require.nonNull(services, "services");
        this.auth = Require.nonNull(auth, "auth");
    }

    /** {@code GET /v1/mgmt/license}. */
    public void license(Context ctx) {
        auth.session(ctx);
        ctx.json(new LicenseResponse(RATE_LIMIT_TIER));
    }

    /** {@code PUT /v1/mgmt/managementkey}. */
    public void create(Context ctx) {
        ManagementSession s = auth.session(ctx);
        CreateManagementKeyInput in = JsonBodies.read(ctx, CreateManagementKeyInput.class);
        checkReBac(in.reBac(), s.project().id());
        CreatedManagementKey created = services.managementKeys().create(s.actor(), s.project(),
                new NewManagementKey(in.name(), in.description(), in.expiresIn(), in.permittedIps()), Requests.meta(ctx));
        ctx.json(new CreatedManagementKeyResponse(ManagementKeyDto.of(created.key()), created.cleartext()));
    }

    private static void checkReBac(JsonNode reBac, String projectId) {
        if (reBac == null || reBac.isNull()) {
            return;
        }
        if (!reBac.isObject()) {
            throw LatchkeyException.invalidField("reBac", "reBac must be an object");
        }
        for (String scope : new String[] {"companyRoles", "tagRoles"}) {
            JsonNode n = reBac.get(scope);
            if (n != null && !n.isNull() && !n.isEmpty()) {
                throw LatchkeyException.invalidField("reBac." + scope,
                        "reBac." + scope + " is not supported: a management key acts on its own project only");
            }
        }
        JsonNode projectRoles = reBac.path("projectRoles");
        for (int i = 0; i < projectRoles.size(); i++) {
            for (JsonNode id : projectRoles.get(i).path("projectIds")) {
                if (!projectId.equals(id.asText())) {
                    String field = "reBac.projectRoles[" + i + "].projectIds";
                    throw LatchkeyException.invalidField(field, field + " may name only the key's own project");
                }
            }
        }
    }

    /** {@code PATCH /v1/mgmt/managementkey}: absent members stay unchanged. */
    public void update(Context ctx) {
        ManagementSession s = auth.session(ctx);
        UpdateManagementKeyInput in = JsonBodies.read(ctx, UpdateManagementKeyInput.class);
        CredentialStatus status = in.status() == null || in.status().isEmpty() ? null
                : CredentialStatus.fromWire(in.status(), "status");
        ManagementKey k = services.managementKeys().update(s.actor(), s.project(), required(in.id(), "id"), in.name(),
                in.description(), status, in.permittedIps(), Requests.meta(ctx));
        ctx.json(new ManagementKeyResponse(ManagementKeyDto.of(k)));
    }

    /** {@code GET /v1/mgmt/managementkey?id=}. */
    public void load(Context ctx) {
        ManagementSession s = auth.session(ctx);
        ManagementKey k = services.managementKeys().get(s.actor(), s.project(), Requests.requireQuery(ctx, "id"),
                Requests.meta(ctx));
        ctx.json(new ManagementKeyResponse(ManagementKeyDto.of(k)));
    }

    /** {@code GET /v1/mgmt/managementkey/search}. */
    public void search(Context ctx) {
        ManagementSession s = auth.session(ctx);
        ctx.json(new ManagementKeysResponse(services.managementKeys().list(s.actor(), s.project(), Requests.meta(ctx))
                .stream().map(ManagementKeyDto::of).toList()));
    }

    /** {@code POST /v1/mgmt/managementkey/delete}: all or nothing. */
    public void delete(Context ctx) {
        ManagementSession s = auth.session(ctx);
        IdsInput in = JsonBodies.read(ctx, IdsInput.class);
        services.managementKeys().delete(s.actor(), s.project(), in.ids(), Requests.meta(ctx));
        ctx.json(AccessKeyDtos.EMPTY);
    }
}
