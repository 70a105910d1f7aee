package io.latchkey.sdk;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

import java.util.Locale;

/**
 * The kinds of principals a project holds, as the IAM dialect names them ({@code principalType}).
 *
 * @since 0.1
 */
public enum PrincipalType {
    /** A person. */
    USER("user"),
    /** A personal access token. */
    TOKEN("token");

    private final String wire;

    PrincipalType(String wire) {
        this.wire = wire;
    }

    /** The name on the wire: {@code user} or {@code token}. */
    @JsonValue
    public String wire() {
        return wire;
    }

    /**
     * The type named {@code value} ({@code user} or {@code token}, any case).
     *
     * @throws IllegalArgumentException for any other value
     */
    @JsonCreator
    public static PrincipalType fromWire(String value) {
        if (value != null) {
            for (PrincipalType t : values()) {
                if (t.wire.equals(value.trim().toLowerCase(Locale.ROOT))) {
                    return t;
                }
            }
        }
        throw new IllegalArgumentException("principal type must be user or token, got " + value);
    }

    /** The principal's identifier in a project's policies: {@code ari:iam::<projectId>:<type>/<id>}. */
    public String ari(String projectId, String principalId) {
        return "ari:iam::" + projectId + ":" + wire + "/" + principalId;
    }
}
