package io.latchkey.core.project;

import io.latchkey.core.principal.PrincipalType;

import java.time.Instant;

/**
 * The unit of isolation. One id in all three dialects ({@code P} + 27 alphanumerics). The owner (the
 * principal that created it) has implicit full access.
 *
 * @param dataKeyWrapped the project's data key (AES-256), wrapped by the root key; encrypts secret values
 * @param authzVersion bumped on every change to who may do what in the project (memberships, policies,
 *        roles), so cached compiled policies can be invalidated on every node
 * @since 0.1
 */
public record Project(String id, String orgId, String name, String slug, String description, ProjectType type,
                      PrincipalType ownerType, String ownerId, boolean identityVerificationEnabled,
                      byte[] dataKeyWrapped, long authzVersion, Instant createdAt, Instant updatedAt) {

    public Project with(String newName, String newDescription, boolean newIdentityVerification, Instant now) {
        return new Project(id, orgId, newName, slug, newDescription, type, ownerType, ownerId, newIdentityVerification,
                dataKeyWrapped, authzVersion, createdAt, now);
    }

    public boolean isOwner(PrincipalType type, String principalId) {
        return ownerType == type && ownerId.equals(principalId);
    }

    @Override
    public String toString() {
        return "Project[id=" + id + ", name=" + name + "]";
    }
}
