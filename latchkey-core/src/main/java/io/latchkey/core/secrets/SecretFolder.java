package io.latchkey.core.secrets;

import java.time.Instant;

/**
 * A folder of an environment (specs/infisical.md section 5). Folders are addressed by their full path; the
 * root {@code /} of every environment exists implicitly and has no row.
 *
 * @param version starts at 1 and grows with every rename or description change
 * @since 0.1
 */
public record SecretFolder(String id, String projectId, String environmentId, SecretPath path, String description,
                           int version, Instant createdAt, Instant updatedAt) {

    public String name() {
        return path.name();
    }

    public SecretFolder moved(SecretPath newPath, String newDescription, Instant now) {
        return new SecretFolder(id, projectId, environmentId, newPath, newDescription, version + 1, createdAt, now);
    }
}
