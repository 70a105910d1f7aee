package io.latchkey.http.accesskey;

import io.javalin.http.Context;
import io.latchkey.core.accesskey.AccessKeyService.AccessKeyChanges;
import io.latchkey.core.accesskey.AccessKeyService.CreatedAccessKey;
import io.latchkey.core.accesskey.CredentialStatus;
import io.latchkey.core.accesskey.ManagementKeyService.CreatedManagementKey;
import io.latchkey.core.accesskey.ManagementKeyService.NewManagementKey;
import io.latchkey.core.principal.Actor;
import io.latchkey.core.project.Project;
import io.latchkey.core.support.Require;
import io.latchkey.http.accesskey.AccessKeyDtos.AccessKeyDto;
import io.latchkey.http.accesskey.AccessKeyDtos.CreateAccessKeyInput;
import io.latchkey.http.accesskey.AccessKeyDtos.CreatePermissionInput;
import io.latchkey.http.accesskey.AccessKeyDtos.CreateTenantInput;
import io.latchkey.http.accesskey.AccessKeyDtos.CreatedKeyResponse;
import io.latchkey.http.accesskey.AccessKeyDtos.KeyResponse;
import io.latchkey.http.accesskey.AccessKeyDtos.KeyTenantInput;
import io.latchkey.http.accesskey.AccessKeyDtos.KeysResponse;
import io.latchkey.http.accesskey.AccessKeyDtos.SearchInput;
import io.latchkey.http.accesskey.NativeDtos.CreateManagementKeyRequest;
import io.latchkey.http.accesskey.NativeDtos.CreateRoleRequest;
import io.latchkey.http.accesskey.NativeDtos.ManagementKeyDto;
import io.latchkey.http.accesskey.NativeDtos.ManagementKeyList;
import io.latchkey.http.accesskey.NativeDtos.PermissionDto;
import io.latchkey.http.accesskey.NativeDtos.PermissionList;
import io.latchkey.http.accesskey.NativeDtos.RoleDto;
import io.latchkey.http.accesskey.NativeDtos.RoleList;
import io.latchkey.http.accesskey.NativeDtos.TenantDto;
import io.latchkey.http.accesskey.NativeDtos.TenantList;
import io.latchkey.http.accesskey.NativeDtos.UpdateAccessKeyRequest;
import io.latchkey.http.common.Auth;
import io.latchkey.http.common.JsonBodies;
import io.latchkey.http.common.Requests;

import java.util.List;

/**
 * The native API of the access-key features, under {@code /iam/v1/projects/{projectId}/...}, taking a user
 * token (or a personal access token's session) like the rest of the native project API: management keys
 * (the only way to obtain a project's first one), tenants, roles, permissions and access keys. A project the
 * caller cannot see is "not found"; what the caller may do in it is decided by
 * {@link io.latchkey.core.authz.AccessControl} (owners and administrators may do everything, members and
 * viewers may read).
 *
 * @since 0.1
 */
public final class NativeHandler {
    private final AccessKeyServices services;
    private final Auth auth;

    NativeHandler(AccessKeyServices services, Auth auth) {
        this.services = Require.nonNull(services, "services");
        this.auth = Require.nonNull(auth, "auth");
    }

    /** The authenticated caller and the project of the path. */
    private record Call(Actor actor, Project project) {
    }

    private Call call(Context ctx) {
        Actor actor = auth.actor(ctx, Auth.USER);
        return new Call(actor, services.projects().visible(actor, ctx.pathParam("projectId")));
    }

    public void createManagementKey(Context ctx) {
        Call c = call(ctx);
        CreateManagementKeyRequest in = JsonBodies.read(ctx, CreateManagementKeyRequest.class);
        CreatedManagementKey created = services.managementKeys().create(c.actor(), c.project(),
                new NewManagementKey(in.name(), in.description(), in.expiresIn(), in.permittedIps()), Requests.meta(ctx));
        ctx.json(new NativeDtos.CreatedManagementKey(ManagementKeyDto.of(created.key()), created.cleartext()));
    }

    public void listManagementKeys(Context ctx) {
        Call c = call(ctx);
        ctx.json(new ManagementKeyList(services.managementKeys().list(c.actor(), c.project(), Requests.meta(ctx)).stream()
                .map(ManagementKeyDto::of).toList()));
    }

    public void getManagementKey(Context ctx) {
        Call c = call(ctx);
        ctx.json(ManagementKeyDto.of(services.managementKeys().get(c.actor(), c.project(), ctx.pathParam("keyId"),
                Requests.meta(ctx))));
    }

    public void activateManagementKey(Context ctx) {
        setManagementKeyStatus(ctx, CredentialStatus.ACTIVE);
    }

    public void deactivateManagementKey(Context ctx) {
        setManagementKeyStatus(ctx, CredentialStatus.INACTIVE);
    }

    private void setManagementKeyStatus(Context ctx, CredentialStatus status) {
        Call c = call(ctx);
        ctx.json(ManagementKeyDto.of(services.managementKeys().update(c.actor(), c.project(), ctx.pathParam("keyId"),
                null, null, status, null, Requests.meta(ctx))));
    }

    public void deleteManagementKey(Context ctx) {
        Call c = call(ctx);
        services.managementKeys().delete(c.actor(), c.project(), List.of(ctx.pathParam("keyId")), Requests.meta(ctx));
        ctx.status(204);
    }

