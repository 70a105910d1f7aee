package io.latchkey.core.identity;

import io.latchkey.core.error.LatchkeyException;
import io.latchkey.core.org.OrgPermission;
import io.latchkey.core.org.OrgPermissions;
import io.latchkey.core.principal.Actor;
import io.latchkey.core.support.Require;

/**
 * Loads an identity for an actor and checks that the actor may act on it: same organization (another
 * organization's identity is "not found") and the organization permission the operation needs.
 *
 * <p>Trap: whoever can mint credentials for an identity can act as it. An instance-administrator identity
 * (the bootstrap's) may therefore be changed only by an instance administrator; otherwise an organization
 * administrator could attach universal auth to it and gain instance-wide rights.
 *
 * @since 0.1
 */
public final class IdentityAccess {
    private final IdentityRepository identities;
    private final OrgPermissions permissions;

    public IdentityAccess(IdentityRepository identities, OrgPermissions permissions) {
        this.identities = Require.nonNull(identities, "identities");
        this.permissions = Require.nonNull(permissions, "permissions");
    }

    /** The identity, when the actor holds {@code permission} in its organization. */
    public MachineIdentity require(Actor actor, String identityId, OrgPermission permission, String what) {
        Require.nonNull(actor, "actor");
        MachineIdentity identity = (identityId == null ? null : identities.findById(identityId).orElse(null));
        if (identity == null || !identity.orgId().equals(actor.orgId())) {
            throw LatchkeyException.notFound("identity", identityId);
        }
        permissions.require(actor, identity.orgId(), permission, what);
        if (permission != OrgPermission.IDENTITIES_READ && identity.instanceAdmin() && !actor.instanceAdmin()) {
            throw LatchkeyException.forbidden("only an instance administrator may " + what + " of an instance-administrator identity");
        }
        return identity;
    }

    public OrgPermissions permissions() {
        return permissions;
    }
}
