package io.latchkey.core.keys;

/**
 * Life cycle of a signing key: published before it signs, signing while active, published after it stops
 * signing until every token it signed has expired.
 */
public enum KeyStatus {
    /** Published in the JWKS, not yet signing: verifiers learn it before they meet tokens signed by it. */
    NEXT,
    /** Signs new tokens. One per algorithm. */
    ACTIVE,
    /** No longer signs; published until {@code publishUntil}, still trusted by this instance's verifier. */
    RETIRED
}
