package io.latchkey.core.policy;

import io.latchkey.core.error.LatchkeyException;

/** A statement's effect. Wire names are {@code Allow} and {@code Deny}, as the IAM dialect writes them. */
public enum Effect {
    ALLOW("Allow"), DENY("Deny");

    private final String wire;

    Effect(String wire) {
        this.wire = wire;
    }

    public String wire() {
        return wire;
    }

    public static Effect fromWire(String value, String field) {
        if ("Allow".equals(value)) {
            return ALLOW;
        }
        if ("Deny".equals(value)) {
            return DENY;
        }
        throw LatchkeyException.invalidField(field, field + " must be Allow or Deny");
    }
}
