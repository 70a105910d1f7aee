package io.latchkey.core.ratelimit;

import io.latchkey.core.error.ErrorCode;
import io.latchkey.core.error.LatchkeyException;
import io.latchkey.core.support.Require;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * Locks a key out after repeated failures: every credential-checking endpoint counts failures per
 * credential identifier (account, client id, key id) and per source address ({@link AttemptLimits} lists
 * them). Checking costs one indexed read; only failures write. The counters live behind
 * {@link AttemptCounterRepository} in the database, so an attacker spreading guesses over several nodes
 * is counted once; successes do not count, so a busy legitimate client is never throttled.
 *
 * @since 0.1
 */
public final class AttemptLimiter {
    private final AttemptCounterRepository repository;
    private final AttemptLimits limits;
    private final Clock clock;

    /** With the built-in lockout policies. */
    public AttemptLimiter(AttemptCounterRepository repository, Clock clock) {
        this(repository, AttemptLimits.defaults(), clock);
    }

    /** With the operator's lockout policies ({@link AttemptLimits#resolve} applies them by name). */
    public AttemptLimiter(AttemptCounterRepository repository, AttemptLimits limits, Clock clock) {
        this.repository = Require.nonNull(repository, "repository");
        this.limits = Require.nonNull(limits, "limits");
        this.clock = Require.nonNull(clock, "clock");
    }

    /**
     * @return whether failures are on record for {@code key}: only then does a later success have a counter
     *         to clear ({@link #recordSuccess}), so callers skip that write when this is false
     * @throws LatchkeyException {@code account_locked} with the seconds to wait
     */
    public boolean check(String key) {
        Optional<AttemptCounter> c = repository.find(key);
        Instant now = clock.instant();
        if (c.isPresent() && c.get().lockedUntil() != null && c.get().lockedUntil().isAfter(now)) {
            long wait = Math.max(1, Duration.between(now, c.get().lockedUntil()).toSeconds() + 1);
            throw LatchkeyException.of(ErrorCode.ACCOUNT_LOCKED, "too many failed attempts; try again later")
                    .withDetail("retryAfterSeconds", wait);
        }
        return c.isPresent();
    }

    /** Counts a failure; returns true when this failure caused a lockout. */
    public boolean recordFailure(String key, AttemptPolicy defaultPolicy) {
        AttemptPolicy policy = limits.resolve(defaultPolicy);
        Instant now = clock.instant();
        AttemptCounter c = repository.recordFailure(key, now, policy.window());
        if (c.failures() >= policy.maxFailures()) {
            repository.lockUntil(key, now.plus(policy.lockout()));
            return true;
        }
        return false;
    }

    /**
     * Clears the failures counted for {@code key}. Call it only when {@link #check} found some: a login
     * without earlier failures then costs no write, and failures counted concurrently with it stay counted.
     */
    public void recordSuccess(String key) {
        repository.reset(key);
    }
}
