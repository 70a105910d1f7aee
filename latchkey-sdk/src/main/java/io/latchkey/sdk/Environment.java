package io.latchkey.sdk;

import java.time.Instant;

/**
 * An environment of a project ({@code dev}, {@code staging}, {@code prod} by default). Secrets are kept per
 * environment; commands and calls name it by its slug.
 *
 * @since 0.1
 */
public record Environment(String id, String name, String slug, int position, String projectId, Instant createdAt,
                          Instant updatedAt) {
}
