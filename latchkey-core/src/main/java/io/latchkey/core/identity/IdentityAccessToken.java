package io.latchkey.core.identity;

import java.time.Instant;
import java.util.List;

/**
 * The stored record of a machine-identity access token: one login session. The token itself is a JWT whose
 * {@code jti} is {@link #id()}; it is never stored. The record holds what a JWT cannot: use counts, renewal
 * state and revocation.
 *
 * <p>One record may stand behind several JWTs: a renewal mints a new JWT with the same {@code jti} and a
 * later {@code exp} (see {@link IdentityTokens#renew}). {@link #expiresAt()} is the expiry of the latest
 * one, so revoking the record revokes them all and its revocation entry lives as long as the longest.
 *
 * @param authMethod how the token was obtained ({@code token-auth}, {@code universal-auth}, ...)
 * @param accessTokenPeriod seconds per renewal of a periodic token, 0 when not periodic
 * @param clientSecretId the universal-auth client secret that was presented, else null
 * @param expiresAt null when non-expiring
 * @since 0.1
 */
public record IdentityAccessToken(String id, String identityId, String authMethod, String name, long accessTokenTtl,
                                  long accessTokenMaxTtl, long numUses, long numUsesLimit, boolean revoked,
                                  List<String> trustedIps, Instant createdAt, Instant updatedAt, Instant expiresAt,
                                  Instant lastRenewedAt, long accessTokenPeriod, String clientSecretId) {
    public IdentityAccessToken {
        trustedIps = trustedIps == null ? List.of() : List.copyOf(trustedIps);
    }

    /** A record of a non-periodic token not tied to a client secret. */
    public IdentityAccessToken(String id, String identityId, String authMethod, String name, long accessTokenTtl,
                               long accessTokenMaxTtl, long numUses, long numUsesLimit, boolean revoked,
                               List<String> trustedIps, Instant createdAt, Instant updatedAt, Instant expiresAt,
                               Instant lastRenewedAt) {
        this(id, identityId, authMethod, name, accessTokenTtl, accessTokenMaxTtl, numUses, numUsesLimit, revoked,
                trustedIps, createdAt, updatedAt, expiresAt, lastRenewedAt, 0, null);
    }

    /** True when the session can no longer be used at {@code now}: revoked or past its latest expiry. */
    public boolean isDead(Instant now) {
        return revoked || (expiresAt != null && !now.isBefore(expiresAt));
    }

    /** True when a use limit is set and reached. */
    public boolean usesExhausted() {
        return numUsesLimit > 0 && numUses >= numUsesLimit;
    }
}
