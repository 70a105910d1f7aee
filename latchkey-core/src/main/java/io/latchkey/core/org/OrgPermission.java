package io.latchkey.core.org;

import io.latchkey.core.error.LatchkeyException;

import java.util.EnumSet;
import java.util.Set;

/**
 * What a role may do at organization level. Built-in roles map to fixed sets ({@link OrgRoles}); custom
 * roles list any of these by wire name. Project-level rights come from project roles, not from these.
 *
 * @since 0.1
 */
public enum OrgPermission {
    /** See machine identities, their auth methods and memberships. */
    IDENTITIES_READ("identities:read"),
    /** Create, update and delete identities; attach and configure their auth methods; mint credentials. */
    IDENTITIES_MANAGE("identities:manage"),
    /** Create projects (the creator becomes their admin). */
    PROJECTS_CREATE("projects:create"),
    /** See the organization's members. */
    MEMBERS_READ("members:read"),
    /** Change members' roles and remove members. */
    MEMBERS_MANAGE("members:manage"),
    /** Create and delete custom organization roles. */
    ROLES_MANAGE("roles:manage");

    private final String wire;

    OrgPermission(String wire) {
        this.wire = wire;
    }

    public String wire() {
        return wire;
    }

    public static OrgPermission fromWire(String value, String field) {
        for (OrgPermission p : values()) {
            if (p.wire.equals(value)) {
                return p;
            }
        }
        throw LatchkeyException.invalidField(field, field + " must be one of identities:read, identities:manage, "
                + "projects:create, members:read, members:manage, roles:manage");
    }

    /** The fixed permissions of a built-in role slug; empty for unknown slugs. */
    public static Set<OrgPermission> ofBuiltIn(String role) {
        return switch (role) {
            case OrgRoles.ADMIN -> EnumSet.allOf(OrgPermission.class);
            case OrgRoles.MEMBER -> EnumSet.of(IDENTITIES_READ, PROJECTS_CREATE, MEMBERS_READ);
            default -> EnumSet.noneOf(OrgPermission.class);
        };
    }
}
