package io.latchkey.core.ratelimit;

import io.latchkey.core.error.ErrorCode;
import io.latchkey.core.error.LatchkeyException;
import io.latchkey.core.support.Require;
import io.latchkey.core.support.TtlCache;

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
 * <p>A key found without any counter is remembered as clean for {@link #CLEAN_TTL}, so a busy client
 * with no failures (a CI fleet logging in from one address) costs no read per login. Every failure this
 * node counts marks its key dirty first, so the next check reads storage again and a reader that looked
 * before the failure cannot mark the key clean over it. A failure counted on another node reaches this one
 * within the TTL or at this node's first failure for the key, whichever comes first: at most one more
 * attempt per node than without the memory.</p>
 *
 * @since 0.1
 */
public final class AttemptLimiter {
    /** How long a key found without failures is taken as clean without reading storage. */
    static final Duration CLEAN_TTL = Duration.ofSeconds(1);
    private static final int MAX_REMEMBERED = 10_000;

    private final AttemptCounterRepository repository;
    private final AttemptLimits limits;
    private final Clock clock;
    /** TRUE: no counter was stored when last read; FALSE: this node counted a failure since (read storage). */
    private final TtlCache<String, Boolean> clean;

    /** With the built-in lockout policies. */
    public AttemptLimiter(AttemptCounterRepository repository, Clock clock) {
        this(repository, AttemptLimits.defaults(), clock);
    }

    /** With the operator's lockout policies ({@link AttemptLimits#resolve} applies them by name). */
    public AttemptLimiter(AttemptCounterRepository repository, AttemptLimits limits, Clock clock) {
        this.repository = Require.nonNull(repository, "repository");
        this.limits = Require.nonNull(limits, "limits");
        this.clock = Require.nonNull(clock, "clock");
        this.clean = new TtlCache<>(CLEAN_TTL, MAX_REMEMBERED, clock);
    }

    /**
     * @return whether failures are on record for {@code key}: only then does a later success have a counter
     *         to clear ({@link #recordSuccess}), so callers skip that write when this is false
     * @throws LatchkeyException {@code account_locked} with the seconds to wait
     */
    public boolean check(String key) {
        if (Boolean.TRUE.equals(clean.get(key))) {
            return false;
        }
        Optional<AttemptCounter> c = repository.find(key);
        if (c.isEmpty()) {
            clean.putIfAbsent(key, Boolean.TRUE);
        }
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
        clean.put(key, Boolean.FALSE);
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
