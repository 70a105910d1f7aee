package io.latchkey.sdk;

import java.time.Instant;

/**
 * A permission name of a project's access keys (what roles grant and sessions carry in {@code permissions}).
 *
 * @param name        the permission, e.g. {@code reports:read}
 * @param description a description, or null
 * @param createdAt   creation time
 * @since 0.1
 */
public record AccessKeyPermission(String name, String description, Instant createdAt) {
}
