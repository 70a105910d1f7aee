package io.latchkey.http.accesskey;

import io.javalin.config.RoutesConfig;
import io.latchkey.core.support.Require;
import io.latchkey.http.HttpServices;
import io.latchkey.http.common.Auth;
import io.latchkey.http.common.RouteGroup;

/**
 * Routes of the access-key dialect (specs/descope-access-keys.md): access-key management (M1-M11), the
 * exchange (X1), the signing keys (K1) and the supporting endpoints of section 4.5 (license, management keys,
 * tenants, roles, permissions), plus the native equivalents under {@code /iam/v1/projects/{projectId}/...}.
 * Errors under {@code /v1/} and {@code /v2/} render in the dialect's envelope
 * ({@link AccessKeyErrorRenderer}); the native routes render like the rest of the native API.
 *
 * @since 0.1
 */
public final class AccessKeyRoutes implements RouteGroup {
    static final String NATIVE = "/iam/v1/projects/{projectId}";

    private final HttpServices services;
    private final AccessKeyServices accessKeys;

    public AccessKeyRoutes(HttpServices services, AccessKeyServices accessKeys) {
        this.services = Require.nonNull(services, "services");
        this.accessKeys = Require.nonNull(accessKeys, "accessKeys");
    }

    @Override
    public void register(RoutesConfig r) {
        ManagementAuth management = new ManagementAuth(accessKeys.managementKeys());
        registerDialect(r, management);
        registerNative(r, new NativeHandler(accessKeys, new Auth(services.authenticator())));
    }

    private void registerDialect(RoutesConfig r, ManagementAuth management) {
        AccessKeyHandler keys = new AccessKeyHandler(accessKeys, management);
        r.post("/v1/mgmt/accesskey/create", keys::create);
        r.get("/v1/mgmt/accesskey", keys::load);
        r.post("/v1/mgmt/accesskey/search", keys::search);
        r.post("/v1/mgmt/accesskey/update", keys::update);
        r.post("/v1/mgmt/accesskey/deactivate", keys::deactivate);
        r.post("/v1/mgmt/accesskey/deactivate/batch", keys::deactivateBatch);
        r.post("/v1/mgmt/accesskey/activate", keys::activate);
        r.post("/v1/mgmt/accesskey/activate/batch", keys::activateBatch);
        r.post("/v1/mgmt/accesskey/delete", keys::delete);
        r.post("/v1/mgmt/accesskey/delete/batch", keys::deleteBatch);
        r.post("/v1/mgmt/accesskey/rotate", keys::rotate);

        r.post("/v1/auth/accesskey/exchange", new ExchangeHandler(accessKeys.exchange())::exchange);
        r.get("/v2/keys/{projectId}", new SigningKeysHandler(services)::keys);

        ManagementKeyHandler mgmt = new ManagementKeyHandler(accessKeys, management);
        r.get("/v1/mgmt/license", mgmt::license);
        r.put("/v1/mgmt/managementkey", mgmt::create);
        r.patch("/v1/mgmt/managementkey", mgmt::update);
        r.get("/v1/mgmt/managementkey", mgmt::load);
        r.get("/v1/mgmt/managementkey/search", mgmt::search);
        r.post("/v1/mgmt/managementkey/delete", mgmt::delete);

        TenantRoleHandler catalog = new TenantRoleHandler(accessKeys, management);
        r.post("/v1/mgmt/tenant/create", catalog::createTenant);
        r.get("/v1/mgmt/tenant", catalog::loadTenant);
        r.get("/v1/mgmt/tenant/all", catalog::listTenants);
        r.post("/v1/mgmt/tenant/delete", catalog::deleteTenant);
        r.post("/v1/mgmt/role/create", catalog::createRole);
        r.get("/v1/mgmt/role/all", catalog::listRoles);
        r.post("/v1/mgmt/role/delete", catalog::deleteRole);
        r.post("/v1/mgmt/permission/create", catalog::createPermission);
        r.get("/v1/mgmt/permission/all", catalog::listPermissions);
        r.post("/v1/mgmt/permission/delete", catalog::deletePermission);
    }

    private static void registerNative(RoutesConfig r, NativeHandler h) {
        r.post(NATIVE + "/management-keys", h::createManagementKey);
        r.get(NATIVE + "/management-keys", h::listManagementKeys);
        r.get(NATIVE + "/management-keys/{keyId}", h::getManagementKey);
        r.post(NATIVE + "/management-keys/{keyId}/activate", h::activateManagementKey);
        r.post(NATIVE + "/management-keys/{keyId}/deactivate", h::deactivateManagementKey);
        r.delete(NATIVE + "/management-keys/{keyId}", h::deleteManagementKey);

        r.post(NATIVE + "/tenants", h::createTenant);
        r.get(NATIVE + "/tenants", h::listTenants);
        r.get(NATIVE + "/tenants/{tenantId}", h::getTenant);
        r.delete(NATIVE + "/tenants/{tenantId}", h::deleteTenant);
        r.post(NATIVE + "/roles", h::createRole);
        r.get(NATIVE + "/roles", h::listRoles);
        r.delete(NATIVE + "/roles/{roleName}", h::deleteRole);
        r.post(NATIVE + "/permissions", h::createPermission);
        r.get(NATIVE + "/permissions", h::listPermissions);
        r.delete(NATIVE + "/permissions/{permissionName}", h::deletePermission);

        r.post(NATIVE + "/access-keys", h::createAccessKey);
        r.get(NATIVE + "/access-keys", h::listAccessKeys);
        r.get(NATIVE + "/access-keys/{keyId}", h::getAccessKey);
        r.patch(NATIVE + "/access-keys/{keyId}", h::updateAccessKey);
        r.post(NATIVE + "/access-keys/{keyId}/activate", h::activateAccessKey);
        r.post(NATIVE + "/access-keys/{keyId}/deactivate", h::deactivateAccessKey);
        r.post(NATIVE + "/access-keys/{keyId}/rotate", h::rotateAccessKey);
        r.delete(NATIVE + "/access-keys/{keyId}", h::deleteAccessKey);
    }
}
