package io.latchkey.core.identity;

import java.time.Instant;

/**
 * A universal-auth client secret of an identity (specs/infisical.md section 3.1). The secret itself is
 * shown once at creation; only its keyed hash ({@link io.latchkey.core.crypto.KeyedHasher}) and a short
 * prefix for recognition are kept.
 *
 * @param ttlSeconds lifetime from creation, 0 = never expires
 * @param numUsesLimit logins allowed, 0 = unlimited
 * @since 0.1
 */
public record ClientSecret(String id, String identityId, String description, String prefix, String secretHash,
                           long numUses, long numUsesLimit, long ttlSeconds, boolean revoked, Instant createdAt,
                           Instant updatedAt) {

    /** When the secret stops working by age, or null when it never does. */
    public Instant expiresAt() {
        return ttlSeconds == 0 ? null : createdAt.plusSeconds(ttlSeconds);
    }

    public boolean isExpired(Instant now) {
        Instant exp = expiresAt();
        return exp != null && !now.isBefore(exp);
    }

    @Override
    public String toString() {
        // INVARIANT: never print the hash; it is a credential verifier.
        return "ClientSecret[id=" + id + ", identityId=" + identityId + ", revoked=" + revoked + "]";
    }
}
