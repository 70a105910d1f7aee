package io.latchkey.sdk;

import java.time.Instant;
import java.util.List;

/**
 * A management key of a project: the credential the access-key dialect's management API and the vendors'
 * management SDKs authenticate with ({@code Bearer <projectId>:<managementKey>}). Its value is shown once,
 * by {@link CreatedManagementKey}; the server keeps only a keyed hash.
 *
 * @param id           the key id
 * @param projectId    its project; a management key never acts on another
 * @param name         the key's name
 * @param description  a description, or null
 * @param status       {@code active} or {@code inactive}
 * @param permittedIps addresses or CIDR ranges it may be used from; empty for any
 * @param createdBy    who created it
 * @param createdAt    creation time
 * @param expiresAt    expiry, or null for never
 * @param updatedAt    last change, or null
 * @since 0.1
 */
public record ManagementKey(String id, String projectId, String name, String description, String status,
                            List<String> permittedIps, String createdBy, Instant createdAt, Instant expiresAt,
                            Instant updatedAt) {

    public ManagementKey {
        permittedIps = permittedIps == null ? List.of() : List.copyOf(permittedIps);
    }

    public boolean active() {
        return AccessKey.ACTIVE.equals(status);
    }
}
