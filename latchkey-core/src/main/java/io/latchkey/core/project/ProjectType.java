package io.latchkey.core.project;

import io.latchkey.core.error.LatchkeyException;

/**
 * What a project is for, in the secrets dialect's terms. Projects created through the IAM or access-key
 * dialects are {@link #SECRET_MANAGER}; KMS keys exist only in {@link #KMS} projects.
 *
 * @since 0.1
 */
public enum ProjectType {
    SECRET_MANAGER("secret-manager"),
    KMS("kms"),
    CERT_MANAGER("cert-manager"),
    SSH("ssh"),
    SECRET_SCANNING("secret-scanning");

    private final String wire;

    ProjectType(String wire) {
        this.wire = wire;
    }

    public String wire() {
        return wire;
    }

    public static ProjectType fromWire(String value, String field) {
        for (ProjectType t : values()) {
            if (t.wire.equals(value)) {
                return t;
            }
        }
        throw LatchkeyException.invalidField(field,
                field + " must be one of secret-manager, kms, cert-manager, ssh, secret-scanning");
    }
}
