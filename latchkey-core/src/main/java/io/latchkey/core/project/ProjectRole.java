package io.latchkey.core.project;

import io.latchkey.core.policy.PolicyDocument;

import java.time.Instant;
import java.util.List;

/**
 * A custom role of a project: a named policy document, plus the permission names the access-key
 * dialect puts into session JWTs.
 *
 * @since 0.1
 */
public record ProjectRole(String projectId, String slug, String name, String description, PolicyDocument policy,
                          List<String> permissions, Instant createdAt, Instant updatedAt) {
    public ProjectRole {
        permissions = permissions == null ? List.of() : List.copyOf(permissions);
    }
}
