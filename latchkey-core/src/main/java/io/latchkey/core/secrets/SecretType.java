package io.latchkey.core.secrets;

import io.latchkey.core.error.LatchkeyException;

/**
 * Whether a secret is shared by everyone with access to its folder, or a user's personal override of a
 * shared secret of the same name (specs/infisical.md section 4). Personal secrets belong to a user; machine
 * identities only have shared ones.
 *
 * @since 0.1
 */
public enum SecretType {
    SHARED("shared"),
    PERSONAL("personal");

    private final String wire;

    SecretType(String wire) {
        this.wire = wire;
    }

    public String wire() {
        return wire;
    }

    /** Parses the wire name; null means {@link #SHARED}. */
    public static SecretType fromWire(String value, String field) {
        if (value == null || value.isEmpty()) {
            return SHARED;
        }
        for (SecretType t : values()) {
            if (t.wire.equals(value)) {
                return t;
            }
        }
        throw LatchkeyException.invalidField(field, field + " must be shared or personal");
    }
}
