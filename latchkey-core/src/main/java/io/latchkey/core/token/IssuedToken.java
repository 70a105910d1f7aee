package io.latchkey.core.token;

import java.time.Instant;

/**
 * A freshly signed token and what a response needs to describe it. {@code value} is a credential: return
 * it to its owner and never log it.
 *
 * @since 0.1
 */
public record IssuedToken(String value, String jti, Instant issuedAt, Instant expiresAt, String scope) {

    /** Seconds until expiry, from {@code issuedAt}; 0 for a non-expiring token. */
    public long expiresInSeconds() {
        return expiresAt == null ? 0 : Math.max(0, expiresAt.getEpochSecond() - issuedAt.getEpochSecond());
    }

    @Override
    public String toString() {
        return "IssuedToken[jti=" + jti + ", expiresAt=" + expiresAt + "]";
    }
}
