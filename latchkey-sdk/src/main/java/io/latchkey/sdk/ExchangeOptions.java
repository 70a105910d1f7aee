package io.latchkey.sdk;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * Options of an access-key exchange: claims the caller adds (they land under {@code nsec} in the session,
 * never at its top level, so they cannot pose as the key's own claims) and a selected tenant (the session's
 * {@code dct}, which must be one of the key's tenants).
 *
 * @param customClaims   claims to add under {@code nsec}, or null
 * @param selectedTenant a tenant of the key, or null
 * @since 0.1
 */
public record ExchangeOptions(Map<String, Object> customClaims, String selectedTenant) {
    public static final ExchangeOptions NONE = new ExchangeOptions(null, null);

    public ExchangeOptions {
        customClaims = customClaims == null ? null : java.util.Collections.unmodifiableMap(new LinkedHashMap<>(customClaims));
    }

    public ExchangeOptions withClaim(String name, Object value) {
        Map<String, Object> c = customClaims == null ? new LinkedHashMap<>() : new LinkedHashMap<>(customClaims);
        c.put(Objects.requireNonNull(name, "name cannot be null"), value);
        return new ExchangeOptions(c, selectedTenant);
    }

    public ExchangeOptions withSelectedTenant(String tenantId) {
        return new ExchangeOptions(customClaims, tenantId);
    }

    /** The exchange's JSON body, {@code {}} or {@code {"loginOptions": {...}}}. */
    public Map<String, Object> body() {
        if (customClaims == null && selectedTenant == null) {
            return Map.of();
        }
        Map<String, Object> options = new LinkedHashMap<>();
        if (customClaims != null) {
            options.put("customClaims", customClaims);
        }
        if (selectedTenant != null) {
            options.put("selectedTenant", selectedTenant);
        }
        return Map.of("loginOptions", options);
    }
}
