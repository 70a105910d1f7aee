package io.latchkey.core.token;

import java.time.Instant;

/**
 * One entry of the shared deny-list.
 *
 * @param value the jti, or for {@link RevocationKind#SUBJECT} the subject key {@code <principalType>:<id>}
 * @param expiresAt when the entry can be forgotten (the revoked token's own expiry); null to keep it
 * @since 0.1
 */
public record Revocation(RevocationKind kind, String value, Instant revokedAt, Instant expiresAt) {
}
