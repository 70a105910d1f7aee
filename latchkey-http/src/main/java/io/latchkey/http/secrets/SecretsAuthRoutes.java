package io.latchkey.http.secrets;

import io.javalin.config.RoutesConfig;
import io.latchkey.core.auth.Authenticator;
import io.latchkey.core.identity.AuthMethodNames;
import io.latchkey.core.support.Require;
import io.latchkey.http.common.Auth;
import io.latchkey.http.common.RouteGroup;

/**
 * Routes of the secrets dialect, part 1 (specs/infisical.md sections 3, 6 and 7): machine-identity logins
 * (one route per method of the registry), renew and revoke; universal auth, token auth, JWT and OIDC auth
 * administration; identities; organization members and roles; projects ("workspaces"), environments and
 * memberships. The vendor's auth methods this instance does not offer are routed too, to answer "method
 * not enabled" instead of 404.
 *
 * @since 0.1
 */
public final class SecretsAuthRoutes implements RouteGroup {
    private static final String IDENTITY_AUTH = "/identities/{identityId}";

    private final SecretsAuthServices services;
    private final Authenticator authenticator;

    public SecretsAuthRoutes(SecretsAuthServices services, Authenticator authenticator) {
        this.services = Require.nonNull(services, "services");
        this.authenticator = Require.nonNull(authenticator, "authenticator");
    }

    @Override
    public void register(RoutesConfig r) {
        Auth auth = new Auth(authenticator);
        logins(r);
        universalAuth(r, new UniversalAuthHandler(services, auth));
        tokenAuth(r, new TokenAuthHandler(services, auth));
        for (String method : new String[] {AuthMethodNames.JWT_AUTH, AuthMethodNames.OIDC_AUTH}) {
            ExternalJwtAuthHandler h = new ExternalJwtAuthHandler(services, auth, method);
            String path = "/api/v1/auth/" + method + IDENTITY_AUTH;
            r.post(path, h::attach);
            r.get(path, h::get);
            r.patch(path, h::update);
            r.delete(path, h::revoke);
        }
        identities(r, new IdentityHandler(services, auth));
        organizations(r, new OrganizationHandler(services, auth));
        workspaces(r, new WorkspaceHandler(services, auth), new EnvironmentHandler(services, auth));
        memberships(r, new MembershipHandler(services, auth));
    }

    private void logins(RoutesConfig r) {
        IdentityLoginHandler logins = new IdentityLoginHandler(services);
        r.post("/api/v1/auth/token/renew", logins::renew);
        r.post("/api/v1/auth/token/revoke", logins::revoke);
        for (String method : services.logins().methods().names()) {
            r.post("/api/v1/auth/" + method + "/login", ctx -> logins.login(ctx, method));
        }
        for (String method : services.logins().methods().notEnabled()) {
            String base = "/api/v1/auth/" + method;
            r.post(base + "/login", ctx -> logins.notEnabled(ctx, method));
            r.post(base + IDENTITY_AUTH, ctx -> logins.notEnabled(ctx, method));
            r.get(base + IDENTITY_AUTH, ctx -> logins.notEnabled(ctx, method));
            r.patch(base + IDENTITY_AUTH, ctx -> logins.notEnabled(ctx, method));
            r.delete(base + IDENTITY_AUTH, ctx -> logins.notEnabled(ctx, method));
        }
    }

    private static void universalAuth(RoutesConfig r, UniversalAuthHandler h) {
        String base = "/api/v1/auth/universal-auth" + IDENTITY_AUTH;
        r.post(base, h::attach);
        r.get(base, h::get);
        r.patch(base, h::update);
        r.delete(base, h::revoke);
        r.post(base + "/client-secrets", h::createClientSecret);
        r.get(base + "/client-secrets", h::listClientSecrets);
        r.get(base + "/client-secrets/{clientSecretId}", h::getClientSecret);
        r.delete(base + "/client-secrets/{clientSecretId}", h::revokeClientSecret);
        r.post(base + "/client-secrets/{clientSecretId}/revoke", h::revokeClientSecret);
    }

