package io.latchkey.core.kms;

import io.latchkey.core.error.LatchkeyException;

/**
 * The key types of the spec ({@code encryptionAlgorithm}, specs/infisical.md section 8): AES-GCM keys for
 * encrypt-decrypt, RSA-4096 and NIST P-256 key pairs for sign-verify.
 *
 * @since 0.1
 */
public enum KmsAlgorithm {
    AES_256_GCM("aes-256-gcm", KeyUsage.ENCRYPT_DECRYPT),
    AES_128_GCM("aes-128-gcm", KeyUsage.ENCRYPT_DECRYPT),
    RSA_4096("RSA_4096", KeyUsage.SIGN_VERIFY),
    ECC_NIST_P256("ECC_NIST_P256", KeyUsage.SIGN_VERIFY);

    private final String wire;
    private final KeyUsage usage;

    KmsAlgorithm(String wire, KeyUsage usage) {
        this.wire = wire;
        this.usage = usage;
    }

    public String wire() {
        return wire;
    }

    public KeyUsage usage() {
        return usage;
    }

    /** Null means the usage's default: {@link #AES_256_GCM} for encryption, {@link #RSA_4096} for signing. */
    public static KmsAlgorithm fromWire(String value, KeyUsage usage, String field) {
        if (value == null) {
            return usage == KeyUsage.SIGN_VERIFY ? RSA_4096 : AES_256_GCM;
        }
        for (KmsAlgorithm a : values()) {
            if (a.wire.equals(value)) {
                return a;
            }
        }
        throw LatchkeyException.invalidField(field, field + " must be one of aes-256-gcm, aes-128-gcm, RSA_4096, ECC_NIST_P256");
    }
}
