package io.latchkey.core.kms;

import java.time.Instant;

/**
 * The material of one version of a KMS key: the AES key or the PKCS#8 private key, sealed with the
 * project's data key (context {@code kms-key:<projectId>:<keyId>:<version>}), and for key pairs the public
 * key (X.509 SubjectPublicKeyInfo DER), which is not secret.
 *
 * @since 0.1
 */
public record KmsKeyVersion(String keyId, int version, byte[] sealedMaterial, byte[] publicKey, Instant createdAt) {

    @Override
    public String toString() {
        return "KmsKeyVersion[keyId=" + keyId + ", version=" + version + "]";
    }
}
