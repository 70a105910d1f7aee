package io.latchkey.sdk;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

import java.util.Locale;

/**
 * Whether a policy statement allows or denies. A matching {@link #DENY} always wins.
 *
 * @since 0.1
 */
public enum PolicyEffect {
    ALLOW("Allow"),
    DENY("Deny");

    private final String wire;

    PolicyEffect(String wire) {
        this.wire = wire;
    }

    /** {@code Allow} or {@code Deny}, as the wire spells it. */
    @JsonValue
    public String wire() {
        return wire;
    }

    /**
     * The effect named {@code value} ({@code Allow} or {@code Deny}, any case).
     *
     * @throws IllegalArgumentException for any other value
     */
    @JsonCreator
    public static PolicyEffect fromWire(String value) {
        if (value != null) {
            String v = value.trim().toLowerCase(Locale.ROOT);
            for (PolicyEffect e : values()) {
                if (e.wire.toLowerCase(Locale.ROOT).equals(v)) {
                    return e;
                }
            }
        }
        throw new IllegalArgumentException("effect must be Allow or Deny, got " + value);
    }
}
