package io.latchkey.core.pat;

import java.time.Instant;

/**
 * Port: the replay cache of client assertions, shared by all nodes. An entry lives until the assertion
 * itself expires.
 *
 * @since 0.1
 */
public interface AssertionReplayRepository {

    /** Records a jti as used; false when it was already recorded (a replay). */
    boolean markUsed(String clientId, String jtiHash, Instant expiresAt);

    int purgeExpired(Instant now);
}
