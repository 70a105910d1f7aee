package io.latchkey.core.accesskey;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Filters of an access-key search (specs/descope-access-keys.md M3). Every filter is optional; given filters
 * must all hold.
 *
 * @param tenantIds keys associated with any of these tenants (empty: no tenant filter)
 * @param boundUserId keys bound to this user
 * @param creatingUser keys created by this principal id
 * @param customAttributes keys whose custom attributes hold every one of these entries
 * @since 0.1
 */
public record AccessKeySearch(List<String> tenantIds, String boundUserId, String creatingUser,
                              Map<String, Object> customAttributes) {
    public AccessKeySearch {
        tenantIds = tenantIds == null ? List.of() : List.copyOf(tenantIds);
        customAttributes = customAttributes == null ? Map.of()
                : Collections.unmodifiableMap(new LinkedHashMap<>(customAttributes));
    }

    public static AccessKeySearch all() {
        return new AccessKeySearch(List.of(), null, null, Map.of());
    }
}
