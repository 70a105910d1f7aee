package io.latchkey.core.kms;

import io.latchkey.core.error.LatchkeyException;

/**
 * What a KMS key is for (specs/infisical.md section 8). A key does one or the other, never both.
 *
 * @since 0.1
 */
public enum KeyUsage {
    ENCRYPT_DECRYPT("encrypt-decrypt"),
    SIGN_VERIFY("sign-verify");

    private final String wire;

    KeyUsage(String wire) {
        this.wire = wire;
    }

    public String wire() {
        return wire;
    }

    /** Null means {@link #ENCRYPT_DECRYPT}, the spec's default. */
    public static KeyUsage fromWire(String value, String field) {
        if (value == null) {
            return ENCRYPT_DECRYPT;
        }
        for (KeyUsage u : values()) {
            if (u.wire.equals(value)) {
                return u;
            }
        }
        throw LatchkeyException.invalidField(field, field + " must be encrypt-decrypt or sign-verify");
    }
}
