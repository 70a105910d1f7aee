package io.latchkey.core.identity;

import java.time.Instant;
import java.util.List;

/**
 * The stored record of a machine-identity access token. The token itself is a JWT whose {@code jti} is
 * {@link #id()}; it is never stored. The record holds what a JWT cannot: use counts, renewal state and
 * revocation.
 *
 * @param authMethod how the token was obtained ({@code token-auth}, {@code universal-auth}, ...)
 * @param expiresAt null when non-expiring
 * @since 0.1
 */
public record IdentityAccessToken(String id, String identityId, String authMethod, String name, long accessTokenTtl,
                                  long accessTokenMaxTtl, long numUses, long numUsesLimit, boolean revoked,
                                  List<String> trustedIps, Instant createdAt, Instant updatedAt, Instant expiresAt,
                                  Instant lastRenewedAt) {
    public IdentityAccessToken {
        trustedIps = trustedIps == null ? List.of() : List.copyOf(trustedIps);
    }
}
