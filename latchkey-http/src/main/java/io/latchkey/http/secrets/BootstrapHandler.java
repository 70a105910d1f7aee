package io.latchkey.http.secrets;

import io.javalin.http.Context;
import io.latchkey.core.bootstrap.BootstrapResult;
import io.latchkey.core.support.Require;
import io.latchkey.http.HttpServices;
import io.latchkey.http.common.JsonBodies;
import io.latchkey.http.common.Requests;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code POST /api/v1/admin/bootstrap} (specs/infisical.md section 3.3): initialises an empty instance and
 * returns the instance-admin identity's token, once.
 *
 * @since 0.1
 */
public final class BootstrapHandler {
    private final HttpServices services;

    /** Request body. */
    public record BootstrapRequest(String email, String password, String organization) {
    }

    public BootstrapHandler(HttpServices services) {
        this.services = Require.nonNull(services, "services");
    }

    public void bootstrap(Context ctx) {
        BootstrapRequest req = JsonBodies.read(ctx, BootstrapRequest.class);
        BootstrapResult r = services.bootstrap().bootstrap(req.email(), req.password(), req.organization(), Requests.meta(ctx));
        Map<String, Object> user = new LinkedHashMap<>();
        user.put("id", r.user().id());
        user.put("email", r.user().email());
        user.put("username", r.user().email());
        user.put("firstName", null);
        user.put("lastName", null);
        user.put("superAdmin", true);
        user.put("isAccepted", true);
        user.put("createdAt", r.user().createdAt().toString());
        user.put("updatedAt", r.user().updatedAt().toString());
        Map<String, Object> org = new LinkedHashMap<>();
        org.put("id", r.organization().id());
        org.put("name", r.organization().name());
        org.put("slug", r.organization().slug());
        org.put("createdAt", r.organization().createdAt().toString());
        org.put("updatedAt", r.organization().updatedAt().toString());
        Map<String, Object> identity = new LinkedHashMap<>();
        identity.put("id", r.identity().id());
        identity.put("name", r.identity().name());
        identity.put("orgId", r.identity().orgId());
        identity.put("authMethods", List.of("token-auth"));
        identity.put("createdAt", r.identity().createdAt().toString());
        identity.put("updatedAt", r.identity().updatedAt().toString());
        identity.put("credentials", Map.of("token", r.adminToken().value()));
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("message", "Successfully bootstrapped instance");
        body.put("user", user);
        body.put("organization", org);
        body.put("identity", identity);
        ctx.header("Cache-Control", "no-store");
        ctx.json(body);
    }
}
