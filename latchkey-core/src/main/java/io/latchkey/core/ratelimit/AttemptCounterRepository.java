package io.latchkey.core.ratelimit;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * Port: failure counters shared by every node, so a brute-force attempt spread over nodes is still counted
 * once.
 *
 * @since 0.1
 */
public interface AttemptCounterRepository {

    Optional<AttemptCounter> find(String key);

    /** Adds one failure, starting a new window when the current one is older than {@code window}. */
    AttemptCounter recordFailure(String key, Instant now, Duration window);

    void lockUntil(String key, Instant until);

    void reset(String key);
}
