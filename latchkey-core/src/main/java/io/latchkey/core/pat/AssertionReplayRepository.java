package io.latchkey.core.pat;

import java.time.Instant;

/**
 * Port: the replay cache of client assertions, shared by all nodes. An entry lives until the assertion
 * itself expires.
 *
 * @since 0.1
 */
public interface AssertionReplayRepository {

    /**
     * Records a jti as used, in one statement, only while the client (the personal access token) still exists
     * as it was when the assertion was verified: {@code clientVersion} is its {@code updatedAt}. False when the
     * jti was already recorded (a replay), or the client was deleted or changed (a new key) meanwhile.
     */
    boolean markUsed(String clientId, Instant clientVersion, String jtiHash, Instant expiresAt);

    int purgeExpired(Instant now);
}
