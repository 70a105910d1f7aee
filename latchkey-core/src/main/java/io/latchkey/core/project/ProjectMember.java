package io.latchkey.core.project;

import io.latchkey.core.principal.PrincipalType;

import java.time.Instant;
import java.util.List;

/**
 * A principal in a project with role slugs (built-in: admin, member, viewer, no-access; or custom). A
 * member added through the IAM dialect has no roles: it may obtain a project-scoped token, and its
 * policy decides the rest.
 *
 * @since 0.1
 */
public record ProjectMember(String projectId, PrincipalType principalType, String principalId, List<String> roles,
                            Instant createdAt, Instant updatedAt) {
    public ProjectMember {
        roles = roles == null ? List.of() : List.copyOf(roles);
    }
}