    private static void tokenAuth(RoutesConfig r, TokenAuthHandler h) {
        String base = "/api/v1/auth/token-auth" + IDENTITY_AUTH;
        r.post(base, h::attach);
        r.get(base, h::get);
        r.patch(base, h::update);
        r.delete(base, h::revoke);
        r.post(base + "/tokens", h::createToken);
        r.get(base + "/tokens", h::listTokens);
        r.get("/api/v1/auth/token-auth/tokens/{tokenId}", h::getToken);
        r.patch("/api/v1/auth/token-auth/tokens/{tokenId}", h::renameToken);
        r.post("/api/v1/auth/token-auth/tokens/{tokenId}/revoke", h::revokeToken);
    }

    private static void identities(RoutesConfig r, IdentityHandler h) {
        r.post("/api/v1/identities", h::create);
        r.get("/api/v1/identities/{identityId}", h::get);
        r.patch("/api/v1/identities/{identityId}", h::update);
        r.delete("/api/v1/identities/{identityId}", h::delete);
        r.get("/api/v1/identities/{identityId}/identity-memberships", h::projectMemberships);
        r.get("/api/v1/organizations/{organizationId}/identities", h::search);
        r.get("/api/v2/organizations/{orgId}/identity-memberships", h::orgMemberships);
    }

    private static void organizations(RoutesConfig r, OrganizationHandler h) {
        r.get("/api/v2/organizations/{orgId}/memberships", h::listUsers);
        r.get("/api/v2/organizations/{orgId}/memberships/{membershipId}", h::getUser);
        r.patch("/api/v2/organizations/{orgId}/memberships/{membershipId}", h::updateUser);
        r.delete("/api/v2/organizations/{orgId}/memberships/{membershipId}", h::removeUser);
        r.get("/api/v1/organization/{orgId}/roles", h::listRoles);
        r.post("/api/v1/organization/{orgId}/roles", h::createRole);
        r.delete("/api/v1/organization/{orgId}/roles/{roleSlug}", h::deleteRole);
    }

    private static void workspaces(RoutesConfig r, WorkspaceHandler w, EnvironmentHandler e) {
        r.post("/api/v2/workspace", w::create);
        for (String[] flavour : new String[][] {{"/api/v1/workspace", "workspaces", "workspace"},
                {"/api/v1/projects", "projects", "project"}}) {
            String base = flavour[0];
            r.get(base, ctx -> w.list(ctx, flavour[1]));
            r.get(base + "/{workspaceId}", ctx -> w.get(ctx, flavour[2]));
            r.patch(base + "/{workspaceId}", ctx -> w.update(ctx, flavour[2]));
            r.delete(base + "/{workspaceId}", ctx -> w.delete(ctx, flavour[2]));
            r.post(base + "/{workspaceId}/environments", e::create);
            r.get(base + "/{workspaceId}/environments", e::list);
            r.get(base + "/{workspaceId}/environments/{environmentId}", e::get);
            r.patch(base + "/{workspaceId}/environments/{environmentId}", e::update);
            r.delete(base + "/{workspaceId}/environments/{environmentId}", e::delete);
        }
    }

    private static void memberships(RoutesConfig r, MembershipHandler h) {
        String base = "/api/v2/workspace/{projectId}";
        r.post(base + "/memberships", h::addUsers);
        r.get(base + "/identity-memberships", h::listIdentities);
        r.post(base + "/identity-memberships/{identityId}", h::addIdentity);
        r.get(base + "/identity-memberships/{identityId}", h::getIdentity);
        r.patch(base + "/identity-memberships/{identityId}", h::updateIdentity);
        r.delete(base + "/identity-memberships/{identityId}", h::removeIdentity);
    }
}