    public void createTenant(Context ctx) {
        Call c = call(ctx);
        CreateTenantInput in = JsonBodies.read(ctx, CreateTenantInput.class);
        ctx.json(TenantDto.of(services.tenants().create(c.actor(), c.project(), in.id(), in.name(), in.customAttributes(),
                Requests.meta(ctx))));
    }

    public void listTenants(Context ctx) {
        Call c = call(ctx);
        ctx.json(new TenantList(services.tenants().list(c.actor(), c.project(), Requests.meta(ctx)).stream()
                .map(TenantDto::of).toList()));
    }

    public void getTenant(Context ctx) {
        Call c = call(ctx);
        ctx.json(TenantDto.of(services.tenants().get(c.actor(), c.project(), ctx.pathParam("tenantId"), Requests.meta(ctx))));
    }

    public void deleteTenant(Context ctx) {
        Call c = call(ctx);
        services.tenants().delete(c.actor(), c.project(), ctx.pathParam("tenantId"), Requests.meta(ctx));
        ctx.status(204);
    }

    public void createRole(Context ctx) {
        Call c = call(ctx);
        CreateRoleRequest in = JsonBodies.read(ctx, CreateRoleRequest.class);
        ctx.json(RoleDto.of(services.roles().createRole(c.actor(), c.project(), in.name(), in.description(),
                in.permissionNames(), null, Requests.meta(ctx))));
    }

    public void listRoles(Context ctx) {
        Call c = call(ctx);
        ctx.json(new RoleList(services.roles().listRoles(c.actor(), c.project(), Requests.meta(ctx)).stream()
                .map(RoleDto::of).toList()));
    }

    public void deleteRole(Context ctx) {
        Call c = call(ctx);
        services.roles().deleteRole(c.actor(), c.project(), ctx.pathParam("roleName"), Requests.meta(ctx));
        ctx.status(204);
    }

    public void createPermission(Context ctx) {
        Call c = call(ctx);
        CreatePermissionInput in = JsonBodies.read(ctx, CreatePermissionInput.class);
        ctx.json(PermissionDto.of(services.roles().createPermission(c.actor(), c.project(), in.name(), in.description(),
                Requests.meta(ctx))));
    }

    public void listPermissions(Context ctx) {
        Call c = call(ctx);
        ctx.json(new PermissionList(services.roles().listPermissions(c.actor(), c.project(), Requests.meta(ctx)).stream()
                .map(PermissionDto::of).toList()));
    }

    public void deletePermission(Context ctx) {
        Call c = call(ctx);
        services.roles().deletePermission(c.actor(), c.project(), ctx.pathParam("permissionName"), Requests.meta(ctx));
        ctx.status(204);
    }

    public void createAccessKey(Context ctx) {
        Call c = call(ctx);
        CreateAccessKeyInput in = JsonBodies.read(ctx, CreateAccessKeyInput.class);
        CreatedAccessKey created = services.accessKeys().create(c.actor(), c.project(), in.toCommand(), Requests.meta(ctx));
        ctx.json(new CreatedKeyResponse(AccessKeyDto.of(created.key()), created.cleartext()));
    }

    public void listAccessKeys(Context ctx) {
        Call c = call(ctx);
        SearchInput filter = new SearchInput(ctx.queryParams("tenantId"), ctx.queryParam("boundUserId"),
                ctx.queryParam("creatingUser"), null);
        ctx.json(new KeysResponse(services.accessKeys().search(c.actor(), c.project(), filter.toSearch(), Requests.meta(ctx))
                .stream().map(AccessKeyDto::of).toList()));
    }

    public void getAccessKey(Context ctx) {
        Call c = call(ctx);
        ctx.json(new KeyResponse(AccessKeyDto.of(services.accessKeys().load(c.actor(), c.project(),
                ctx.pathParam("keyId"), Requests.meta(ctx)))));
    }

    public void updateAccessKey(Context ctx) {
        Call c = call(ctx);
        UpdateAccessKeyRequest in = JsonBodies.read(ctx, UpdateAccessKeyRequest.class);
        AccessKeyChanges changes = new AccessKeyChanges(in.name(), in.description(), in.roleNames(),
                KeyTenantInput.toTenants(in.keyTenants()), in.customClaims(), in.permittedIps(), in.customAttributes());
        ctx.json(new KeyResponse(AccessKeyDto.of(services.accessKeys().update(c.actor(), c.project(),
                ctx.pathParam("keyId"), changes, Requests.meta(ctx)))));
    }

    public void activateAccessKey(Context ctx) {
        setAccessKeyStatus(ctx, CredentialStatus.ACTIVE);
    }

    public void deactivateAccessKey(Context ctx) {
        setAccessKeyStatus(ctx, CredentialStatus.INACTIVE);
    }

    private void setAccessKeyStatus(Context ctx, CredentialStatus status) {
        Call c = call(ctx);
        ctx.json(new KeyResponse(AccessKeyDto.of(services.accessKeys().setStatus(c.actor(), c.project(),
                List.of(ctx.pathParam("keyId")), status, Requests.meta(ctx)).get(0))));
    }

    public void rotateAccessKey(Context ctx) {
        Call c = call(ctx);
        CreatedAccessKey rotated = services.accessKeys().rotate(c.actor(), c.project(), ctx.pathParam("keyId"),
                Requests.meta(ctx));
        ctx.json(new CreatedKeyResponse(AccessKeyDto.of(rotated.key()), rotated.cleartext()));
    }

    public void deleteAccessKey(Context ctx) {
        Call c = call(ctx);
        services.accessKeys().delete(c.actor(), c.project(), List.of(ctx.pathParam("keyId")), Requests.meta(ctx));
        ctx.status(204);
    }
}
