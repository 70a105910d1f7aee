package io.latchkey.core.pat;

import io.latchkey.core.support.Require;

import java.time.Instant;

/**
 * A client assertion's jti to record as used ({@link AssertionReplayRepository#markUsed}).
 *
 * @param clientId the personal access token the assertion authenticates
 * @param clientVersion the token's {@code updatedAt} when the assertion was verified against it
 * @param jtiHash SHA-256 of the jti
 * @param assertionExpiry the assertion's {@code exp}. A replay is the same signed assertion, so it carries the
 *        same {@code exp}: a mark is the jti with its {@code exp}, and marks are stored in {@code exp} order, so
 *        that new ones land together at the end of the index instead of each in a random place
 * @since 0.1
 */
public record ReplayMark(String clientId, Instant clientVersion, String jtiHash, Instant assertionExpiry) {
    public ReplayMark {
        Require.nonNull(clientId, "clientId");
        Require.nonNull(clientVersion, "clientVersion");
        Require.nonNull(jtiHash, "jtiHash");
        Require.nonNull(assertionExpiry, "assertionExpiry");
    }
}
