package io.latchkey.core.ratelimit;

import java.time.Instant;

/** Failed attempts for one key (an account, a source address, a client id) in the current window. */
public record AttemptCounter(String key, Instant windowStart, int failures, Instant lockedUntil) {
}
