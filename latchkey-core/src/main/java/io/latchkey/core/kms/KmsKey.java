package io.latchkey.core.kms;

import java.time.Instant;

/**
 * A KMS key of a project (specs/infisical.md section 8, {@code KmsKey}). The key material lives in
 * {@link KmsKeyVersion}s, one per rotation; {@code version} is the current one, used for new ciphertexts and
 * signatures.
 *
 * @since 0.1
 */
public record KmsKey(String id, String projectId, String orgId, String name, String description, KeyUsage usage,
                     KmsAlgorithm algorithm, boolean disabled, int version, Instant createdAt, Instant updatedAt) {

    public KmsKey with(String newName, String newDescription, boolean newDisabled, Instant now) {
        return new KmsKey(id, projectId, orgId, newName, newDescription, usage, algorithm, newDisabled, version, createdAt, now);
    }

    public KmsKey rotated(Instant now) {
        return new KmsKey(id, projectId, orgId, name, description, usage, algorithm, disabled, version + 1, createdAt, now);
    }
}
