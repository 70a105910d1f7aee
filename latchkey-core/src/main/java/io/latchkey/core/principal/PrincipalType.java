package io.latchkey.core.principal;

import io.latchkey.core.error.LatchkeyException;

/**
 * The kinds of principal that can act. The wire names are those of the IAM dialect ({@code user},
 * {@code token}) extended with ours.
 *
 * @since 0.1
 */
public enum PrincipalType {
    USER("user", "user"),
    /** A personal access token (the IAM dialect's "token" principal). */
    TOKEN("token", "token"),
    /** A machine identity of the secrets dialect. */
    IDENTITY("identity", "identity"),
    /** An access key of the access-key dialect. */
    ACCESS_KEY("access_key", "accesskey"),
    /**
     * A management key of the access-key dialect: manages one project's access keys, tenants and roles, never
     * joins a project as a member; what it may do is a policy stored for it in its project.
     */
    MANAGEMENT_KEY("management_key", "managementkey");

    private final String wire;
    private final String ariType;

    PrincipalType(String wire, String ariType) {
        this.wire = wire;
        this.ariType = ariType;
    }

    public String wire() {
        return wire;
    }

    /** The resource type segment used in ARIs, e.g. {@code ari:iam::P...:token/<id>}. */
    public String ariType() {
        return ariType;
    }

    public static PrincipalType fromWire(String value, String field) {
        if (value != null) {
            for (PrincipalType t : values()) {
                if (t.wire.equals(value)) {
                    return t;
                }
            }
        }
        throw LatchkeyException.invalidField(field, field + " must be one of user, token, identity, access_key");
    }
}
