package io.latchkey.http.iam;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.latchkey.core.auth.Authenticator;
import io.latchkey.core.org.OrganizationService;
import io.latchkey.core.principal.Actor;
import io.latchkey.core.support.Require;
import io.latchkey.http.common.Auth;
import io.latchkey.http.common.JsonBodies;
import io.latchkey.http.common.Requests;
import io.latchkey.http.common.RouteGroup;

import java.time.Instant;
import java.util.List;

/**
 * Native instance administration of organizations (a Latchkey extension of the IAM dialect):
 * {@code POST /iam/v1/admin/organizations} {@code {name}} creates an organization, for instance
 * administrators only (the bootstrap identity and super-admin users). The answer carries the new
 * organization's administrator identity and its non-expiring token, once: the way into an organization
 * that has no users yet.
 *
 * @since 0.1
 */
public final class OrganizationAdminRoutes implements RouteGroup {
    private final OrganizationService organizations;
    private final Authenticator authenticator;

    public OrganizationAdminRoutes(OrganizationService organizations, Authenticator authenticator) {
        this.organizations = Require.nonNull(organizations, "organizations");
        this.authenticator = Require.nonNull(authenticator, "authenticator");
    }

    /** Request body. */
    public record CreateOrganizationInput(String name) {
    }

    public record OrganizationDto(String id, String name, String slug, Instant createdAt) {
    }

    public record Credentials(String token) {
    }

    public record AdminIdentityDto(String id, String name, String orgId, List<String> authMethods, Credentials credentials) {
    }

    public record CreatedOrganizationDto(OrganizationDto organization, AdminIdentityDto identity) {
    }

    @Override
    public void register(RoutesConfig r) {
        Auth auth = new Auth(authenticator);
        r.post("/iam/v1/admin/organizations", ctx -> create(ctx, auth));
    }

    private void create(Context ctx, Auth auth) {
        Actor actor = auth.actor(ctx, Auth.ORG_MEMBER);
        CreateOrganizationInput in = JsonBodies.read(ctx, CreateOrganizationInput.class);
        OrganizationService.CreatedOrganization c = organizations.create(actor, in.name(), Requests.meta(ctx));
        ctx.header("Cache-Control", "no-store");
        ctx.json(new CreatedOrganizationDto(
                new OrganizationDto(c.organization().id(), c.organization().name(), c.organization().slug(),
                        c.organization().createdAt()),
                new AdminIdentityDto(c.adminIdentity().id(), c.adminIdentity().name(), c.adminIdentity().orgId(),
                        List.of("token-auth"), new Credentials(c.adminToken().token().value()))));
    }
}
