package io.latchkey.sdk;

import com.fasterxml.jackson.annotation.JsonProperty;

import java.time.Instant;

/**
 * A KMS key of a project (specs/infisical.md section 8). Its material never leaves the server.
 *
 * @param id          the key id (a UUID)
 * @param name        its name (a slug, unique per project)
 * @param description its description, or null
 * @param disabled    whether it is disabled (a disabled key refuses every operation)
 * @param projectId   its project (of type {@code kms})
 * @param usage       {@code encrypt-decrypt} or {@code sign-verify}
 * @param version     its current version (rotation adds one; old versions still decrypt and verify)
 * @param algorithm   {@code aes-256-gcm}, {@code aes-128-gcm}, {@code RSA_4096} or {@code ECC_NIST_P256}
 * @since 0.1
 */
public record KmsKey(String id, String name, String description, @JsonProperty("isDisabled") boolean disabled,
                     String orgId, String projectId, @JsonProperty("keyUsage") String usage, int version,
                     @JsonProperty("encryptionAlgorithm") String algorithm, Instant createdAt, Instant updatedAt) {
}
