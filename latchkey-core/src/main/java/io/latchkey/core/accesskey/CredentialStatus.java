package io.latchkey.core.accesskey;

import io.latchkey.core.error.LatchkeyException;

/**
 * Whether an access key or a management key may be used. The wire names are the access-key dialect's
 * ({@code active}, {@code inactive}: specs/descope-access-keys.md section 4.1); they are also what storage
 * keeps.
 *
 * @since 0.1
 */
public enum CredentialStatus {
    ACTIVE("active"),
    INACTIVE("inactive");

    private final String wire;

    CredentialStatus(String wire) {
        this.wire = wire;
    }

    public String wire() {
        return wire;
    }

    public static CredentialStatus fromWire(String value, String field) {
        for (CredentialStatus s : values()) {
            if (s.wire.equals(value)) {
                return s;
            }
        }
        throw LatchkeyException.invalidField(field, field + " must be active or inactive");
    }
}
