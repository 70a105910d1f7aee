package io.latchkey.sdk;

import java.time.Instant;

/**
 * An organization: the top tenant of an instance.
 *
 * @since 0.1
 */
public record Organization(String id, String name, String slug, Instant createdAt, Instant updatedAt) {
}
