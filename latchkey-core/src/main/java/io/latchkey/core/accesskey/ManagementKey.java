package io.latchkey.core.accesskey;

import java.time.Instant;
import java.util.List;

/**
 * A management key: the credential the access-key dialect's management calls carry
 * ({@code Bearer <projectId>:<managementKey>}, specs/descope-access-keys.md section 2). It belongs to one
 * project and may manage that project's access keys, tenants, roles and management keys, nothing else. Its
 * value is shown once and stored only as a keyed hash beside the row, never in this record.
 *
 * @param expiresAt null when the key never expires
 * @param permittedIps addresses and CIDR blocks allowed to use the key; empty means any
 * @param createdBy the id of the principal that created it
 * @since 0.1
 */
public record ManagementKey(String id, String projectId, String name, String description, CredentialStatus status,
                            Instant expiresAt, List<String> permittedIps, String createdBy, Instant createdAt,
                            Instant updatedAt) {
    public ManagementKey {
        permittedIps = permittedIps == null ? List.of() : List.copyOf(permittedIps);
    }

    public ManagementKey with(String newName, String newDescription, CredentialStatus newStatus, List<String> newIps,
                              Instant now) {
        return new ManagementKey(id, projectId, newName, newDescription, newStatus, expiresAt, newIps, createdBy,
                createdAt, now);
    }

    public boolean isExpiredAt(Instant now) {
        return expiresAt != null && !now.isBefore(expiresAt);
    }
}
