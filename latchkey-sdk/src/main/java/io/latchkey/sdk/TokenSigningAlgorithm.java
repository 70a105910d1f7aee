package io.latchkey.sdk;

/**
 * The algorithms a personal access token may sign its client assertions with
 * ({@code authenticationMethod.signingAlgorithm}).
 *
 * @since 0.1
 */
public enum TokenSigningAlgorithm {
    /** RSA PKCS#1 v1.5 with SHA-256 (the default of the vendor's tools). */
    RS256("RSA", "SHA256withRSA", 0),
    /** RSA PKCS#1 v1.5 with SHA-512. */
    RS512("RSA", "SHA512withRSA", 0),
    /** ECDSA on P-256 with SHA-256. */
    ES256("EC", "SHA256withECDSA", 32),
    /** ECDSA on P-521 with SHA-512. */
    ES512("EC", "SHA512withECDSA", 66);

    private final String keyType;
    private final String jdkName;
    private final int ecPartLength;

    TokenSigningAlgorithm(String keyType, String jdkName, int ecPartLength) {
        this.keyType = keyType;
        this.jdkName = jdkName;
        this.ecPartLength = ecPartLength;
    }

    /** {@code RSA} or {@code EC}: the JWK {@code kty} and JDK key algorithm this algorithm needs. */
    public String keyType() {
        return keyType;
    }

    /** The JDK {@link java.security.Signature} name. */
    public String jdkName() {
        return jdkName;
    }

    /** For ECDSA, the byte length of each half of a JOSE signature; 0 for RSA. */
    public int ecPartLength() {
        return ecPartLength;
    }

    /**
     * The algorithm named {@code value} (any case).
     *
     * @throws IllegalArgumentException for other values
     */
    public static TokenSigningAlgorithm parse(String value) {
        if (value != null) {
            for (TokenSigningAlgorithm a : values()) {
                if (a.name().equalsIgnoreCase(value.trim())) {
                    return a;
                }
            }
        }
        throw new IllegalArgumentException("signing algorithm must be one of RS256, RS512, ES256, ES512, got " + value);
    }
}
