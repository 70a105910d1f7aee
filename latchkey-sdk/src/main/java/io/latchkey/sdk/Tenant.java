package io.latchkey.sdk;

import java.time.Instant;
import java.util.Map;

/**
 * A tenant of a project: a sub-scope in which access keys hold roles of their own (the session's
 * {@code tenants} claim).
 *
 * @param id               the tenant id (chosen at creation, or generated)
 * @param name             the tenant's name
 * @param customAttributes free-form attributes
 * @param createdAt        creation time
 * @since 0.1
 */
public record Tenant(String id, String name, Map<String, Object> customAttributes, Instant createdAt) {

    public Tenant {
        customAttributes = customAttributes == null ? Map.of()
                : java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(customAttributes));
    }
}
