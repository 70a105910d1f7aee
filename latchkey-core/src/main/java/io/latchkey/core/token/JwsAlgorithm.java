package io.latchkey.core.token;

import io.latchkey.core.error.LatchkeyException;

/**
 * The JWS algorithms Latchkey signs with or accepts. ES256 signs the IAM and secrets dialects' tokens;
 * RS256 signs the access-key dialect's session JWTs (its Java SDK rebuilds every published key as RSA).
 * RS512 and ES512 are accepted for personal access tokens' client assertions.
 *
 * @since 0.1
 */
public enum JwsAlgorithm {
    ES256("EC", "P-256"),
    ES512("EC", "P-521"),
    RS256("RSA", null),
    RS512("RSA", null);

    private final String keyType;
    private final String curve;

    JwsAlgorithm(String keyType, String curve) {
        this.keyType = keyType;
        this.curve = curve;
    }

    /** JWK {@code kty}: EC or RSA. */
    public String keyType() {
        return keyType;
    }

    /** JWK {@code crv} for EC algorithms, else null. */
    public String curve() {
        return curve;
    }

    public boolean isEc() {
        return "EC".equals(keyType);
    }

    public static JwsAlgorithm parse(String value, String field) {
        if (value != null) {
            for (JwsAlgorithm a : values()) {
                if (a.name().equals(value)) {
                    return a;
                }
            }
        }
        throw LatchkeyException.invalidField(field, field + " must be one of RS256, RS512, ES256, ES512");
    }
}
