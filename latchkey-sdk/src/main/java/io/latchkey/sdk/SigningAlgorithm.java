package io.latchkey.sdk;

/**
 * Algorithms of the instance's signing keys.
 *
 * @since 0.1
 */
public enum SigningAlgorithm {
    /** ECDSA P-256 with SHA-256: signs the IAM and secrets dialects' tokens. */
    ES256,
    /** RSA PKCS#1 v1.5 with SHA-256: signs the access-key dialect's tokens. */
    RS256
}
