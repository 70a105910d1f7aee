package io.latchkey.core.accesskey;

import java.time.Instant;
import java.util.Map;

/**
 * A tenant of a project: a sub-scope that access keys hold roles in (the session JWT's {@code tenants}
 * claim). Ids are chosen by the caller or generated; names are unique within the project.
 *
 * @param customAttributes frozen JSON object, or null
 * @since 0.1
 */
public record Tenant(String projectId, String id, String name, Map<String, Object> customAttributes,
                     Instant createdAt) {
}
