package io.latchkey.core.org;

import java.time.Instant;
import java.util.Set;

/**
 * A custom organization role: a slug members can hold instead of a built-in one, with the organization
 * permissions it grants.
 *
 * @since 0.1
 */
public record OrgRole(String id, String orgId, String slug, String name, String description,
                      Set<OrgPermission> permissions, Instant createdAt, Instant updatedAt) {
    public OrgRole {
        permissions = Set.copyOf(permissions);
    }
}
