package io.latchkey.sdk;

import java.time.Instant;

/**
 * A person of an organization.
 *
 * @param id          the user id
 * @param email       the login email
 * @param displayName a display name, or null
 * @param status      {@code active} or {@code disabled}
 * @param superAdmin  whether the user administers the whole instance
 * @since 0.1
 */
public record User(String id, String email, String displayName, String status, boolean superAdmin, Instant createdAt,
                   Instant updatedAt) {
}
