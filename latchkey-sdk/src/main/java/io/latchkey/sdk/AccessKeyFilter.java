package io.latchkey.sdk;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Which access keys a list returns: all of them ({@link #all()}), or those in some tenants, bound to a user
 * or created by someone. Filters combine with AND; several tenants match a key in any of them.
 *
 * @param tenantIds    keys in any of these tenants; empty for no tenant filter
 * @param boundUserId  keys bound to this user, or null
 * @param creatingUser keys created by this principal, or null
 * @since 0.1
 */
public record AccessKeyFilter(List<String> tenantIds, String boundUserId, String creatingUser) {

    public AccessKeyFilter {
        tenantIds = tenantIds == null ? List.of() : List.copyOf(tenantIds);
    }

    public static AccessKeyFilter all() {
        return new AccessKeyFilter(List.of(), null, null);
    }

    public AccessKeyFilter withTenant(String tenantId) {
        List<String> t = new ArrayList<>(tenantIds);
        t.add(Objects.requireNonNull(tenantId, "tenantId cannot be null"));
        return new AccessKeyFilter(t, boundUserId, creatingUser);
    }

    public AccessKeyFilter withBoundUser(String userId) {
        return new AccessKeyFilter(tenantIds, userId, creatingUser);
    }

    public AccessKeyFilter withCreatingUser(String principalId) {
        return new AccessKeyFilter(tenantIds, boundUserId, principalId);
    }
}
