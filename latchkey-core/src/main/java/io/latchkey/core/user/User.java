package io.latchkey.core.user;

import java.time.Instant;

/**
 * A person. {@code passwordHash} is an Argon2id PHC string; the password itself is never stored.
 *
 * @param superAdmin the instance's first user (created by bootstrap) administers every organization
 * @since 0.1
 */
public record User(String id, String email, String displayName, String passwordHash, UserStatus status,
                   boolean superAdmin, Instant createdAt, Instant updatedAt) {

    @Override
    public String toString() {
        return "User[id=" + id + ", status=" + status + "]";
    }
}
