package io.latchkey.core.pat;

import io.latchkey.core.support.Require;

import java.time.Instant;

/**
 * A client assertion's jti to record as used ({@link AssertionReplayRepository#markUsed}).
 *
 * @param clientId the personal access token the assertion authenticates
 * @param clientVersion the token's {@code updatedAt} when the assertion was verified against it
 * @param jtiHash SHA-256 of the jti
 * @param expiresAt when the mark may be purged (the assertion's expiry plus the allowed clock skew)
 * @since 0.1
 */
public record ReplayMark(String clientId, Instant clientVersion, String jtiHash, Instant expiresAt) {
    public ReplayMark {
        Require.nonNull(clientId, "clientId");
        Require.nonNull(clientVersion, "clientVersion");
        Require.nonNull(jtiHash, "jtiHash");
        Require.nonNull(expiresAt, "expiresAt");
    }
}
