package io.latchkey.core.accesskey;

import java.util.List;

/**
 * An access key's association with one tenant of its project, with the roles it holds there.
 *
 * @param tenantName filled in when read from storage (the tenant's current name); ignored on write
 * @since 0.1
 */
public record KeyTenant(String tenantId, String tenantName, List<String> roleNames) {
    public KeyTenant {
        roleNames = roleNames == null ? List.of() : List.copyOf(roleNames);
    }
}
