package io.latchkey.core.secrets;

import java.time.Instant;

/**
 * Makes the secrets of another place ({@code importEnvironmentId}, {@code importPath}) readable at this
 * place ({@code environmentId}, {@code path}), in {@code position} order. Imports are resolved on read and
 * one level deep: the imported folder's own imports are not followed.
 *
 * @since 0.1
 */
public record SecretImport(String id, String projectId, String environmentId, SecretPath path, String importEnvironmentId,
                           SecretPath importPath, int position, boolean replication, Instant createdAt, Instant updatedAt) {

    public SecretImport withSource(String envId, SecretPath source, int newPosition, Instant now) {
        return new SecretImport(id, projectId, environmentId, path, envId, source, newPosition, replication, createdAt, now);
    }
}
