package io.latchkey.core.pat;

import java.time.Instant;
import java.util.List;

/**
 * Port: the replay cache of client assertions, shared by all nodes. An entry lives until the assertion
 * itself expires (plus the allowed clock skew, within which an expired assertion is still accepted).
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

    /**
     * Removes the marks of assertions whose {@code exp} is before {@code horizon}: the current time minus the
     * clock skew allowed, so that no assertion they guard is accepted any more. Returns how many went.
     */
    int purgeExpired(Instant horizon);
}
