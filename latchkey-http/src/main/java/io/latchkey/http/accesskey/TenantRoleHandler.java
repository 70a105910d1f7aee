package io.latchkey.http.accesskey;

import io.javalin.http.Context;
import io.latchkey.core.accesskey.ManagementKeyService.ManagementSession;
import io.latchkey.core.accesskey.Tenant;
import io.latchkey.core.support.Require;
import io.latchkey.http.accesskey.AccessKeyDtos.CreatePermissionInput;
import io.latchkey.http.accesskey.AccessKeyDtos.CreateRoleInput;
import io.latchkey.http.accesskey.AccessKeyDtos.CreateTenantInput;
import io.latchkey.http.accesskey.AccessKeyDtos.DeleteRoleInput;
import io.latchkey.http.accesskey.AccessKeyDtos.IdInput;
import io.latchkey.http.accesskey.AccessKeyDtos.IdResponse;
import io.latchkey.http.accesskey.AccessKeyDtos.NameInput;
import io.latchkey.http.accesskey.AccessKeyDtos.PermissionDto;
import io.latchkey.http.accesskey.AccessKeyDtos.PermissionsResponse;
import io.latchkey.http.accesskey.AccessKeyDtos.RoleDto;
import io.latchkey.http.accesskey.AccessKeyDtos.RolesResponse;
import io.latchkey.http.accesskey.AccessKeyDtos.TenantDto;
import io.latchkey.http.accesskey.AccessKeyDtos.TenantsResponse;
import io.latchkey.http.common.JsonBodies;
import io.latchkey.http.common.Requests;

import static io.latchkey.http.accesskey.ManagementAuth.required;

/**
 * Tenants, roles and permissions of the dialect (specs/descope-access-keys.md section 4.5 and the matching
 * vendor paths: {@code /v1/mgmt/tenant/...}, {@code /v1/mgmt/role/...}, {@code /v1/mgmt/permission/...}),
 * authenticated with a management key.
 *
 * @since 0.1
 */
public final class TenantRoleHandler {
    private final AccessKeyServices services;
    private final ManagementAuth auth;

    TenantRoleHandler(AccessKeyServices services, ManagementAuth auth) {
        this.services = Require.nonNull(services, "services");
        this.auth = Require.nonNull(auth, "auth");
    }

    /** {@code POST /v1/mgmt/tenant/create} answers {@code {id}}. */
    public void createTenant(Context ctx) {
        ManagementSession s = auth.session(ctx);
        CreateTenantInput in = JsonBodies.read(ctx, CreateTenantInput.class);
        Tenant t = services.tenants().create(s.actor(), s.project(), in.id(), in.name(), in.customAttributes(),
                Requests.meta(ctx));
        ctx.json(new IdResponse(t.id()));
    }

    /** {@code GET /v1/mgmt/tenant?id=} answers the tenant itself. */
    public void loadTenant(Context ctx) {
        ManagementSession s = auth.session(ctx);
        ctx.json(TenantDto.of(services.tenants().get(s.actor(), s.project(), Requests.requireQuery(ctx, "id"),
                Requests.meta(ctx))));
    }

    /** {@code GET /v1/mgmt/tenant/all}. */
    public void listTenants(Context ctx) {
        ManagementSession s = auth.session(ctx);
        ctx.json(new TenantsResponse(services.tenants().list(s.actor(), s.project(), Requests.meta(ctx)).stream()
                .map(TenantDto::of).toList()));
    }

    /** {@code POST /v1/mgmt/tenant/delete}; {@code cascade} is accepted and ignored (keys always lose the tenant). */
    public void deleteTenant(Context ctx) {
        ManagementSession s = auth.session(ctx);
        String id = required(JsonBodies.read(ctx, IdInput.class).id(), "id");
        services.tenants().delete(s.actor(), s.project(), id, Requests.meta(ctx));
        ctx.json(AccessKeyDtos.EMPTY);
    }

    /** {@code POST /v1/mgmt/role/create}. */
    public void createRole(Context ctx) {
        ManagementSession s = auth.session(ctx);
        CreateRoleInput in = JsonBodies.read(ctx, CreateRoleInput.class);
        services.roles().createRole(s.actor(), s.project(), in.name(), in.description(), in.permissionNames(),
                in.tenantId(), Requests.meta(ctx));
        ctx.json(AccessKeyDtos.EMPTY);
    }

    /** {@code GET /v1/mgmt/role/all}. */
    public void listRoles(Context ctx) {
        ManagementSession s = auth.session(ctx);
        ctx.json(new RolesResponse(services.roles().listRoles(s.actor(), s.project(), Requests.meta(ctx)).stream()
                .map(RoleDto::of).toList()));
    }

    /** {@code POST /v1/mgmt/role/delete}. */
    public void deleteRole(Context ctx) {
        ManagementSession s = auth.session(ctx);
        DeleteRoleInput in = JsonBodies.read(ctx, DeleteRoleInput.class);
        services.roles().deleteRole(s.actor(), s.project(), required(in.name(), "name"), Requests.meta(ctx));
        ctx.json(AccessKeyDtos.EMPTY);
    }

    /** {@code POST /v1/mgmt/permission/create}. */
    public void createPermission(Context ctx) {
        ManagementSession s = auth.session(ctx);
        CreatePermissionInput in = JsonBodies.read(ctx, CreatePermissionInput.class);
        services.roles().createPermission(s.actor(), s.project(), in.name(), in.description(), Requests.meta(ctx));
        ctx.json(AccessKeyDtos.EMPTY);
    }

    /** {@code GET /v1/mgmt/permission/all}. */
    public void listPermissions(Context ctx) {
        ManagementSession s = auth.session(ctx);
        ctx.json(new PermissionsResponse(services.roles().listPermissions(s.actor(), s.project(), Requests.meta(ctx))
                .stream().map(PermissionDto::of).toList()));
    }

    /** {@code POST /v1/mgmt/permission/delete}. */
    public void deletePermission(Context ctx) {
        ManagementSession s = auth.session(ctx);
        String name = required(JsonBodies.read(ctx, NameInput.class).name(), "name");
        services.roles().deletePermission(s.actor(), s.project(), name, Requests.meta(ctx));
        ctx.json(AccessKeyDtos.EMPTY);
    }
}
