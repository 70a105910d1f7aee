package io.latchkey.core.accesskey;

import java.time.Instant;

/**
 * A permission name of a project. Roles list permission names; a session JWT carries the permissions of its
 * roles.
 *
 * @since 0.1
 */
public record Permission(String projectId, String name, String description, Instant createdAt) {
}
