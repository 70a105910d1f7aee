package io.latchkey.sdk;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Changes to an access key ({@code PATCH /iam/v1/projects/{projectId}/access-keys/{id}}): members left null
 * stay as they are; a list or map that is set replaces the key's whole list or map (an empty one clears it).
 * Start with {@link #changes()}.
 *
 * @since 0.1
 */
public record AccessKeyUpdate(String name, String description, List<String> roleNames, List<KeyTenant> keyTenants,
                              Map<String, Object> customClaims, List<String> permittedIps,
                              Map<String, Object> customAttributes) {

    /** No changes yet. */
    public static AccessKeyUpdate changes() {
        return new AccessKeyUpdate(null, null, null, null, null, null, null);
    }

    public AccessKeyUpdate withName(String name) {
        return new AccessKeyUpdate(name, description, roleNames, keyTenants, customClaims, permittedIps, customAttributes);
    }

    public AccessKeyUpdate withDescription(String description) {
        return new AccessKeyUpdate(name, description, roleNames, keyTenants, customClaims, permittedIps, customAttributes);
    }

    /** Replaces the project-level roles. */
    public AccessKeyUpdate withRoles(List<String> roles) {
        return new AccessKeyUpdate(name, description, List.copyOf(roles), keyTenants, customClaims, permittedIps,
                customAttributes);
    }

    /** Replaces the tenants (call once per tenant; the first call starts a new list). */
    public AccessKeyUpdate withTenant(String tenantId, List<String> roles) {
        List<KeyTenant> t = keyTenants == null ? new ArrayList<>() : new ArrayList<>(keyTenants);
        t.add(KeyTenant.of(Objects.requireNonNull(tenantId, "tenantId cannot be null"), roles));
        return new AccessKeyUpdate(name, description, roleNames, List.copyOf(t), customClaims, permittedIps, customAttributes);
    }

    /** Replaces the tenants with none. */
    public AccessKeyUpdate withoutTenants() {
        return new AccessKeyUpdate(name, description, roleNames, List.of(), customClaims, permittedIps, customAttributes);
    }

    /** Replaces the custom claims. */
    public AccessKeyUpdate withCustomClaims(Map<String, Object> claims) {
        return new AccessKeyUpdate(name, description, roleNames, keyTenants, new LinkedHashMap<>(claims), permittedIps,
                customAttributes);
    }

    /** Replaces the permitted addresses (empty: any address). */
    public AccessKeyUpdate withPermittedIps(List<String> ips) {
        return new AccessKeyUpdate(name, description, roleNames, keyTenants, customClaims, List.copyOf(ips), customAttributes);
    }

    public AccessKeyUpdate withCustomAttributes(Map<String, Object> attributes) {
        return new AccessKeyUpdate(name, description, roleNames, keyTenants, customClaims, permittedIps,
                new LinkedHashMap<>(attributes));
    }

    /** True when nothing would change. */
    public boolean empty() {
        return name == null && description == null && roleNames == null && keyTenants == null && customClaims == null
                && permittedIps == null && customAttributes == null;
    }
}
