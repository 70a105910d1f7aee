package io.latchkey.core.org;

import io.latchkey.core.error.LatchkeyException;
import io.latchkey.core.principal.Actor;
import io.latchkey.core.principal.PrincipalType;
import io.latchkey.core.support.Require;

import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;

/**
 * Organization-level authorization with built-in and custom roles: what a member's role lets it do in its
 * organization ({@link OrgPermission}). An instance administrator holds every permission in its own
 * organization.
 *
 * <p>Isolation rule: a principal acts only in the organization its token names. Asking about another
 * organization answers "not found", so the ids of other tenants are not confirmed.
 *
 * @since 0.1
 */
public final class OrgPermissions {
    private final OrganizationRepository organizations;
    private final OrgRoleRepository roles;

    public OrgPermissions(OrganizationRepository organizations, OrgRoleRepository roles) {
        this.organizations = Require.nonNull(organizations, "organizations");
        this.roles = Require.nonNull(roles, "roles");
    }

    /**
     * Throws unless the actor belongs to {@code orgId} and holds {@code permission} there.
     *
     * @param what what the caller tried, for the message ("create identities")
     */
    public void require(Actor actor, String orgId, OrgPermission permission, String what) {
        if (!permissionsOf(actor, orgId).contains(permission)) {
            throw LatchkeyException.forbidden("your organization role does not allow you to " + what
                    + " (missing " + permission.wire() + ")").withDetail("missingPermission", permission.wire());
        }
    }

    /** The actor's permissions in {@code orgId}; "not found" for an organization other than its own. */
    public Set<OrgPermission> permissionsOf(Actor actor, String orgId) {
        Require.nonNull(actor, "actor");
        if (orgId == null || !orgId.equals(actor.orgId())) {
            throw LatchkeyException.notFound("organization", orgId);
        }
        if (actor.instanceAdmin()) {
            return EnumSet.allOf(OrgPermission.class);
        }
        if (actor.type() != PrincipalType.USER && actor.type() != PrincipalType.IDENTITY) {
            return EnumSet.noneOf(OrgPermission.class);
        }
        Optional<OrgMembership> m = organizations.findMembership(orgId, actor.type(), actor.id());
        return m.map(x -> permissionsOfRole(orgId, x.role())).orElse(EnumSet.noneOf(OrgPermission.class));
    }

    /** The permissions a role slug grants in an organization (none for an unknown slug). */
    public Set<OrgPermission> permissionsOfRole(String orgId, String role) {
        if (OrgRoles.BUILT_IN.contains(role)) {
            return OrgPermission.ofBuiltIn(role);
        }
        Set<OrgPermission> out = EnumSet.noneOf(OrgPermission.class);
        roles.find(orgId, role).ifPresent(r -> out.addAll(r.permissions()));
        return out;
    }

    /**
     * Checks that {@code role} exists in the organization and that the actor may hand it out: a role may
     * only grant permissions its granter holds, so nobody raises a principal above themselves.
     *
     * @return the role slug
     */
    public String requireGrantable(Actor actor, String orgId, String role, String field) {
        if (role == null || role.isBlank()) {
            throw LatchkeyException.missingField(field);
        }
        if (!OrgRoles.BUILT_IN.contains(role) && roles.find(orgId, role).isEmpty()) {
            throw LatchkeyException.invalidField(field, field + " must be admin, member, no-access or a custom role of the organization");
        }
        Set<OrgPermission> granted = permissionsOfRole(orgId, role);
        if (!permissionsOf(actor, orgId).containsAll(granted)) {
            throw LatchkeyException.forbidden("you may not grant the role " + role + ": it holds permissions you do not have");
        }
        return role;
    }
}
