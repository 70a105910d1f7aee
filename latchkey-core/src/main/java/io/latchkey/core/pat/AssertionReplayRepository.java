package io.latchkey.core.pat;

import java.time.Instant;
import java.util.List;

/**
 * Port: the replay cache of client assertions, shared by all nodes. An entry lives until the assertion
 * itself expires.
 *
 * @since 0.1
 */
public interface AssertionReplayRepository {

    /**
     * Records jtis as used, each in one statement, in order, sent together (one round trip where the database
     * allows); each only while its client (the personal access token) still exists as it was when the
     * assertion was verified ({@link ReplayMark#clientVersion} is its {@code updatedAt}). Per mark, false when
     * the jti was already recorded (a replay, also by an earlier mark of the same call), or the client was
     * deleted or changed (a new key) meanwhile.
     */
    List<Boolean> markUsed(List<ReplayMark> marks);

    int purgeExpired(Instant now);
}
