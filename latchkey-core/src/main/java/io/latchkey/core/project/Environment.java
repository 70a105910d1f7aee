package io.latchkey.core.project;

import java.time.Instant;

/** A project's environment (dev, staging, prod by default); secrets live per environment. */
public record Environment(String id, String projectId, String name, String slug, int position, Instant createdAt,
                          Instant updatedAt) {
}
