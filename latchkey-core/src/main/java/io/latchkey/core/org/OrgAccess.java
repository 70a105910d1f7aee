package io.latchkey.core.org;

import io.latchkey.core.error.LatchkeyException;
import io.latchkey.core.principal.Actor;
import io.latchkey.core.support.Require;

import java.util.Optional;

/**
 * Organization-level checks: is the caller a member, an administrator? Instance administrators pass every
 * check for their own organization.
 *
 * @since 0.1
 */
public final class OrgAccess {
    private final OrganizationRepository organizations;

    public OrgAccess(OrganizationRepository organizations) {
        this.organizations = Require.nonNull(organizations, "organizations");
    }

    /** Returns the caller's organization id when the caller administers it. */
    public String requireAdmin(Actor actor, String what) {
        String orgId = requireOrg(actor, what);
        if (actor.instanceAdmin()) {
            return orgId;
        }
        Optional<OrgMembership> m = organizations.findMembership(orgId, actor.type(), actor.id());
        if (m.isEmpty() || !OrgRoles.ADMIN.equals(m.get().role())) {
            throw LatchkeyException.forbidden("only organization administrators may " + what);
        }
        return orgId;
    }

    /** Returns the caller's organization id when the caller is a member with a role other than no-access. */
    public String requireMember(Actor actor, String what) {
        String orgId = requireOrg(actor, what);
        if (actor.instanceAdmin()) {
            return orgId;
        }
        Optional<OrgMembership> m = organizations.findMembership(orgId, actor.type(), actor.id());
        if (m.isEmpty() || OrgRoles.NO_ACCESS.equals(m.get().role())) {
            throw LatchkeyException.forbidden("only organization members may " + what);
        }
        return orgId;
    }

    private static String requireOrg(Actor actor, String what) {
        Require.nonNull(actor, "actor");
        if (actor.orgId() == null) {
            throw LatchkeyException.forbidden("a principal outside any organization may not " + what);
        }
        return actor.orgId();
    }
}
