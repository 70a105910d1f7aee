package io.latchkey.http.secrets;

import io.javalin.http.Context;
import io.latchkey.core.org.OrgPermission;
import io.latchkey.core.org.OrganizationService;
import io.latchkey.core.principal.Actor;
import io.latchkey.core.support.Require;
import io.latchkey.http.common.Auth;
import io.latchkey.http.common.JsonBodies;
import io.latchkey.http.common.Requests;
import io.latchkey.http.secrets.WorkspaceDtos.OrgRoleChangeRequest;
import io.latchkey.http.secrets.WorkspaceDtos.OrgRoleDto;
import io.latchkey.http.secrets.WorkspaceDtos.OrgRoleRequest;
import io.latchkey.http.secrets.WorkspaceDtos.OrgUserMembershipDto;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Organization members and roles (seed 003, {@code organizations}): user memberships under
 * {@code /api/v2/organizations/{orgId}/memberships} (list, get, change role, remove; a membership's id is
 * the user's id) and custom roles under {@code /api/v1/organization/{orgId}/roles} (list, create, delete).
 * A caller reaches only its own organization. IAT or user JWT.
 *
 * @since 0.1
 */
public final class OrganizationHandler {
    private final SecretsAuthServices services;
    private final Auth auth;

    public OrganizationHandler(SecretsAuthServices services, Auth auth) {
        this.services = Require.nonNull(services, "services");
        this.auth = Require.nonNull(auth, "auth");
    }

    public void listUsers(Context ctx) {
        Actor actor = actor(ctx);
        ctx.json(Map.of("users", orgs().listUsers(actor, ctx.pathParam("orgId")).stream().map(OrgUserMembershipDto::of).toList()));
    }

    public void getUser(Context ctx) {
        Actor actor = actor(ctx);
        ctx.json(Map.of("membership", OrgUserMembershipDto.of(orgs().getUser(actor, ctx.pathParam("orgId"),
                ctx.pathParam("membershipId")))));
    }

    public void updateUser(Context ctx) {
        Actor actor = actor(ctx);
        OrgRoleChangeRequest in = JsonBodies.read(ctx, OrgRoleChangeRequest.class);
        ctx.json(Map.of("membership", OrgUserMembershipDto.of(orgs().updateUserRole(actor, ctx.pathParam("orgId"),
                ctx.pathParam("membershipId"), in.role(), Requests.meta(ctx)))));
    }

    public void removeUser(Context ctx) {
        Actor actor = actor(ctx);
        ctx.json(Map.of("membership", OrgUserMembershipDto.of(orgs().removeUser(actor, ctx.pathParam("orgId"),
                ctx.pathParam("membershipId"), Requests.meta(ctx)))));
    }

    public void listRoles(Context ctx) {
        Actor actor = actor(ctx);
        ctx.json(Map.of("roles", orgs().listRoles(actor, ctx.pathParam("orgId")).stream().map(OrgRoleDto::of).toList()));
    }

    public void createRole(Context ctx) {
        Actor actor = actor(ctx);
        OrgRoleRequest in = JsonBodies.read(ctx, OrgRoleRequest.class);
        Set<OrgPermission> granted = EnumSet.noneOf(OrgPermission.class);
        List<String> names = in.permissions() == null ? new ArrayList<>() : in.permissions();
        for (int i = 0; i < names.size(); i++) {
            granted.add(OrgPermission.fromWire(names.get(i), "permissions[" + i + "]"));
        }
        ctx.json(Map.of("role", OrgRoleDto.of(orgs().createRole(actor, ctx.pathParam("orgId"), in.slug(), in.name(),
                in.description(), granted, Requests.meta(ctx)))));
    }

    public void deleteRole(Context ctx) {
        Actor actor = actor(ctx);
        ctx.json(Map.of("role", OrgRoleDto.of(orgs().deleteRole(actor, ctx.pathParam("orgId"), ctx.pathParam("roleSlug"),
                Requests.meta(ctx)))));
    }

    private Actor actor(Context ctx) {
        return auth.actor(ctx, SecretsAuthModes.MANAGEMENT);
    }

    private OrganizationService orgs() {
        return services.organizations();
    }
}
