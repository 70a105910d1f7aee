package io.latchkey.core.org;

import java.time.Instant;

/**
 * The top tenant of an instance. Every project, machine identity and (through membership) user belongs to
 * one; nothing crosses from one organization to another.
 *
 * @since 0.1
 */
public record Organization(String id, String name, String slug, Instant createdAt, Instant updatedAt) {
}
