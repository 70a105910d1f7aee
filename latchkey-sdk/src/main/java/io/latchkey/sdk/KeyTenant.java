package io.latchkey.sdk;

import java.util.List;

/**
 * A tenant an access key belongs to, with the roles it holds there.
 *
 * @param tenantId   the tenant's id
 * @param tenantName the tenant's name (in answers; ignored in requests)
 * @param roleNames  the key's roles in that tenant
 * @since 0.1
 */
public record KeyTenant(String tenantId, String tenantName, List<String> roleNames) {

    public KeyTenant {
        roleNames = roleNames == null ? List.of() : List.copyOf(roleNames);
    }

    /** A tenant membership for a request. */
    public static KeyTenant of(String tenantId, List<String> roleNames) {
        return new KeyTenant(tenantId, null, roleNames);
    }
}
